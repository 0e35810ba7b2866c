// Names of the provinces, labour-market regions and Techniekpact regions, read from the warehouse's
// ref.* tables (what the run loaded, a data directory's own copy included) or, for a warehouse without
// them, from the reference files shipped inside the assembly (the files the pipeline loads into ref.*).
using Dapper;
using Monitor.Domain;
using Monitor.Warehouse;

namespace Monitor.Reporting.Data;

public sealed record ReportRegion(string Code, string Naam, string Level, string? Provincie, IReadOnlyList<string> Provincies);

public sealed class RegionCatalog : IRegionCodes
{
    readonly Dictionary<string, ReportRegion> regions = new(StringComparer.Ordinal);

    public IReadOnlyList<ReportRegion> Provincies { get; }
    public IReadOnlyList<ReportRegion> Arbeidsmarktregios { get; }
    public IReadOnlyList<ReportRegion> Techniekpactregios { get; }

    RegionCatalog() : this(Read("reference/provincies.csv"), Read("reference/arbeidsmarktregios.csv"), Read("reference/techniekpactregios.csv")) { }

    RegionCatalog(List<string[]> provincies, List<string[]> arbeidsmarktregios, List<string[]> techniekpactregios)
    {
        Provincies = provincies.Select(r => new ReportRegion(r[0], r[1], "provincie", null, [])).ToList();
        Arbeidsmarktregios = arbeidsmarktregios.Select(r => new ReportRegion(r[0], r[1], "arbeidsmarktregio", r[2], [])).ToList();
        Techniekpactregios = techniekpactregios
            .Select(r => new ReportRegion(r[0], r[1], "techniekpactregio", null,
                r[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        regions["NL"] = new ReportRegion("NL", "Nederland", "nl", null, []);
        foreach (var r in Provincies.Concat(Arbeidsmarktregios).Concat(Techniekpactregios))
            regions[r.Code] = r;
    }

    public static RegionCatalog Shared { get; } = new();

    /// <summary>The regions as the warehouse's ref.* tables hold them; the shipped copy when they are missing or empty.</summary>
    public static RegionCatalog Load(WarehouseDb db)
    {
        var c = db.Connection;
        var tables = c.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'ref'").ToHashSet(StringComparer.Ordinal);
        if (!tables.Contains("provincies") || !tables.Contains("arbeidsmarktregios") || !tables.Contains("techniekpactregios")) return Shared;
        var provincies = c.Query<(string, string)>("SELECT code, naam FROM ref.provincies ORDER BY code").Select(r => new[] { r.Item1, r.Item2 }).ToList();
        var amr = c.Query<(string, string, string)>("SELECT code, naam, provincie FROM ref.arbeidsmarktregios ORDER BY code")
            .Select(r => new[] { r.Item1, r.Item2, r.Item3 }).ToList();
        var tp = c.Query<(string, string, string)>("SELECT code, naam, provincies FROM ref.techniekpactregios ORDER BY code")
            .Select(r => new[] { r.Item1, r.Item2, r.Item3 }).ToList();
        return provincies.Count == 0 || amr.Count == 0 || tp.Count == 0 ? Shared : new RegionCatalog(provincies, amr, tp);
    }

    public ReportRegion? Find(string code) => regions.GetValueOrDefault(code);

    public RegionLevel? LevelOf(string code) => Find(code)?.Level switch
    {
        "nl" => RegionLevel.Nl,
        "provincie" => RegionLevel.Provincie,
        "arbeidsmarktregio" => RegionLevel.Arbeidsmarktregio,
        "techniekpactregio" => RegionLevel.Techniekpactregio,
        _ => null,
    };

    public string Name(string code) => regions.TryGetValue(code, out var r) ? r.Naam : code;

    /// <summary>"provincie Noord-Holland", "arbeidsmarktregio Groot Amsterdam", "Techniekpactregio Noordvleugel".</summary>
    public string Describe(string code)
    {
        if (!regions.TryGetValue(code, out var r)) return code;
        return r.Level switch
        {
            "provincie" => $"provincie {r.Naam}",
            "arbeidsmarktregio" => $"arbeidsmarktregio {r.Naam}",
            "techniekpactregio" => $"Techniekpactregio {r.Naam}",
            _ => r.Naam,
        };
    }

    /// <summary>The Techniekpact region a province belongs to.</summary>
    public ReportRegion? TechniekpactregioOf(string provincie) =>
        Techniekpactregios.FirstOrDefault(t => t.Provincies.Contains(provincie));

    // The reference files are small, fixed, semicolon-separated and unquoted (see CONTRACTS.md).
    static List<string[]> Read(string resource)
    {
        using var stream = SqlResources.Open(resource);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var rows = new List<string[]>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
            if (line.Trim().Length > 0) rows.Add(line.Split(';').Select(f => f.Trim()).ToArray());
        return rows;
    }
}
