namespace Monitor.Reporting.Charts;

/// <summary>Writes a value in the unit the mart gives it, the Dutch way.</summary>
public static class ValueFormat
{
    public static string Format(double value, string unit, int decimals) => unit switch
    {
        "procent" => DutchFormat.Percent(value, decimals),
        "jaar" => DutchFormat.Year(value),
        _ => DutchFormat.Number(value, decimals),
    };

    /// <summary>Axis ticks: as few decimals as the tick needs (0,5 but 1, never 1,00).</summary>
    public static string Tick(double value, string unit)
    {
        var text = DutchFormat.Number(value, 2);
        if (text.Contains(','))
            text = text.TrimEnd('0').TrimEnd(',');
        return unit == "procent" ? text + "%" : text;
    }
}
