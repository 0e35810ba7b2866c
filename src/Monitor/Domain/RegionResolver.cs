// What a user writes to ask for a region (a command-line value, a pipeline file's report_regions) turned into its code.
namespace Monitor.Domain;

/// <summary>Region codes known to some reference: the level of a known code, null for an unknown one.</summary>
public interface IRegionCodes
{
    RegionLevel? LevelOf(string code);
}

public static class RegionResolver
{
    /// <summary>
    /// The code of the region a regional edition is for, or null for the national one (nothing given, or NL).
    /// A code is accepted in any case and with spaces around it; a region's name is not accepted.
    /// </summary>
    /// <exception cref="UnknownRegionException">Neither NL nor a province, labour-market or Techniekpact region <paramref name="known"/> knows.</exception>
    public static string? Resolve(string? text, IRegionCodes known)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var code = text.Trim().ToUpperInvariant();
        if (code == "NL") return null;
        if (known.LevelOf(code) is null or RegionLevel.Nl) throw new UnknownRegionException(text);
        return code;
    }
}

/// <summary>
/// A region that is not known. The message starts with the value as given and does not say where it came from:
/// the caller puts that in front ("--region", "region" for a pipeline file's report_regions).
/// </summary>
public sealed class UnknownRegionException(string given) : Exception(
    $"'{given}' is not a known region: expected a province (PV20–PV31), a labour-market region (e.g. AM18, see reference/arbeidsmarktregios.csv) or a Techniekpact region (TP1–TP5)")
{
    public string Given { get; } = given;
}
