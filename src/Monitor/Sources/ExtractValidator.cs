// Checks one extract file against its contract: file-level rules first, then every row.
// The outcome says which rows load, which are quarantined and why, or why the whole file is rejected.
using System.Globalization;
using System.Text;
using Monitor.Domain;

namespace Monitor.Sources;

/// <summary>One row that did not load. Control characters in the raw value and record are kept escaped (<c>\u0000</c>).</summary>
public sealed record QuarantinedRow(long LineNumber, string? Column, string? RawValue, string Reason, string? RawRecord)
{
    public string? RawValue { get; init; } = ControlText.Escape(RawValue);
    public string? RawRecord { get; init; } = ControlText.Escape(RawRecord);
}

/// <summary>A row that passed every check: typed values in contract column order.</summary>
public sealed record ValidRow(long LineNumber, object?[] Values, CellStatus[] Statuses);

public sealed class ExtractValidation
{
    public required DiscoveredFile File { get; init; }
    public string? Encoding { get; set; }
    public string? LineEnding { get; set; }
    /// <summary>Data lines: the physical lines after the header.</summary>
    public long RowsTotal { get; set; }
    /// <summary>Physical lines of the file (a final line end starts no new line); 0 when the file was not read that far.</summary>
    public long PhysicalLines { get; set; }
    /// <summary>Header lines: 1 once the header was read.</summary>
    public int HeaderLines { get; set; }
    public List<ValidRow> Rows { get; } = [];
    public List<QuarantinedRow> Quarantine { get; } = [];
    public List<string> Warnings { get; } = [];
    /// <summary>Set when the whole file is rejected; the rows above are then not loaded.</summary>
    public string? FileError { get; set; }
    public bool Rejected => FileError is not null;
    public long RowsQuarantined => Quarantine.Select(q => q.LineNumber).Distinct().LongCount();

    /// <summary>
    /// The line accounting of an accepted file: every physical line is the header, a loaded row or a quarantined row
    /// (by its own line number, within the file). Null when it holds or the file is rejected, else what does not add up.
    /// </summary>
    public string? LineAccountingError(long loadedRows)
    {
        if (Rejected) return null;
        var quarantined = RowsQuarantined;
        if (PhysicalLines == HeaderLines + loadedRows + quarantined && RowsTotal == PhysicalLines - HeaderLines
            && Quarantine.All(q => q.LineNumber > HeaderLines && q.LineNumber <= PhysicalLines))
            return null;
        return $"line accounting of {File.Folder}/{File.FileName} does not add up: {PhysicalLines} physical lines, but {HeaderLines} header + {loadedRows} loaded + {quarantined} quarantined (and {RowsTotal} data lines read); the file is not accepted";
    }

    /// <summary>Rejects the file when <see cref="LineAccountingError"/> finds a fault.</summary>
    public void CheckLineAccounting(long loadedRows)
    {
        if (LineAccountingError(loadedRows) is { } error) FileError = error;
    }
}

public sealed class ExtractValidator(ReferenceData reference, double badRowThreshold)
{
    readonly CellParser cells = new(reference);

    public double BadRowThreshold => badRowThreshold;
    public ReferenceData Reference => reference;

    public ExtractValidation Validate(DiscoveredFile file) => Validate(file, System.IO.File.ReadAllBytes(file.Path));

