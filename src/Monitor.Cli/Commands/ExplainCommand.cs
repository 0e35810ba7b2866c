using System.CommandLine;
using System.Globalization;
using Monitor.Indicators;
using Monitor.Pipeline;
using Monitor.Warehouse;
using Spectre.Console;

namespace Monitor.Cli.Commands;

/// <summary>`monitor explain CODE`: a value, its formula, its input cells and the extract files they came from.</summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var indicator = new Argument<string>("indicator") { Description = "Indicator code, see 'monitor indicators'" };
        var period = new Option<string?>("--period") { Description = "Period: 2023, 2023KW1 (or 2023 K1 as the report writes it), 2023/2024 (or 2023/24) or 2021-2026 (default: the latest)" };
        var region = new Option<string?>("--region") { Description = "Region code: NL, PVxx, AMxx or TPn (default: NL)" };
        var domain = new Option<string?>("--domain") { Description = "techniek, ict or totaal (default: every domain the indicator has)" };
        var category = new Option<string?>("--category") { Description = "Category, e.g. hbo or zij_instroom (default: the total)" };
        var maxInputs = new Option<int>("--max-inputs")
        {
            Description = "Print at most this many input cells per value (0: all)",
            DefaultValueFactory = _ => 40,
        };
        var outOption = CommonOptions.Out();
        var command = new Command("explain", "Show how an indicator value was computed: formula, input cells, extract files and vintages");
        command.Add(indicator);
        command.Add(period);
        command.Add(region);
        command.Add(domain);
        command.Add(category);
        command.Add(maxInputs);
        command.Add(outOption);
        command.SetAction(parseResult =>
        {
            var path = Path.Combine(parseResult.GetValue(outOption)!, "warehouse.duckdb");
            try
            {
                using var db = WarehouseDb.OpenReadOnly(path);
                var result = IndicatorExplainer.Explain(db, new ExplainRequest(
                    parseResult.GetValue(indicator)!,
                    // The report writes 2024 K4, the warehouse 2024KW4: both are accepted.
                    parseResult.GetValue(period) is { } typed ? Monitor.Reporting.PeriodText.Canonical(typed) : null,
                    parseResult.GetValue(region),
                    parseResult.GetValue(domain),
                    parseResult.GetValue(category)));
                Print(IndicatorConsole.Create(), result, parseResult.GetValue(maxInputs));
                return ExitCodes.Success;
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (DuckDB.NET.Data.DuckDBException e) when (e.Message.Contains("does not exist", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"error: {path} has no indicator mart yet; run 'monitor run' first ({e.Message.Split('\n')[0]})");
                return ExitCodes.Usage;
            }
            catch (ExplainException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    static string Number(double? v) => v is { } d ? d.ToString("#,0.####", CultureInfo.InvariantCulture) : "-";

    /// <summary>The revision history from mart.indicator_revisions: one line per vintage date that changed the value.</summary>
    static void PrintHistory(IAnsiConsole console, IReadOnlyList<ValueRevision> history)
    {
        if (history.Count == 0) return;
        console.WriteLine($"  revision history: {history.Count} vintage(s) changed this value");
        foreach (var r in history)
        {
            var what = r.Change switch
            {
                "first" => $"first published: {Number(r.Value)}",
                "removed" => $"removed (was {Number(r.PreviousValue)})",
                _ => $"revised: {Number(r.PreviousValue)} -> {Number(r.Value)}",
            };
            var files = r.FileNames.Count == 0 ? "" : $" ({string.Join(", ", r.FileNames)})";
            console.WriteLine($"    {r.Vintage:yyyy-MM-dd}  {what}{files}");
        }
    }

    static void Print(IAnsiConsole console, ExplainResult result, int maxInputs)
    {
        var c = result.Indicator;
        console.WriteLine($"{c.Code} — {c.Naam} (pijler {c.Pijler}, unit {c.Unit})");
        console.WriteLine($"formule:   {c.Formule}");
        console.WriteLine($"bron:      {c.Bron}");
        console.WriteLine($"definitie: {c.Definitie}");
        console.WriteLine($"doelregel: {c.Doelregel ?? "geen doel"}");
        console.WriteLine($"as of:     {(result.AsOf is { } a ? a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "latest vintages")}");

        foreach (var e in result.Values)
        {
            var v = e.Value;
            console.WriteLine();
            console.WriteLine($"[{v.Domain}] {v.Period} ({v.PeriodType}), {v.Region} ({v.RegionLevel}){(v.Category is null ? "" : $", category {v.Category}")}");
            console.WriteLine($"  value:  {Number(v.Value)} {v.Unit}{(v.Label is null ? "" : $" ({v.Label})")}");
            if (v.Numerator is not null || v.Denominator is not null)
                console.WriteLine($"  numerator {Number(v.Numerator)} / denominator {Number(v.Denominator)}");
            console.WriteLine($"  target: {Number(v.Target)}, status: {v.Status}");
            if (e.Rule is { } r)
            {
                var years = $"Basisjaar {r.Basisjaar?.ToString(CultureInfo.InvariantCulture) ?? "-"}, Doeljaar {r.Doeljaar?.ToString(CultureInfo.InvariantCulture) ?? "-"}";
                var basis = r.Soort switch
                {
                    "pad" => $"; path from {Number(r.BaseValue)} in {r.Basisjaar}",
                    "boven_basis" => $"; base mean {Number(r.BaseMean)} over {r.BaseYears} of 10 years",
                    _ => "",
                };
                var category = r.RegisterCategory is null ? "" : $", Categorie {r.RegisterCategory}";
                console.WriteLine($"  target register: {r.Origin}:{r.LineNumber} — Soort {r.Soort}, Waarde {Number(r.Waarde)}, {years}{category}, Bron {r.Bron}{basis}" +
                                  (r.Target is null ? " (not applicable: no target)" : ""));
            }
            console.WriteLine($"  source: {v.Source}, latest input vintage {v.Vintage:yyyy-MM-dd}");

            var shown = maxInputs <= 0 ? e.Inputs : e.Inputs.Take(maxInputs).ToList();
            console.WriteLine($"  inputs: {e.Inputs.Count} cell(s)");
            foreach (var t in e.RoleTotals)
                console.WriteLine($"    {t.Role}: {t.Measure} = {Number(t.Sum)} over {t.Cells} cell(s)" +
                                  (t.NotDelivered > 0 ? $", {t.NotDelivered} missing or suppressed" : ""));
            if (shown.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumns("role", "dataset", "period", "region", "key", "measure", "value", "status", "vintage", "file:line");
                foreach (var i in shown)
                {
                    table.AddRow(new[]
                    {
                        i.Role, i.Dataset, i.Period, i.InputRegion, i.InputKey, i.Measure, Number(i.Value), i.ValueStatus ?? "",
                        i.Vintage.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"{i.FileName}:{i.LineNumber}",
                    }.Select(Markup.Escape).ToArray());
                }
                console.Write(table);
                if (shown.Count < e.Inputs.Count)
                    console.WriteLine($"  ... and {e.Inputs.Count - shown.Count} more (--max-inputs 0 prints all)");
            }
            console.WriteLine("  extract files:");
            foreach (var x in e.Extracts)
                console.WriteLine($"    {x.FileName} (vintage {x.Vintage:yyyy-MM-dd}, extract {x.ExtractId}): {x.InputCells} cell(s)");
            PrintHistory(console, e.History);
        }
    }
}
