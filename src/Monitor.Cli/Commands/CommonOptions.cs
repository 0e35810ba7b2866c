using System.CommandLine;
using System.Globalization;

namespace Monitor.Cli.Commands;

/// <summary>Options shared by several commands, so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string> Data() => new("--data")
    {
        Description = "Data directory with techniekpact/, predict/, uwv/, roa/ and reference/",
        DefaultValueFactory = _ => "sample-data",
    };

    public static Option<string> Out() => new("--out")
    {
        Description = "Output directory: warehouse.duckdb, reports/, exports/",
        DefaultValueFactory = _ => "out",
    };

    public static Option<DateOnly?> AsOf() => new("--as-of")
    {
        Description = "Use only vintages published on or before this date (YYYY-MM-DD), to reproduce an earlier report",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            r.AddError($"--as-of expects a date as YYYY-MM-DD, got '{text}'");
            return null;
        },
    };

    public static Option<string?> CompareWith() => new("--compare-with")
    {
        Description = "Let 'Wat is er veranderd' compare with this edition (an edition_id of meta.editions, e.g. meeting-2026-03-12) or with the " +
                      "latest edition generated on or before this date (YYYY-MM-DD); default: the latest meeting edition, else the previous report",
    };

    public static Option<double> Threshold() => new("--bad-row-threshold")
    {
        Description = "Reject a whole file when more than this share of its rows is bad (0-1)",
        DefaultValueFactory = _ => 0.05,
    };

    public static Option<DateTimeOffset?> GeneratedAt() => new("--generated-at")
    {
        Description = "Fix the generation time printed in the report (ISO 8601, e.g. 2026-11-23T06:00:00Z); 'monitor report' with a fixed time gives byte-identical output from the same warehouse",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)) return d;
            r.AddError($"--generated-at expects an ISO 8601 time such as 2026-11-23T06:00:00Z, got '{text}'");
            return null;
        },
    };
}
