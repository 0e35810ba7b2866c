// Pillars 3 and 4 end to end: the files of fixtures/pillars34 ingested by the real pipeline, then the
// indicators built (latest and as of earlier dates). Every expected value is worked out in the comments.
using Dapper;
using Monitor.Indicators;
using Monitor.Pipeline;
using Monitor.Sources;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

[TestFixture]
public class Pillar34Tests
{
    const double Tolerance = 1e-9;
    TempDir temp = null!;
    RunResult run = null!;
    WarehouseDb db = null!;

    [OneTimeSetUp]
    public void IngestFixtures()
    {
        temp = new TempDir();
        // 0.5: the first files of each dataset hold several bad rows on purpose and must still load.
        var request = new RunRequest
        {
            DataDir = Fixtures.Dir("pillars34"), OutDir = temp.Path, BadRowThreshold = 0.5,
            Steps = [PipelineSteps.Ingest], StableFiles = Fixtures.NoWatch,
        };
        run = new PipelineRunner().Run(request);
        db = WarehouseDb.OpenForWrite(temp.Combine("warehouse.duckdb"));
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        db.Dispose();
        temp.Dispose();
    }

    void Build(DateOnly? asOf = null) => IndicatorBuilder.Build(db, asOf);

    (double? Value, string Status, bool? Provisional, double? Numerator, double? Denominator, DateOnly Vintage) Row(
        string indicator, string period, string? category = null) =>
        db.Connection.QuerySingle<(double?, string, bool?, double?, double?, DateOnly)>("""
            SELECT value, status, provisional, numerator, denominator, vintage FROM mart.indicator_values
            WHERE indicator = $indicator AND period = $period AND region = 'NL' AND domain = 'totaal'
              AND coalesce(category, '') = coalesce($category, '')
            """, new { indicator, period, category });

    bool Exists(string indicator, string period, string? category = null) =>
        db.Connection.ExecuteScalar<long>("""
            SELECT count(*) FROM mart.indicator_values
            WHERE indicator = $indicator AND period = $period AND coalesce(category, '') = coalesce($category, '')
            """, new { indicator, period, category }) > 0;

    List<(long Line, string? Column, string? Raw, string Reason)> Quarantine(string file) =>
        db.Connection.Query<(long, string?, string?, string)>(
            "SELECT line_number, column_name, raw_value, reason FROM meta.quarantine WHERE file_name = $file ORDER BY line_number",
            new { file }).ToList();