    /// <summary>
    /// Reads the file line by line as the contract says: each physical line (LF or CRLF) is one record, a quoted value
    /// never runs past its line. Every line after the header ends up loaded or quarantined with its own number, or the
    /// whole file is rejected; <see cref="ExtractValidation.CheckLineAccounting"/> checks that before the file is accepted.
    /// </summary>
    public ExtractValidation Validate(DiscoveredFile file, byte[] bytes, CancellationToken cancellationToken = default)
    {
        var result = new ExtractValidation { File = file };
        if (!file.NameFits) { result.FileError = file.NameError; return result; }
        var contract = file.Contract!;

        if (bytes.Length == 0) { result.FileError = "file is empty (0 bytes)"; return result; }
        if (TextDecoding.TryDecode(bytes, out var problem) is not { } decoded) { result.FileError = problem; return result; }
        result.Encoding = decoded.Encoding;
        result.LineEnding = decoded.LineEnding;
        var text = decoded.Text;
        if (string.IsNullOrWhiteSpace(text)) { result.FileError = "file is empty (no header row)"; return result; }
        if (!text.Contains('\n') && text.Contains('\r'))
        {
            result.FileError = "the lines end with a bare carriage return (old Mac line ends); save the file with CRLF or LF line ends";
            return result;
        }

        var lines = text.Split('\n');
        var physical = decoded.EndsWithNewline ? lines.Length - 1 : lines.Length;
        result.PhysicalLines = physical;
        var fields = new List<string>();
        if (CsvLine.Split(StripCr(lines[0]), ';', fields) is { } headerError)
        {
            result.FileError = $"header line 1 cannot be read: {headerError.Reason}";
            return result;
        }
        var headers = fields.Select(h => h.Trim()).ToArray();
        result.HeaderLines = 1;
        var index = MapHeader(contract, headers, result);
        if (result.Rejected) return result;

        var parsed = new List<(long Line, object?[] Values, CellStatus[] Statuses, string Raw)>();
        for (var n = 2; n <= physical; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.RowsTotal++;
            long line = n;
            var raw = StripCr(lines[n - 1]);
            var last = n == physical && !decoded.EndsWithNewline;
            if (raw.Length == 0)
            {
                result.Quarantine.Add(new(line, null, null, "empty line; every line after the header must hold a record", raw));
                continue;
            }
            if (CsvLine.Split(raw, ';', fields) is { } split)
            {
                if (last && split.OpenQuote)
                {
                    result.FileError = $"truncated last line {line}: it ends inside an open quote and has no line end; the delivery looks cut off";
                    return result;
                }
                result.Quarantine.Add(new(line, null, null, split.Reason, raw));
                continue;
            }
            if (fields.Count != headers.Length)
            {
                // A short last record in a file that stops mid-line was cut off in transfer: the file, not the row, is bad.
                if (last && fields.Count < headers.Length)
                {
                    result.FileError = $"truncated last line {line}: {fields.Count} of {headers.Length} fields and no line end; the delivery looks cut off";
                    return result;
                }
                result.Quarantine.Add(new(line, null, null, $"expected {headers.Length} fields as in the header, found {fields.Count}", raw));
                continue;
            }

            var values = new object?[contract.Columns.Length];
            var statuses = new CellStatus[contract.Columns.Length];
            var bad = false;
            for (var c = 0; c < contract.Columns.Length; c++)
            {
                var column = contract.Columns[c];
                var cellText = fields[index[c]];
                var cell = cells.Parse(column, cellText);
                if (cell.IsError)
                {
                    result.Quarantine.Add(new(line, column.Header, cellText, cell.Error!, raw));
                    bad = true;
                    continue;
                }
                values[c] = cell.Value;
                statuses[c] = cell.Status;
            }
            if (bad) continue;

            if (contract.RowRules is not null || contract.VintageRules is not null)
            {
                var byName = new Dictionary<string, object?>(contract.Columns.Length);
                for (var c = 0; c < contract.Columns.Length; c++) byName[contract.Columns[c].SqlName] = values[c];
                var vintage = file.Vintage!.Value.Date;
                var problems = (contract.RowRules ?? []).Select(rule => rule(byName))
                    .Concat((contract.VintageRules ?? []).Select(rule => rule(byName, vintage)));
                foreach (var found in problems)
                {
                    if (found is not { } problemCell) continue;
                    var col = Array.FindIndex(contract.Columns, x => x.Header == problemCell.Column);
                    result.Quarantine.Add(new(line, problemCell.Column, col >= 0 ? fields[index[col]] : null, problemCell.Reason, raw));
                    bad = true;
                }
                if (bad) continue;
            }
            parsed.Add((line, values, statuses, raw));
        }

        if (result.RowsTotal == 0) { result.FileError = "file has a header but no data rows"; return result; }

        var survivors = RejectDuplicateKeys(contract, parsed, result);
        if (contract.NlExclusiveWithProvinces) survivors = RejectNlBesideProvinces(contract, survivors, result);
        foreach (var row in survivors) result.Rows.Add(new ValidRow(row.Line, row.Values, row.Statuses));

        var share = (double)result.RowsQuarantined / result.RowsTotal;
        if (share > badRowThreshold)
        {
            result.FileError = string.Create(CultureInfo.InvariantCulture,
                $"{result.RowsQuarantined} of {result.RowsTotal} rows ({share:P1}) are bad, more than the threshold of {badRowThreshold:P1}; the file is rejected and the previous vintage stays in force");
            result.Rows.Clear();
        }
        result.CheckLineAccounting(result.Rows.Count);
        if (result.Rejected) result.Rows.Clear();
        return result;
    }

