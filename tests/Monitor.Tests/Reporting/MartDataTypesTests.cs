// The report reads the warehouse's columns as their types: periods as Domain.Period, region levels as the enum,
// DATE and TIMESTAMP columns as dates, run statuses through LedgerValues; no text is parsed in the sections.
using Monitor.Domain;
using Monitor.Pipeline;
using Monitor.Reporting.Data;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Reporting;

public class MartDataTypesTests
{
    static MartData Load(TempDir dir, DateOnly? asOf = null)
    {
        ReportFixture.Create(dir.Path);
        using var db = WarehouseDb.OpenReadOnly(dir.Combine("warehouse.duckdb"));
        return MartData.Load(db, asOf);
    }

    [Test]
    public void Indicator_values_carry_their_period_region_level_and_vintage_as_types()
    {
        using var dir = new TempDir();
        var d = Load(dir);

        // ReportFixture: AM18's ICT quarter 2023KW4 from UWV (vintage 2024-02-15), the ROA forecast 2021-2026, a school year of TPM.
        var quarter = d.At("openstaande_vacatures", "ict", "AM18", Period.Parse("2023KW4"))!;
        Assert.That((quarter.Period.Kind, quarter.Period.Start, quarter.Period.End, quarter.RegionLevel, quarter.Vintage, quarter.AsOf, quarter.Value),
            Is.EqualTo((PeriodKind.Quarter, new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 31), RegionLevel.Arbeidsmarktregio,
                (DateOnly?)new DateOnly(2024, 2, 15), (DateOnly?)null, (double?)4_100)));

        var forecast = d.Values.First(v => v.Source == "ROA");
        Assert.That((forecast.Period.Kind, forecast.Period.ToString(), forecast.RegionLevel, forecast.Vintage),
            Is.EqualTo((PeriodKind.ForecastPeriod, "2021-2026", RegionLevel.Nl, (DateOnly?)new DateOnly(2022, 1, 15))));

        var schoolYear = d.Values.First(v => v.Period.Kind == PeriodKind.SchoolYear);
        Assert.That(schoolYear.Period.Start.Month, Is.EqualTo(8));

        // The same period typed as text (the edition ledger's notation) finds the same row; text that is no period finds none.
        Assert.That(d.At("openstaande_vacatures", "ict", "AM18", "2023KW4"), Is.SameAs(quarter));
        Assert.That(d.At("openstaande_vacatures", "ict", "AM18", "vierde kwartaal"), Is.Null);
    }

    [Test]
    public void The_latest_vintage_is_the_latest_date_and_the_mart_as_of_is_null_for_a_mart_on_the_latest_data()
    {
        using var dir = new TempDir();
        var d = Load(dir);

        // The newest vintage among the fixture's values is pr-eDICT's 2024-06-01; UWV's is 2024-02-15.
        Assert.That((d.LatestVintage, d.LatestVintageOf("UWV"), d.MartAsOf),
            Is.EqualTo(((DateOnly?)new DateOnly(2024, 6, 1), (DateOnly?)new DateOnly(2024, 2, 15), (DateOnly?)null)));
    }

    [Test]
    public void Ledger_records_read_their_dates_as_dates()
    {
        using var dir = new TempDir();
        var d = Load(dir);

        var uwv = d.Extracts.Single(e => e.FileName == "uwv_vacatures_2024-02-15.csv");
        Assert.That(uwv.Vintage, Is.EqualTo((DateOnly?)new DateOnly(2024, 2, 15)));

        // A02 of the fixture's action register: start 2023-03-01, planned 2024-12-31, not done; register of 2023-12-15.
        var a02 = d.Actions.Single(a => a.ActieId == "A02");
        Assert.That((a02.Start, a02.GeplandGereed, a02.Gereed, a02.Vintage),
            Is.EqualTo(((DateOnly?)new DateOnly(2023, 3, 1), (DateOnly?)new DateOnly(2024, 12, 31), (DateOnly?)null, (DateOnly?)new DateOnly(2023, 12, 15))));
    }

    [Test]
    public void An_extract_newer_than_the_as_of_date_is_left_out_by_date()
    {
        using var dir = new TempDir();
        // 2024-05-01: ROA (2022-01-15), the action register (2023-12-15), UWV (2024-02-15), CBS (2024-03-15) and TPM (2024-05-01)
        // are in; pr-eDICT (2024-06-01) and the rejected UWV file (2024-05-15) are not.
        var d = Load(dir, new DateOnly(2024, 5, 1));

        Assert.That(d.Extracts.Select(e => e.Vintage).Distinct().Order(),
            Is.EqualTo(new DateOnly?[]
            {
                new DateOnly(2022, 1, 15), new DateOnly(2023, 12, 15), new DateOnly(2024, 2, 15), new DateOnly(2024, 3, 15), new DateOnly(2024, 5, 1),
            }));
    }

    [Test]
    public void The_last_run_reads_its_start_as_a_utc_moment_and_its_status_through_the_ledger_words()
    {
        using var dir = new TempDir();
        var d = Load(dir);

        // The fixture's run started at 2024-06-15 02:00:00 (meta.runs stores UTC) with the early word succeeded_with_warnings,
        // which no run state has: the status is unknown and the word is kept for the report to print.
        var run = d.LastRun!;
        Assert.That((run.RunId, run.StartedAt, run.Status, run.StatusWord, run.AsOf),
            Is.EqualTo(("20240615T020000Z-a1b2", new DateTimeOffset(2024, 6, 15, 2, 0, 0, TimeSpan.Zero), (RunState?)null,
                "succeeded_with_warnings", (DateOnly?)null)));

        Assert.That(LedgerValues.TryRunStateFromLedgerValue("succeeded_with_data_problems", out var state), Is.True);
        Assert.That(state, Is.EqualTo(RunState.SucceededWithDataProblems));
        Assert.That(LedgerValues.TryRunStateFromLedgerValue("succeeded_with_warnings", out _), Is.False);
    }
}
