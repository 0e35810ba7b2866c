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
}

/// <summary>The known codes per level, loaded from <c>reference/</c>.</summary>
public sealed class ReferenceData
{
    public required IReadOnlyDictionary<string, string> Provincies { get; init; }
    public required IReadOnlyDictionary<string, (string Naam, string Provincie)> Arbeidsmarktregios { get; init; }
    public required IReadOnlyDictionary<string, (string Naam, string[] Provincies)> Techniekpactregios { get; init; }
    public required IReadOnlyDictionary<string, (string Naam, string Domein)> Beroepen { get; init; }

    public RegionLevel? LevelOf(string code)
    {
        if (code == "NL") return RegionLevel.Nl;
        if (Provincies.ContainsKey(code)) return RegionLevel.Provincie;
        if (Arbeidsmarktregios.ContainsKey(code)) return RegionLevel.Arbeidsmarktregio;
        if (Techniekpactregios.ContainsKey(code)) return RegionLevel.Techniekpactregio;
        return null;
    }
}