    static string StripCr(string line) => line.EndsWith('\r') ? line[..^1] : line;

    /// <summary>
    /// For every contract column, the index of its header in the file (headers match case-insensitively, in any
    /// order). A name given twice or a missing column rejects the file; an unknown column is a warning.
    /// The streaming detail validator applies the same rules through this method.
    /// </summary>
    internal static int[] MapHeader(DatasetContract contract, string[] headers, ExtractValidation result)
    {
        var duplicates = headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            result.FileError = $"header names column(s) more than once: {ControlText.Escape(string.Join(", ", duplicates))}";
            return [];
        }
        var index = new int[contract.Columns.Length];
        var missing = new List<string>();
        for (var c = 0; c < contract.Columns.Length; c++)
        {
            index[c] = Array.FindIndex(headers, h => string.Equals(h, contract.Columns[c].Header, StringComparison.OrdinalIgnoreCase));
            if (index[c] < 0) missing.Add(contract.Columns[c].Header);
        }
        if (missing.Count > 0)
        {
            result.FileError = $"missing required column(s) {string.Join(", ", missing)}; the header has: {ControlText.Escape(string.Join(";", headers))}";
            return index;
        }
        foreach (var extra in headers.Where(h => !contract.Columns.Any(c => string.Equals(c.Header, h, StringComparison.OrdinalIgnoreCase))))
            result.Warnings.Add($"unknown column '{ControlText.Escape(extra)}' ignored");
        return index;
    }

    static List<(long Line, object?[] Values, CellStatus[] Statuses, string Raw)> RejectDuplicateKeys(
        DatasetContract contract, List<(long Line, object?[] Values, CellStatus[] Statuses, string Raw)> rows, ExtractValidation result)
    {
        var keyIdx = contract.Columns.Select((c, i) => (c, i)).Where(x => x.c.Key).Select(x => x.i).ToArray();
        var keyNames = string.Join("+", keyIdx.Select(i => contract.Columns[i].Header));
        var firstSeen = new Dictionary<string, long>(rows.Count);
        var kept = new List<(long, object?[], CellStatus[], string)>(rows.Count);
        foreach (var row in rows)
        {
            var key = string.Join("|", keyIdx.Select(i => Convert.ToString(row.Values[i], CultureInfo.InvariantCulture)));
            if (firstSeen.TryGetValue(key, out var first))
            {
                result.Quarantine.Add(new(row.Line, keyNames, key, $"duplicate key, first seen at line {first}", row.Raw));
                continue;
            }
            firstSeen[key] = row.Line;
            kept.Add(row);
        }
        return kept;
    }

    /// <summary>
    /// Within one file and one period a region is NL alone or provinces; with both the national total is ambiguous.
    /// The NL rows are quarantined: the province rows still add up to a national figure of their own.
    /// </summary>
    List<(long Line, object?[] Values, CellStatus[] Statuses, string Raw)> RejectNlBesideProvinces(
        DatasetContract contract, List<(long Line, object?[] Values, CellStatus[] Statuses, string Raw)> rows, ExtractValidation result)
    {
        var periodIdx = Array.FindIndex(contract.Columns, c => c.Type is CellType.Year or CellType.SchoolYear);
        var regionIdx = Array.FindIndex(contract.Columns, c => c.Type == CellType.Region);
        var periodsWithProvinces = rows
            .Where(r => reference.LevelOf((string)r.Values[regionIdx]!) == RegionLevel.Provincie)
            .Select(r => Convert.ToString(r.Values[periodIdx], CultureInfo.InvariantCulture))
            .ToHashSet();
        var kept = new List<(long, object?[], CellStatus[], string)>(rows.Count);
        foreach (var row in rows)
        {
            var period = Convert.ToString(row.Values[periodIdx], CultureInfo.InvariantCulture);
            if ((string)row.Values[regionIdx]! == "NL" && periodsWithProvinces.Contains(period))
            {
                result.Quarantine.Add(new(row.Line, contract.Columns[regionIdx].Header, "NL",
                    $"NL row for {period} while the file also has province rows for {period}; a period is either NL alone or provinces", row.Raw));
                continue;
            }
            kept.Add(row);
        }
        return kept;
    }

}
