namespace Monitor.Reporting;

/// <summary>
/// The policy goals the report draws against where the mart carries no target value itself
/// (the 60.000-per-year norm and the 1.000 hybrid teachers come from the mart's target column when present).
/// </summary>
public static class PolicyTargets
{
    /// <summary>Cabinet goal: one million ICT professionals in 2030.</summary>
    public const double IctWorkforceGoal = 1_000_000;
    public const int IctGoalYear = 2030;
    /// <summary>The ICT sector's norm: 60.000 more ICT professionals per year, used when the mart has no target.</summary>
    public const double IctNormGrowth = 60_000;
    /// <summary>The action plan measures the norm path from the stock at the end of this year.</summary>
    public const int NormBaseYear = 2022;
    public const double HybrideDocentenGoal = 1_000;

    /// <summary>Bounds of the spanningsindicator typering (UWV): below 0,25 zeer ruim ... from 4 zeer krap.</summary>
    public const double KrapFrom = 1.5, ZeerKrapFrom = 4.0;
}
