// The reference tables (provinces, labour-market regions, Techniekpact regions, occupation classes, industries)
// and the target register. Each file comes from <data>/reference/ when it is there, else from the copy shipped
// inside the assembly: file by file, and the set says which copy each file came from.
using System.Globalization;
using System.Text;
using CsvHelper;
using Monitor.Domain;
using Monitor.Indicators;
using Monitor.Warehouse;

namespace Monitor.Sources;

/// <summary>Where one reference file was read from: <paramref name="Path"/> in the data directory, or the shipped copy (Path null).</summary>
public sealed record ReferenceFile(string FileName, string? Path, string Sha256, long SizeBytes, string Encoding, int Rows)
{
    public bool Shipped => Path is null;
    /// <summary>The file as the ledger and the log name it.</summary>
    public string Origin => Path ?? $"(shipped) reference/{FileName}";
}

/// <param name="Origin">The data directory's reference/ when every file came from there, else a summary of the mix.</param>
/// <param name="RegisterErrors">Rows of reference/doelen.csv that were not applied, each with line, column, value and reason.</param>
public sealed record ReferenceSet(ReferenceData Data, string Origin, IReadOnlyList<ReferenceFile> Files, IReadOnlyList<QuarantinedRow> RegisterErrors)
{
    public ReferenceFile Register => Files.Single(f => f.FileName == ReferenceLoader.RegisterFile);
}

public static class ReferenceLoader
{
    public const string RegisterFile = "doelen.csv";

    static readonly string[] RegisterColumns = ["Indicator", "Domein", "Regio", "Categorie", "Soort", "Waarde", "Basisjaar", "Doeljaar", "Bron"];

    static readonly (string File, string[] Columns)[] Files =
    [
        ("provincies.csv", ["Code", "Naam"]),
        ("arbeidsmarktregios.csv", ["Code", "Naam", "Provincie"]),
        ("techniekpactregios.csv", ["Code", "Naam", "Provincies"]),
        ("beroepen.csv", ["Beroepsklasse", "Naam", "Domein"]),
        ("bedrijfstakken.csv", ["Code", "Naam", "Domein"]),
    ];

    public static IReadOnlyList<string> FileNames { get; } = Files.Select(f => f.File).Append(RegisterFile).ToList();

