namespace Monitor.Reporting;

/// <summary>
/// The bounds of the UWV typering of the spanningsindicator (below 0,25 zeer ruim ... from 4 zeer krap).
/// A definition of the indicator, not a policy target: the report draws the two upper bounds.
/// </summary>
public static class SpanningTypering
{
    public const double KrapFrom = 1.5, ZeerKrapFrom = 4.0;
}
