// Region codes and the reference tables that give them meaning.
namespace Monitor.Domain;

public enum RegionLevel { Nl, Provincie, Arbeidsmarktregio, Techniekpactregio }

public static class RegionLevels
{
    public static string ToSql(this RegionLevel level) => level switch
    {
        RegionLevel.Nl => "nl",
        RegionLevel.Provincie => "provincie",
        RegionLevel.Arbeidsmarktregio => "arbeidsmarktregio",
        RegionLevel.Techniekpactregio => "techniekpactregio",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The level a mart region_level names (nl, provincie, arbeidsmarktregio, techniekpactregio).</summary>
    public static RegionLevel FromSql(string level) => level switch
    {
        "nl" => RegionLevel.Nl,
        "provincie" => RegionLevel.Provincie,
        "arbeidsmarktregio" => RegionLevel.Arbeidsmarktregio,
        "techniekpactregio" => RegionLevel.Techniekpactregio,
        _ => throw new FormatException($"'{level}' is not a region level (nl, provincie, arbeidsmarktregio, techniekpactregio)"),
    };
}

/// <summary>The known codes per level, loaded from <c>reference/</c>.</summary>
public sealed class ReferenceData
{
    public required IReadOnlyDictionary<string, string> Provincies { get; init; }
    public required IReadOnlyDictionary<string, (string Naam, string Provincie)> Arbeidsmarktregios { get; init; }
    public required IReadOnlyDictionary<string, (string Naam, string[] Provincies)> Techniekpactregios { get; init; }
    public required IReadOnlyDictionary<string, (string Naam, string Domein)> Beroepen { get; init; }
    /// <summary>SBI 2008 sections (and <c>totaal</c>) from reference/bedrijfstakken.csv: name and domain.</summary>
    public IReadOnlyDictionary<string, (string Naam, string Domein)> Bedrijfstakken { get; init; } = new Dictionary<string, (string, string)>();
    /// <summary>The valid rows of the target register reference/doelen.csv.</summary>
    public IReadOnlyList<TargetRow> Doelen { get; init; } = [];

    public RegionLevel? LevelOf(string code)
    {
        if (code == "NL") return RegionLevel.Nl;
        if (Provincies.ContainsKey(code)) return RegionLevel.Provincie;
        if (Arbeidsmarktregios.ContainsKey(code)) return RegionLevel.Arbeidsmarktregio;
        if (Techniekpactregios.ContainsKey(code)) return RegionLevel.Techniekpactregio;
        return null;
    }
}
