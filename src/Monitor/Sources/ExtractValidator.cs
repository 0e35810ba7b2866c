// Checks one extract file against its contract: file-level rules first, then every row.
// The outcome says which rows load, which are quarantined and why, or why the whole file is rejected.
using System.Globalization;
using System.Text;
using CsvHelper;
using Monitor.Domain;

namespace Monitor.Sources;

public sealed record QuarantinedRow(long LineNumber, string? Column, string? RawValue, string Reason, string? RawRecord);

/// <summary>A row that passed every check: typed values in contract column order.</summary>
public sealed record ValidRow(long LineNumber, object?[] Values, CellStatus[] Statuses);

public sealed class ExtractValidation
{
    public required DiscoveredFile File { get; init; }
    public string? Encoding { get; set; }
    public string? LineEnding { get; set; }
    public long RowsTotal { get; set; }
    public List<ValidRow> Rows { get; } = [];
    public List<QuarantinedRow> Quarantine { get; } = [];
    public List<string> Warnings { get; } = [];
    /// <summary>Set when the whole file is rejected; the rows above are then not loaded.</summary>
    public string? FileError { get; set; }
    public bool Rejected => FileError is not null;
    public long RowsQuarantined => Quarantine.Select(q => q.LineNumber).Distinct().LongCount();
}

public sealed class ExtractValidator(ReferenceData reference, double badRowThreshold)
{
    readonly CellParser cells = new(reference);

    public double BadRowThreshold => badRowThreshold;
    public ReferenceData Reference => reference;

    public ExtractValidation Validate(DiscoveredFile file) => Validate(file, System.IO.File.ReadAllBytes(file.Path));

    public ExtractValidation Validate(DiscoveredFile file, byte[] bytes, CancellationToken cancellationToken = default)
    {
        var result = new ExtractValidation { File = file };
        if (!file.NameFits) { result.FileError = file.NameError; return result; }
        var contract = file.Contract!;

        if (bytes.Length == 0) { result.FileError = "file is empty (0 bytes)"; return result; }
        var decoded = TextDecoding.Decode(bytes);
        result.Encoding = decoded.Encoding;
        result.LineEnding = decoded.LineEnding;
        if (string.IsNullOrWhiteSpace(decoded.Text)) { result.FileError = "file is empty (no header row)"; return result; }

        var options = CsvReaderOptions.Default with
        {
            Separator = ';',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var reader = CsvReader.FromText(decoded.Text, options);

        var headers = reader.Headers.Select(h => h.Trim()).ToArray();
        var index = MapHeader(contract, headers, result);
        if (result.Rejected) return result;

        var lastLine = CountLines(decoded.Text);
        var parsed = new List<(long Line, object?[] Values, CellStatus[] Statuses, string Raw)>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.RowsTotal++;
            var line = reader.LineNumber;
            var raw = Encoding.UTF8.GetString(reader.RawRecord);
            if (reader.FieldCount != headers.Length)
            {
                // A short last record in a file that stops mid-line was cut off in transfer: the file, not the row, is bad.
                if (!decoded.EndsWithNewline && reader.FieldCount < headers.Length && line == lastLine)
                {
                    result.FileError = $"truncated last line {line}: {reader.FieldCount} of {headers.Length} fields and no line end; the delivery looks cut off";
                    return result;
                }
                result.Quarantine.Add(new(line, null, null, $"expected {headers.Length} fields as in the header, found {reader.FieldCount}", raw));
                continue;
            }

            var values = new object?[contract.Columns.Length];
            var statuses = new CellStatus[contract.Columns.Length];
            var bad = false;
            for (var c = 0; c < contract.Columns.Length; c++)
            {
                var column = contract.Columns[c];
                var text = reader.GetString(index[c]);
                var cell = cells.Parse(column, text);
                if (cell.IsError)
                {
                    result.Quarantine.Add(new(line, column.Header, text, cell.Error!, raw));
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
                    if (found is not { } problem) continue;
                    var col = Array.FindIndex(contract.Columns, x => x.Header == problem.Column);
                    result.Quarantine.Add(new(line, problem.Column, col >= 0 ? reader.GetString(index[col]) : null, problem.Reason, raw));
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
        return result;
    }

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
            result.FileError = $"header names column(s) more than once: {string.Join(", ", duplicates)}";
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
            result.FileError = $"missing required column(s) {string.Join(", ", missing)}; the header has: {string.Join(";", headers)}";
            return index;
        }
        foreach (var extra in headers.Where(h => !contract.Columns.Any(c => string.Equals(c.Header, h, StringComparison.OrdinalIgnoreCase))))
            result.Warnings.Add($"unknown column '{extra}' ignored");
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

    static long CountLines(string text)
    {
        long n = 1;
        foreach (var ch in text) if (ch == '\n') n++;
        return text.EndsWith('\n') ? n - 1 : n;
    }
}
