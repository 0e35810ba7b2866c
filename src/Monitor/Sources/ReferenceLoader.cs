// The reference tables (provinces, labour-market regions, Techniekpact regions, occupation classes).
// They come from <data>/reference/ when present, else from the copy shipped inside the assembly.
using CsvHelper;
using Monitor.Domain;
using Monitor.Warehouse;

namespace Monitor.Sources;

public sealed record ReferenceSet(ReferenceData Data, string Origin);

public static class ReferenceLoader
{
    static readonly (string File, string[] Columns)[] Files =
    [
        ("provincies.csv", ["Code", "Naam"]),
        ("arbeidsmarktregios.csv", ["Code", "Naam", "Provincie"]),
        ("techniekpactregios.csv", ["Code", "Naam", "Provincies"]),
        ("beroepen.csv", ["Beroepsklasse", "Naam", "Domein"]),
    ];

    /// <summary>Reads and cross-checks the reference tables. Any problem here is a failure, not a data problem: codes everywhere depend on them.</summary>
    public static ReferenceSet Load(string dataDir)
    {
        var dir = Path.Combine(dataDir, "reference");
        var fromDisk = Directory.Exists(dir);
        var tables = new Dictionary<string, List<string[]>>();
        foreach (var (file, columns) in Files)
        {
            byte[] bytes;
            string where;
            if (fromDisk)
            {
                var path = Path.Combine(dir, file);
                if (!File.Exists(path)) throw new InvalidDataException($"{path}: reference file missing (the data directory's reference/ must hold {string.Join(", ", Files.Select(f => f.File))})");
                bytes = File.ReadAllBytes(path);
                where = path;
            }
            else
            {
                using var s = SqlResources.Open($"reference/{file}");
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                bytes = ms.ToArray();
                where = $"(shipped) reference/{file}";
            }
            tables[file] = ReadTable(where, TextDecoding.Decode(bytes).Text, columns);
        }

        var provincies = tables["provincies.csv"].ToDictionary(r => r[0], r => r[1]);
        var amr = tables["arbeidsmarktregios.csv"].ToDictionary(r => r[0], r => (r[1], r[2]));
        var tp = tables["techniekpactregios.csv"].ToDictionary(r => r[0],
            r => (r[1], r[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        var beroepen = tables["beroepen.csv"].ToDictionary(r => r[0], r => (r[1], r[2]));

        foreach (var (code, (_, prov)) in amr)
            if (!provincies.ContainsKey(prov)) throw new InvalidDataException($"reference/arbeidsmarktregios.csv: region {code} names province '{prov}', which is not in provincies.csv");
        foreach (var (code, (_, provs)) in tp)
            foreach (var prov in provs)
                if (!provincies.ContainsKey(prov)) throw new InvalidDataException($"reference/techniekpactregios.csv: region {code} names province '{prov}', which is not in provincies.csv");

        var data = new ReferenceData { Provincies = provincies, Arbeidsmarktregios = amr, Techniekpactregios = tp, Beroepen = beroepen };
        return new ReferenceSet(data, fromDisk ? dir : "shipped with the monitor");
    }

    static List<string[]> ReadTable(string where, string text, string[] columns)
    {
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { Separator = ';', HasHeader = true, TrackLineNumbers = true });
        var headers = reader.Headers.Select(h => h.Trim()).ToArray();
        var idx = columns.Select(c => Array.FindIndex(headers, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        for (var i = 0; i < columns.Length; i++)
            if (idx[i] < 0) throw new InvalidDataException($"{where}: missing column {columns[i]} (header: {string.Join(";", headers)})");
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

    /// <summary>Replaces the ref tables with this reference set, inside the caller's transaction.</summary>
    public static void Write(DuckDB.NET.Data.DuckDBConnection connection, ReferenceData data)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            DELETE FROM ref.provincies; DELETE FROM ref.arbeidsmarktregios; DELETE FROM ref.techniekpactregios;
            DELETE FROM ref.techniekpactregio_provincies; DELETE FROM ref.beroepen;
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
    }
}
