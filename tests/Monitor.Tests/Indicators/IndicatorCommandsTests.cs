// The indicators, explain and export commands, invoked as the `monitor` program parses them.
using System.CommandLine;
using Monitor.Cli.Commands;
using Monitor.Pipeline;
using Monitor.Tests.Support;

namespace Monitor.Tests.Indicators;

[NonParallelizable]
public class IndicatorCommandsTests
{
    static (int Exit, string Out, string Err) Invoke(params string[] args) => MonitorCli.Invoke(args);

    [Test]
    public void Indicators_lists_every_catalogue_code_without_a_warehouse()
    {
        // Without --out the catalogue needs no warehouse; --out naming a directory without one is a usage error (exit 2).
        using var empty = new Support.TempDir();
        Assert.That(Invoke("indicators", "--out", empty.Path).Exit, Is.EqualTo(ExitCodes.Usage));
        var (exit, output, _) = Invoke("indicators");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        foreach (var entry in Monitor.Indicators.IndicatorCatalogue.Embedded())
            Assert.That(output, Does.Contain(entry.Code));
        Assert.That(output, Does.Contain("33 indicators"));
    }

    [Test]
    public void Explain_prints_value_formula_inputs_and_files()
    {
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        w.Db.Dispose();
        var (exit, output, err) = Invoke("explain", "spanningsindicator", "--period", "2023KW1", "--domain", "techniek", "--out", w.OutDir);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
        Assert.That(output, Does.Contain("value:  1.25 ratio (gemiddeld)"));
        Assert.That(output, Does.Contain("numerator 40 / denominator 32"));
        Assert.That(output, Does.Contain("numerator: openstaande_vacatures = 40 over 2 cell(s)"));
        Assert.That(output, Does.Contain("Som openstaande vacatures / som WW"));
        Assert.That(output, Does.Contain("uwv_vacatures_2024-02-15.csv:3"));
        Assert.That(output, Does.Contain("uwv_vacatures_2024-02-15.csv (vintage 2024-02-15, extract 8): 4 cell(s)"));

        var unknown = Invoke("explain", "nope", "--out", w.OutDir);
        Assert.That((unknown.Exit, unknown.Err), Is.EqualTo((ExitCodes.Usage, unknown.Err)));
        Assert.That(unknown.Err, Does.Contain("unknown indicator 'nope'"));
    }

    [Test]
    public void Explain_and_export_without_a_warehouse_say_how_to_get_one()
    {
        using var empty = new Support.TempDir();
        var explain = Invoke("explain", "werkzaam", "--out", empty.Path);
        Assert.That(explain.Exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(explain.Err, Does.Contain("monitor run"));
        var export = Invoke("export", "--out", empty.Path);
        Assert.That(export.Exit, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void Export_writes_parquet_by_default_and_refuses_other_formats()
    {
        using var w = IndicatorWarehouse.With("every_indicator.sql");
        w.Build();
        w.Db.Dispose();
        var (exit, output, err) = Invoke("export", "--out", w.OutDir);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), err);
        Assert.That(File.Exists(Path.Combine(w.OutDir, "exports", "indicator_values.parquet")), Is.True);
        Assert.That(File.Exists(Path.Combine(w.OutDir, "exports", "indicator_catalogue.parquet")), Is.True);
        Assert.That(output, Does.Contain("mart.indicator_values"));
        Assert.That(Invoke("export", "--format", "xlsx", "--out", w.OutDir).Exit, Is.EqualTo(ExitCodes.Usage));
    }
}