    [Test]
    public void Every_file_loads_with_exactly_the_bad_rows_quarantined()
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.DataProblems), run.Message);
        Assert.That(run.Ingest!.Files.Select(f => (f.FileName, f.State, f.RowsLoaded, f.RowsQuarantined)), Is.EquivalentTo(new[]
        {
            ("cbs_arbeidsproductiviteit_2024-06-01.csv", FileState.Loaded, 6L, 2L),
            ("cbs_arbeidsproductiviteit_2025-06-01.csv", FileState.Loaded, 2L, 0L),
            ("programma_acties_2025-03-31.csv", FileState.Loaded, 6L, 4L),
            ("programma_acties_2025-05-15.csv", FileState.Loaded, 6L, 0L),
            ("programma_acties_2025-06-30.csv", FileState.Loaded, 5L, 0L),
            ("programma_overleggen_2025-06-30.csv", FileState.Loaded, 4L, 3L),
            ("programma_overleggen_2025-09-30.csv", FileState.Loaded, 2L, 0L),
        }));
    }

    // TW 2,0 and AV 1,0 give 100·(1,02/1,01 − 1) = 0,990099: D's 1,13 is 0,1399 off (kept), C's 1,15 is 0,1599 off (quarantined).
    [Test]
    public void The_productivity_identity_keeps_0_14_and_quarantines_0_16_percentage_points()
    {
        var q = Quarantine("cbs_arbeidsproductiviteit_2024-06-01.csv");
        Assert.That(q.Select(r => (r.Line, r.Column, r.Raw)), Is.EqualTo(new[]
        {
            (6L, (string?)"Productiviteit_mutatie", (string?)"1,15"),
            (9L, "Bedrijfstak", "Z"),
        }));
        Assert.That(q[0].Reason, Does.Contain("0.99").And.Contain("0.15 percentage points"));
        var kept = db.Connection.Query<string>("SELECT bedrijfstak FROM raw.cbs_arbeidsproductiviteit WHERE vintage = DATE '2024-06-01' ORDER BY line_number");
        Assert.That(kept, Is.EqualTo(new[] { "totaal", "totaal", "F", "D", "J", "K" }), "J (TW not delivered) and K (suppressed) are not checked");
    }

    [Test]
    public void Productivity_growth_per_year_with_provisional_flag_and_revision()
    {
        Build();
        Assert.Multiple(() =>
        {
            Assert.That(Row("arbeidsproductiviteit_groei", "2022"), Is.EqualTo(((double?)1.0, "no_target", (bool?)false, (double?)null, (double?)null, new DateOnly(2024, 6, 1))));
            // 2023 revised from 0,5 (voorlopig, 2024-06-01) to 0,7 (nader_voorlopig, 2025-06-01): still provisional.
            Assert.That(Row("arbeidsproductiviteit_groei", "2023"), Is.EqualTo(((double?)0.7, "no_target", (bool?)true, (double?)null, (double?)null, new DateOnly(2025, 6, 1))));
            Assert.That(Row("arbeidsproductiviteit_groei", "2024").Value, Is.EqualTo(1.4));
            Assert.That(Row("arbeidsproductiviteit_groei", "2023", "F").Value, Is.EqualTo(-1.2), "an industry keeps its SBI letter as category");
            Assert.That(Row("arbeidsproductiviteit_groei", "2023", "K"), Is.EqualTo(((double?)null, "incomplete", (bool?)true, (double?)null, (double?)null, new DateOnly(2024, 6, 1))));
            Assert.That(Exists("arbeidsproductiviteit_groei", "2023", "C"), Is.False, "the quarantined row makes no value");
        });
        var other = db.Connection.ExecuteScalar<long>("SELECT count(*) FROM mart.indicator_values WHERE provisional IS NOT NULL AND indicator <> 'arbeidsproductiviteit_groei'");
        Assert.That(other, Is.Zero, "provisional is NULL for every other indicator");

        Build(new DateOnly(2025, 1, 1));
        Assert.That(Row("arbeidsproductiviteit_groei", "2023").Value, Is.EqualTo(0.5), "as of 2025-01-01 only the first vintage was published");
        Assert.That(Exists("arbeidsproductiviteit_groei", "2024"), Is.False);
    }

    [Test]
    public void Action_rows_that_break_a_rule_are_quarantined_with_their_reason()
    {
        var q = Quarantine("programma_acties_2025-03-31.csv");
        Assert.That(q.Select(r => (r.Line, r.Column, r.Raw)), Is.EqualTo(new[]
        {
            (8L, (string?)"Gereed", (string?)""),          // A07 afgerond without Gereed
            (9L, "Indicator", "onbekende_kpi"),            // A08 links an unknown KPI
            (10L, "Gereed", "2025-01-15"),                 // A09 Gereed while in_uitvoering
            (11L, "Pijler", "5"),                          // A10 pillar 5
        }));
        Assert.That(q[0].Reason, Does.Contain("needs its Gereed"));
        Assert.That(q[1].Reason, Does.Contain("'onbekende_kpi' is not an indicator code"));
        Assert.That(q[3].Reason, Does.Contain("from 1 to 4"));
        var maatregel = db.Connection.ExecuteScalar<string>("SELECT maatregel FROM raw.programma_acties WHERE actie_id = 'A01' AND vintage = DATE '2025-03-31'");
        Assert.That(maatregel, Is.EqualTo("Techniekpact; regionale aanpak"), "a quoted ; stays inside the field");
    }

    // 2025-03-31 (2025KW1): A01 on schedule; A02 in_uitvoering but planned 2025-02-28, before the vintage date: behind;
    // A03 vertraagd: behind; A04 gestopt: neither; A05 afgerond: on schedule; A06 gepland: on schedule.
    // acties 6, afgerond 1, achter 2, op schema 3 of the 5 not stopped = 60 %.
    [Test]
    public void Actions_behind_and_on_schedule_on_the_vintage_date()
    {
        Build();
        Assert.Multiple(() =>
        {
            Assert.That(Row("acties", "2025KW1").Value, Is.EqualTo(6));
            Assert.That(Row("acties_afgerond", "2025KW1").Value, Is.EqualTo(1));
            Assert.That(Row("acties_achter_schema", "2025KW1").Value, Is.EqualTo(2));
            var share = Row("aandeel_acties_op_schema", "2025KW1");
            Assert.That((share.Value, share.Numerator, share.Denominator), Is.EqualTo(((double?)60.0, (double?)3, (double?)5)));
            // Per pillar: 1 = A01 on, A02 behind; 2 = A03 behind, A06 on; 3 = A04 stopped only (no share); 4 = A05 done.
            Assert.That(Row("acties", "2025KW1", "pijler1").Value, Is.EqualTo(2));
            Assert.That(Row("acties_achter_schema", "2025KW1", "pijler1").Value, Is.EqualTo(1));
            Assert.That(Row("aandeel_acties_op_schema", "2025KW1", "pijler2").Value, Is.EqualTo(50.0));
            Assert.That(Row("acties", "2025KW1", "pijler3").Value, Is.EqualTo(1));
            Assert.That(Row("acties_achter_schema", "2025KW1", "pijler3").Value, Is.EqualTo(0), "a stopped action past its date is not behind");
            Assert.That(Exists("aandeel_acties_op_schema", "2025KW1", "pijler3"), Is.False, "only stopped actions: no share");
            Assert.That(Row("aandeel_acties_op_schema", "2025KW1", "pijler4").Value, Is.EqualTo(100.0));
        });
        var period = db.Connection.QuerySingle<(string, int)>("SELECT DISTINCT period_type, period_order FROM mart.indicator_values WHERE indicator = 'acties' AND period = '2025KW1'");
        Assert.That(period, Is.EqualTo(("quarter", 20251)));
    }

    // 2025KW2 holds two vintages; the last (2025-06-30) counts: A06 dropped, A02 afgerond, A01 back in_uitvoering.
    // acties 5, afgerond 2 (A02, A05), achter 1 (A03), op schema 3 of 4 = 75 %. The 2025-05-15 vintage would give 6 and 3 behind.
    [Test]
    public void A_quarter_takes_the_last_vintage_delivered_in_it()
    {
        Build();
        Assert.Multiple(() =>
        {
            Assert.That(Row("acties", "2025KW2").Value, Is.EqualTo(5));
            Assert.That(Row("acties_afgerond", "2025KW2").Value, Is.EqualTo(2));
            Assert.That(Row("acties_achter_schema", "2025KW2").Value, Is.EqualTo(1));
            Assert.That(Row("aandeel_acties_op_schema", "2025KW2").Value, Is.EqualTo(75.0));
            Assert.That(Row("acties", "2025KW2").Vintage, Is.EqualTo(new DateOnly(2025, 6, 30)));
            Assert.That(Row("acties", "2025KW2", "pijler2").Value, Is.EqualTo(1), "A06 is gone from pillar 2");
        });
        Assert.That(db.Connection.Query<string>("SELECT DISTINCT period FROM mart.indicator_values WHERE indicator = 'acties' ORDER BY 1"),
            Is.EqualTo(new[] { "2025KW1", "2025KW2" }));
    }

    [Test]
    public void The_register_in_force_drops_an_action_absent_from_the_latest_vintage()
    {
        Build();
        var acties = db.Connection.Query<(string Id, string Status, bool Behind, bool On, DateOnly Vintage)>(
            "SELECT actie_id, status, achter_schema, op_schema, vintage FROM mart.acties ORDER BY actie_id").ToList();
        Assert.That(acties, Is.EqualTo(new[]
        {
            ("A01", "in_uitvoering", false, true, new DateOnly(2025, 6, 30)),
            ("A02", "afgerond", false, true, new DateOnly(2025, 6, 30)),
            ("A03", "vertraagd", true, false, new DateOnly(2025, 6, 30)),
            ("A04", "gestopt", false, false, new DateOnly(2025, 6, 30)),
            ("A05", "afgerond", false, true, new DateOnly(2025, 6, 30)),
        }));
        var links = db.Connection.Query<(string, string, string?)>("SELECT actie_id, indicator, domain FROM mart.actie_indicatoren ORDER BY actie_id, indicator").ToList();
        Assert.That(links, Is.EqualTo(new[]
        {
            ("A01", "onderwijs_instroom", (string?)null),
            ("A02", "hybride_docenten", null),
            ("A03", "nettogroei", "ict"),
            ("A03", "zij_instroom", null),
            ("A04", "arbeidsproductiviteit_groei", null),
        }));
        var a03 = db.Connection.ExecuteScalar<string>("SELECT array_to_string(indicatoren, '|') FROM mart.acties WHERE actie_id = 'A03'");
        Assert.That(a03, Is.EqualTo("nettogroei:ict|zij_instroom"), "links as written");

        // As of 2025-06-01 the 2025-05-15 register is in force: A06 is still there and A01 vertraagd, A02 behind.
        Build(new DateOnly(2025, 6, 1));
        var earlier = db.Connection.Query<(string, bool)>("SELECT actie_id, achter_schema FROM mart.acties ORDER BY actie_id").ToList();
        Assert.That(earlier, Is.EqualTo(new[] { ("A01", true), ("A02", true), ("A03", true), ("A04", false), ("A05", false), ("A06", false) }));
        Assert.That(Row("acties", "2025KW2").Value, Is.EqualTo(6), "as of 2025-06-01 the last vintage of KW2 is 2025-05-15");
        Assert.That(Row("acties_achter_schema", "2025KW2").Value, Is.EqualTo(3));
    }

    [Test]
    public void A_rejected_register_vintage_leaves_the_previous_one_in_force()
    {
        db.Connection.Execute("UPDATE meta.extracts SET state = 'rejected' WHERE file_name = 'programma_acties_2025-06-30.csv'");
        try
        {
            Build();
            var ids = db.Connection.Query<(string, DateOnly)>("SELECT actie_id, vintage FROM mart.acties ORDER BY actie_id").ToList();
            Assert.That(ids.Select(r => r.Item1), Is.EqualTo(new[] { "A01", "A02", "A03", "A04", "A05", "A06" }));
            Assert.That(ids.Select(r => r.Item2).Distinct(), Is.EqualTo(new[] { new DateOnly(2025, 5, 15) }));
            Assert.That(Row("acties", "2025KW2").Value, Is.EqualTo(6), "KW2's last loaded vintage is now 2025-05-15");
        }
        finally
        {
            db.Connection.Execute("UPDATE meta.extracts SET state = 'loaded' WHERE file_name = 'programma_acties_2025-06-30.csv'");
        }
    }

    [Test]
    public void Meeting_rows_that_break_a_rule_are_quarantined()
    {
        var q = Quarantine("programma_overleggen_2025-06-30.csv");
        Assert.That(q.Select(r => (r.Line, r.Column, r.Raw)), Is.EqualTo(new[]
        {
            (6L, (string?)"Datum", (string?)"2025-07-01"),
            (7L, "Aanwezig", "5"),
            (8L, "Genodigd", "0"),
        }));
        Assert.That(q[0].Reason, Does.Contain("after the vintage date 2025-06-30"));
    }

    // 2024 koersoverleg: 8 of 10 and 1 of 5 present: 9 / 15 = 60 % (the mean of the two ratios would be 50 %).
    // 2025 koersoverleg (latest): 2025-02-01 corrected to 10 of 12, plus 2025-09-15 10 of 10: 20 / 22.
    [Test]
    public void Attendance_is_summed_over_the_meetings_and_meetings_are_counted_per_year_and_type()
    {
        Build();
        Assert.Multiple(() =>
        {
            var a = Row("aanwezigheid", "2024", "koersoverleg");
            Assert.That((a.Value, a.Numerator, a.Denominator), Is.EqualTo(((double?)60.0, (double?)9, (double?)15)));
            Assert.That(Row("aanwezigheid", "2025", "koersoverleg").Value, Is.EqualTo(100.0 * 20 / 22).Within(Tolerance));
            Assert.That(Row("aanwezigheid", "2024", "kerngroep_pijler1").Value, Is.EqualTo(100.0));
            Assert.That(Row("overleggen", "2024", "koersoverleg").Value, Is.EqualTo(2));
            Assert.That(Row("overleggen", "2024", "kerngroep_pijler1").Value, Is.EqualTo(1));
            Assert.That(Row("overleggen", "2025", "koersoverleg").Value, Is.EqualTo(2));
            Assert.That(Row("overleggen", "2025", "kerngroep_pijler1").Value, Is.EqualTo(0), "a type that did not meet in a year counts 0");
            Assert.That(Exists("aanwezigheid", "2025", "kerngroep_pijler1"), Is.False, "no meetings, no attendance");
            Assert.That(Exists("overleggen", "2024", "dg_overleg"), Is.False, "only types with a loaded meeting");
            // The latest vintage in force is 2025-09-30: 2025 has not ended, 2024 has.
            Assert.That(Row("overleggen", "2025", "koersoverleg").Status, Is.EqualTo("incomplete"));
            // The shipped register asks for at least 3 koersoverleggen a year from 2023: 2 in 2024 is behind.
            Assert.That(Row("overleggen", "2024", "koersoverleg").Status, Is.EqualTo("behind"));
        });

        Build(new DateOnly(2025, 7, 1));
        Assert.That(Row("aanwezigheid", "2025", "koersoverleg").Value, Is.EqualTo(75.0), "as of 2025-07-01: 9 of 12");
        Assert.That(Row("overleggen", "2025", "koersoverleg").Value, Is.EqualTo(1));
    }

    [TestCase("arbeidsproductiviteit_groei", "2023", "F", -1.2)]
    [TestCase("acties_achter_schema", "2025KW1", null, 2.0)]
    [TestCase("aandeel_acties_op_schema", "2025KW2", null, 75.0)]
    [TestCase("aanwezigheid", "2024", "koersoverleg", 60.0)]
    [TestCase("overleggen", "2025", "koersoverleg", 2.0)]
    public void Explain_lists_the_rows_a_value_came_from(string indicator, string period, string? category, double expected)
    {
        Build();
        var v = IndicatorExplainer.Explain(db, new ExplainRequest(indicator, period, "NL", "totaal", category)).Values.Single();
        Assert.That(v.Value.Value, Is.EqualTo(expected).Within(Tolerance));
        Assert.That(v.Inputs, Is.Not.Empty);
        Assert.That(v.Inputs.All(i => i.FileName is not null && i.LineNumber > 1), Is.True);
        double Sum(Func<ExplainInput, bool> where) => v.Inputs.Where(where).Sum(i => i.Value ?? 0);
        var recomputed = indicator switch
        {
            "arbeidsproductiviteit_groei" => Sum(i => i.Role == "value"),
            "aandeel_acties_op_schema" => 100 * Sum(i => i.Role.StartsWith("numerator")) / Sum(_ => true),
            "aanwezigheid" => 100 * Sum(i => i.Role == "numerator") / Sum(i => i.Role == "denominator"),
            _ => Sum(_ => true),
        };
        Assert.That(recomputed, Is.EqualTo(expected).Within(Tolerance));
    }
}
