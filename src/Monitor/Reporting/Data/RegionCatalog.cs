// Names of the provinces, labour-market regions and Techniekpact regions, read from the reference
// tables shipped inside the assembly (the same files the pipeline loads into ref.*).
using Monitor.Warehouse;

namespace Monitor.Reporting.Data;

public sealed record ReportRegion(string Code, string Naam, string Level, string? Provincie, IReadOnlyList<string> Provincies);

public sealed class RegionCatalog
{
    readonly Dictionary<string, ReportRegion> regions = new(StringComparer.Ordinal);

    public IReadOnlyList<ReportRegion> Provincies { get; }
    public IReadOnlyList<ReportRegion> Arbeidsmarktregios { get; }
    public IReadOnlyList<ReportRegion> Techniekpactregios { get; }

    RegionCatalog()
    {
        Provincies = Read("reference/provincies.csv").Select(r => new ReportRegion(r[0], r[1], "provincie", null, [])).ToList();
        Arbeidsmarktregios = Read("reference/arbeidsmarktregios.csv").Select(r => new ReportRegion(r[0], r[1], "arbeidsmarktregio", r[2], [])).ToList();
        Techniekpactregios = Read("reference/techniekpactregios.csv")
            .Select(r => new ReportRegion(r[0], r[1], "techniekpactregio", null,
                r[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        regions["NL"] = new ReportRegion("NL", "Nederland", "nl", null, []);
        foreach (var r in Provincies.Concat(Arbeidsmarktregios).Concat(Techniekpactregios))
            regions[r.Code] = r;
    }

    public static RegionCatalog Shared { get; } = new();

    public ReportRegion? Find(string code) => regions.GetValueOrDefault(code);

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
