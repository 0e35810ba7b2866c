// One row of the target register reference/doelen.csv, as it is applied (see ../shared/CONTRACTS.md).
namespace Monitor.Domain;

public static class TargetKinds
{
    public const string Minimum = "minimum";
    public const string Maximum = "maximum";
    public const string Pad = "pad";
    public const string BovenBasis = "boven_basis";
    public static readonly IReadOnlyList<string> All = [Minimum, Maximum, Pad, BovenBasis];
    public static readonly IReadOnlyList<string> Domains = ["techniek", "ict", "totaal"];
}

/// <summary>
/// A valid register row. <paramref name="Category"/>: null = the indicator's total, "*" = every category, else one code.
/// <paramref name="Origin"/> is the file the row came from (a path, or the shipped copy).
/// </summary>
public sealed record TargetRow(
    string Indicator, string Domain, string Region, string? Category, string Soort, double Waarde,
    int? Basisjaar, int? Doeljaar, string Bron, int LineNumber, string Origin)
{
    /// <summary>The first and last year the row applies to (null = open), as the contract defines it per kind.</summary>
    public (int? From, int? To) Years => Soort switch
    {
        TargetKinds.Pad => (Basisjaar + 1, Doeljaar),
        TargetKinds.BovenBasis => (Basisjaar + 1, null),
        _ => (Basisjaar, Doeljaar),
    };

    public bool Overlaps(TargetRow other)
    {
        var (a1, a2) = Years;
        var (b1, b2) = other.Years;
        return (a1 ?? int.MinValue) <= (b2 ?? int.MaxValue) && (b1 ?? int.MinValue) <= (a2 ?? int.MaxValue);
    }
}
