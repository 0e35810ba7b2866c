// The policy goals the report draws and writes about, read from the target register (ref.doelen) or,
// where a warehouse has no register, from the mart's target column. No goal is a constant in the code.
using System.Globalization;

namespace Monitor.Reporting.Data;

/// <summary>The straight path from the stock in the base year to the goal in the goal year (a 'pad' register row).</summary>
public sealed record GoalPath(int BaseYear, double BaseValue, int GoalYear, double Goal, string? Bron)
{
    public double At(int year) => BaseValue + (Goal - BaseValue) * (year - BaseYear) / (GoalYear - BaseYear);
}

/// <summary>A fixed growth per year from the stock at the end of the base year (a 'minimum' row on nettogroei).</summary>
public sealed record GrowthNorm(double PerYear, int? BaseYear, string? Bron);

public static class PolicyGoals
{
    /// <summary>
    /// The path to the goal for the ICT workforce: the register's 'pad' row on werkzaam/ict, its base value
    /// the series' own value in the base year. NULL when the register has no such row or the base year has no value.
    /// </summary>
    public static GoalPath? IctPath(MartData d)
    {
        if (d.TargetRow("werkzaam", "ict", soort: "pad") is not { Basisjaar: { } from, Doeljaar: { } to } row || to <= from) return null;
        var baseValue = d.At("werkzaam", "ict", "NL", from.ToString(CultureInfo.InvariantCulture))?.Value;
        return baseValue is { } b ? new GoalPath(from, b, to, row.Waarde, row.Bron) : null;
    }

    /// <summary>The goal and its year alone, for text; also when the base year has no value.</summary>
    public static (double Goal, int Year)? IctGoal(MartData d) =>
        d.TargetRow("werkzaam", "ict", soort: "pad") is { Doeljaar: { } year } row ? (row.Waarde, year) : null;

    /// <summary>
    /// The growth norm for the ICT workforce: the register's 'minimum' row on nettogroei/ict; without a
    /// register, the mart's target on nettogroei, from the first year that carries one.
    /// </summary>
    public static GrowthNorm? IctNorm(MartData d)
    {
        if (d.TargetRow("nettogroei", "ict", soort: "minimum") is { } row)
            return new GrowthNorm(row.Waarde, row.Basisjaar, row.Bron);
        var withTarget = d.Series("nettogroei", "ict", "NL").Where(v => v.Target is not null).ToList();
        if (withTarget.Count == 0) return null;
        return new GrowthNorm(withTarget[^1].Target!.Value, withTarget[0].Period.CalendarYear, null);
    }
}