    /// <summary>
    /// Reads and cross-checks the reference tables and the target register. A problem in a reference table is a
    /// failure, not a data problem: codes everywhere depend on them. A bad register row is not: it is listed in
    /// <see cref="ReferenceSet.RegisterErrors"/> and the rest of the register applies.
    /// </summary>
    public static ReferenceSet Load(string dataDir)
    {
        var dir = Path.Combine(dataDir, "reference");
        var tables = new Dictionary<string, List<string[]>>();
        var files = new List<ReferenceFile>();
        foreach (var (file, columns) in Files)
        {
            var (text, info) = Read(dir, file);
            var rows = ReadTable(info.Origin, text, columns);
            tables[file] = rows;
            files.Add(info with { Rows = rows.Count });
        }

        var provincies = tables["provincies.csv"].ToDictionary(r => r[0], r => r[1]);
        var amr = tables["arbeidsmarktregios.csv"].ToDictionary(r => r[0], r => (r[1], r[2]));
        var tp = tables["techniekpactregios.csv"].ToDictionary(r => r[0],
            r => (r[1], r[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        var beroepen = tables["beroepen.csv"].ToDictionary(r => r[0], r => (r[1], r[2]));
        var bedrijfstakken = tables["bedrijfstakken.csv"].ToDictionary(r => r[0], r => (r[1], r[2]));

        foreach (var (code, (_, prov)) in amr)
            if (!provincies.ContainsKey(prov)) throw new InvalidDataException($"reference/arbeidsmarktregios.csv: region {code} names province '{prov}', which is not in provincies.csv");
        foreach (var (code, (_, provs)) in tp)
            foreach (var prov in provs)
                if (!provincies.ContainsKey(prov)) throw new InvalidDataException($"reference/techniekpactregios.csv: region {code} names province '{prov}', which is not in provincies.csv");
        string[] sectorDomains = ["techniek", "ict", "totaal", "overig"];
        foreach (var (code, (_, domein)) in bedrijfstakken)
            if (!sectorDomains.Contains(domein)) throw new InvalidDataException($"reference/bedrijfstakken.csv: industry {code} has domain '{domein}'; expected one of {string.Join(", ", sectorDomains)}");

        var data = new ReferenceData { Provincies = provincies, Arbeidsmarktregios = amr, Techniekpactregios = tp, Beroepen = beroepen, Bedrijfstakken = bedrijfstakken };

        var (registerText, registerInfo) = Read(dir, RegisterFile);
        var (doelen, errors, total) = ReadRegister(registerInfo.Origin, registerText, data, IndicatorCatalogue.EmbeddedCodes());
        files.Add(registerInfo with { Rows = total });

        var origin = files.All(f => !f.Shipped) ? dir
            : files.All(f => f.Shipped) ? "shipped with the monitor"
            : $"{dir} ({string.Join(", ", files.Where(f => f.Shipped).Select(f => f.FileName))} shipped with the monitor)";
        return new ReferenceSet(new ReferenceData
        {
            Provincies = provincies, Arbeidsmarktregios = amr, Techniekpactregios = tp, Beroepen = beroepen,
            Bedrijfstakken = bedrijfstakken, Doelen = doelen,
        }, origin, files, errors);
    }

    /// <summary>The data directory's copy of one file when it has one, else the shipped copy.</summary>
    static (string Text, ReferenceFile Info) Read(string dir, string file)
    {
        var path = Path.Combine(dir, file);
        byte[] bytes;
        string? from = null;
        if (File.Exists(path))
        {
            bytes = File.ReadAllBytes(path);
            from = path;
        }
        else
        {
            using var s = SqlResources.Open($"reference/{file}");
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            bytes = ms.ToArray();
        }
        var decoded = TextDecoding.Decode(bytes);
        return (decoded.Text, new ReferenceFile(file, from, ExtractStore.Sha256Of(bytes), bytes.LongLength, decoded.Encoding, 0));
    }

    static List<string[]> ReadTable(string where, string text, string[] columns)
    {
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { Separator = ';', HasHeader = true, TrackLineNumbers = true });
        var idx = HeaderIndex(where, reader, columns);
        var rows = new List<string[]>();
        var seen = new HashSet<string>();
        while (reader.Read())
        {
            var row = idx.Select(i => reader.GetString(i).Trim()).ToArray();
            if (row.Any(v => v.Length == 0)) throw new InvalidDataException($"{where}, line {reader.LineNumber}: empty value");
            if (!seen.Add(row[0])) throw new InvalidDataException($"{where}, line {reader.LineNumber}: code {row[0]} appears twice");
            rows.Add(row);
        }
        return rows;
    }

    static int[] HeaderIndex(string where, CsvReader reader, string[] columns)
    {
        var headers = reader.Headers.Select(h => h.Trim()).ToArray();
        var idx = columns.Select(c => Array.FindIndex(headers, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        for (var i = 0; i < columns.Length; i++)
            if (idx[i] < 0) throw new InvalidDataException($"{where}: missing column {columns[i]} (header: {string.Join(";", headers)})");
        return idx;
    }

    /// <summary>
    /// Validates the target register row by row (contract: reference/doelen.csv). A missing column fails the run as for
    /// any reference table; a bad row is returned as an error and left out. Two rows whose years overlap for the same
    /// indicator, domain, region and category are both errors. Returns the valid rows, the errors and the number of rows read.
    /// </summary>
    public static (IReadOnlyList<TargetRow> Rows, IReadOnlyList<QuarantinedRow> Errors, int Total) ReadRegister(
        string origin, string text, ReferenceData reference, IReadOnlySet<string> indicatorCodes)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ';',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var reader = CsvReader.FromText(text, options);
        var idx = HeaderIndex(origin, reader, RegisterColumns);
        var fieldCount = reader.Headers.Count;
        var errors = new List<QuarantinedRow>();
        var parsed = new List<(TargetRow Row, string Raw)>();
        var total = 0;
        while (reader.Read())
        {
            total++;
            var line = (int)reader.LineNumber;
            var raw = Encoding.UTF8.GetString(reader.RawRecord).TrimEnd('\r', '\n');
            if (reader.FieldCount != fieldCount)
            {
                errors.Add(new(line, null, null, $"expected {fieldCount} fields as in the header, found {reader.FieldCount}", raw));
                continue;
            }
            var cells = idx.Select(i => reader.GetString(i).Trim()).ToArray();
            var row = ParseRegisterRow(cells, line, origin, reference, indicatorCodes, out var error);
            if (row is null) errors.Add(new(line, error!.Value.Column, error.Value.Value, error.Value.Reason, raw));
            else parsed.Add((row, raw));
        }

        // Overlaps are judged among the rows that are valid on their own.
        var overlapping = new Dictionary<TargetRow, TargetRow>();
        foreach (var group in parsed.GroupBy(p => (p.Row.Indicator, p.Row.Domain, p.Row.Region, p.Row.Category)))
        {
            var rows = group.ToList();
            for (var i = 0; i < rows.Count; i++)
                for (var j = i + 1; j < rows.Count; j++)
                    if (rows[i].Row.Overlaps(rows[j].Row))
                    {
                        overlapping.TryAdd(rows[i].Row, rows[j].Row);
                        overlapping.TryAdd(rows[j].Row, rows[i].Row);
                    }
        }
        foreach (var (row, raw) in parsed.Where(p => overlapping.ContainsKey(p.Row)))
        {
            var other = overlapping[row];
            errors.Add(new(row.LineNumber, "Basisjaar", row.Basisjaar?.ToString(CultureInfo.InvariantCulture) ?? "",
                $"the years of this row overlap those of line {other.LineNumber} for the same indicator, domain, region and category " +
                $"({row.Indicator}, {row.Domain}, {row.Region}, {row.Category ?? "total"}); the register would be ambiguous, so neither row applies", raw));
        }
        var valid = parsed.Where(p => !overlapping.ContainsKey(p.Row)).Select(p => p.Row).ToList();
        return (valid, errors.OrderBy(e => e.LineNumber).ToList(), total);
    }

    static TargetRow? ParseRegisterRow(string[] c, int line, string origin, ReferenceData reference, IReadOnlySet<string> codes,
        out (string Column, string Value, string Reason)? error)
    {
        error = null;
        var (indicator, domain, region, category, soort, waarde, basis, doel, bron) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
        if (!codes.Contains(indicator))
        {
            error = ("Indicator", indicator, "unknown indicator code; expected a code from the indicator catalogue (monitor indicators)");
            return null;
        }
        if (!TargetKinds.Domains.Contains(domain))
        {
            error = ("Domein", domain, $"expected one of {string.Join(", ", TargetKinds.Domains)}");
            return null;
        }
        if (reference.LevelOf(region) is null)
        {
            error = ("Regio", region, "unknown region code; expected NL or a code from the reference tables (PVxx, AMxx, TPn)");
            return null;
        }
        if (!TargetKinds.All.Contains(soort))
        {
            error = ("Soort", soort, $"expected one of {string.Join(", ", TargetKinds.All)}");
            return null;
        }
        if (!TryDecimal(waarde, out var value))
        {
            error = ("Waarde", waarde, "expected a number such as 12, 0,85 or -0,5 (decimal comma, or a point not followed by exactly three digits; no thousands separators)");
            return null;
        }
        int? basisjaar = null, doeljaar = null;
        if (basis.Length > 0)
        {
            if (!Year.TryParse(basis, out var y)) { error = ("Basisjaar", basis, "expected a year such as 2024, or empty"); return null; }
            basisjaar = y.Value;
        }
        if (doel.Length > 0)
        {
            if (!Year.TryParse(doel, out var y)) { error = ("Doeljaar", doel, "expected a year such as 2028, or empty"); return null; }
            doeljaar = y.Value;
        }
        switch (soort)
        {
            case TargetKinds.Pad when basisjaar is null:
                error = ("Basisjaar", basis, "a pad needs both Basisjaar and Doeljaar; Basisjaar is empty");
                return null;
            case TargetKinds.Pad when doeljaar is null:
                error = ("Doeljaar", doel, "a pad needs both Basisjaar and Doeljaar; Doeljaar is empty");
                return null;
            case TargetKinds.Pad when doeljaar <= basisjaar:
                error = ("Doeljaar", doel, $"a pad's Doeljaar must lie after its Basisjaar ({basisjaar})");
                return null;
            case TargetKinds.BovenBasis when basisjaar is null:
                error = ("Basisjaar", basis, "boven_basis needs a Basisjaar (the last of the ten base years)");
                return null;
            case TargetKinds.Minimum or TargetKinds.Maximum when doeljaar < basisjaar:
                error = ("Doeljaar", doel, $"Doeljaar lies before Basisjaar ({basisjaar})");
                return null;
        }
        return new TargetRow(indicator, domain, region, category.Length == 0 ? null : category, soort, value, basisjaar, doeljaar, bron, line, origin);
    }

    static bool TryDecimal(string text, out double value)
    {
        value = 0;
        if (text.Length == 0 || (text.Contains(',') && text.Contains('.')) || text.Count(ch => ch is ',' or '.') > 1) return false;
        // 60.000 could be sixty or sixty thousand: a target must not depend on the guess.
        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?\d{1,3}\.\d{3}$")) return false;
        return double.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Replaces the ref tables with this reference data (register included), inside the caller's transaction.</summary>
    public static void Write(DuckDB.NET.Data.DuckDBConnection connection, ReferenceData data)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            DELETE FROM ref.provincies; DELETE FROM ref.arbeidsmarktregios; DELETE FROM ref.techniekpactregios;
            DELETE FROM ref.techniekpactregio_provincies; DELETE FROM ref.beroepen;
            DELETE FROM ref.bedrijfstakken; DELETE FROM ref.doelen;
            """;
        cmd.ExecuteNonQuery();
        using (var a = connection.CreateAppender("ref", "provincies"))
            foreach (var (code, naam) in data.Provincies.OrderBy(p => p.Key)) a.CreateRow().AppendValue(code).AppendValue(naam).EndRow();
        using (var a = connection.CreateAppender("ref", "arbeidsmarktregios"))
            foreach (var (code, (naam, prov)) in data.Arbeidsmarktregios.OrderBy(p => p.Key)) a.CreateRow().AppendValue(code).AppendValue(naam).AppendValue(prov).EndRow();
        using (var a = connection.CreateAppender("ref", "techniekpactregios"))
            foreach (var (code, (naam, provs)) in data.Techniekpactregios.OrderBy(p => p.Key)) a.CreateRow().AppendValue(code).AppendValue(naam).AppendValue(string.Join(", ", provs)).EndRow();
        using (var a = connection.CreateAppender("ref", "techniekpactregio_provincies"))
            foreach (var (code, (_, provs)) in data.Techniekpactregios.OrderBy(p => p.Key))
                foreach (var prov in provs) a.CreateRow().AppendValue(code).AppendValue(prov).EndRow();
        using (var a = connection.CreateAppender("ref", "beroepen"))
            foreach (var (code, (naam, domein)) in data.Beroepen.OrderBy(p => p.Key)) a.CreateRow().AppendValue(code).AppendValue(naam).AppendValue(domein).EndRow();
        WriteBedrijfstakkenAndDoelen(connection, data);
    }

    /// <summary>ref.bedrijfstakken and ref.doelen only (also used for the in-memory catalogue).</summary>
    internal static void WriteBedrijfstakkenAndDoelen(DuckDB.NET.Data.DuckDBConnection connection, ReferenceData data)
    {
        using (var a = connection.CreateAppender("ref", "bedrijfstakken"))
            foreach (var (code, (naam, domein)) in data.Bedrijfstakken) a.CreateRow().AppendValue(code).AppendValue(naam).AppendValue(domein).EndRow();
        using (var a = connection.CreateAppender("ref", "doelen"))
            foreach (var d in data.Doelen)
                a.CreateRow().AppendValue(d.Indicator).AppendValue(d.Domain).AppendValue(d.Region).AppendValue(d.Category).AppendValue(d.Soort)
                    .AppendValue(d.Waarde).AppendValue(d.Basisjaar).AppendValue(d.Doeljaar).AppendValue(d.Bron).AppendValue(d.LineNumber)
                    .AppendValue(d.Origin).EndRow();
    }
}
