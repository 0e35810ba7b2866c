using Monitor.Pipeline.Definition;
using Monitor.Tests.Support;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class PipelineDefinitionTests
{
    const string Source = "/srv/monitor/pipelines/test.yaml";

    static PipelineDefinitionException Fails(string yaml) =>
        Assert.Throws<PipelineDefinitionException>(() => PipelineDefinition.Parse(yaml, Source))!;

    [Test]
    public void The_shipped_nightly_pipeline_reads_as_documented()
    {
        var root = Fixtures.RepoRoot;
        var p = PipelineDefinition.Load(Path.Combine(root, "pipelines", "nightly.yaml"));

        Assert.That(p.Name, Is.EqualTo("nightly"));
        Assert.That(p.Schedule!.Cron, Is.EqualTo("0 0 2 * * ?"));
        Assert.That(p.Schedule.TimeZone.Id, Is.EqualTo("Europe/Amsterdam"));
        Assert.That(p.DataDir, Is.EqualTo(Path.Combine(root, "sample-data")));
        Assert.That(p.OutDir, Is.EqualTo(Path.Combine(root, "out")));
        Assert.That(p.Steps, Is.EqualTo(new[] { "ingest", "indicators", "checks", "report", "export", "site" }));
        Assert.That(p.Retry, Is.EqualTo(new RetryDefinition(3, TimeSpan.FromSeconds(2))));
        Assert.That(p.Timeouts["ingest"], Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(p.Timeouts["export"], Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(p.BadRowThreshold, Is.EqualTo(0.05));
        Assert.That(p.BlockingSeverities, Is.EqualTo(new[] { "error" }));
        Assert.That(p.CatchUp, Is.True);
        Assert.That(p.StableFiles, Is.EqualTo(new StableFileSettings(TimeSpan.FromSeconds(2), TimeSpan.Zero)));
    }

    [Test]
    public void A_minimal_file_gets_the_defaults_and_no_schedule()
    {
        var p = PipelineDefinition.Parse("name: adhoc\ndata_dir: /data/monitor\nout_dir: out\n", Source);

        Assert.That(p.Schedule, Is.Null);
        Assert.That(p.DataDir, Is.EqualTo("/data/monitor"));
        Assert.That(p.OutDir, Is.EqualTo("/srv/monitor/pipelines/out"), "relative to the file's folder");
        Assert.That(p.Steps, Has.Count.EqualTo(6));
        Assert.That(p.Retry.Attempts, Is.EqualTo(3));
        Assert.That(p.Timeouts, Is.Empty);
        Assert.That(p.CatchUp, Is.True);
        var e = Assert.Throws<PipelineDefinitionException>(() => p.RequireSchedule())!;
        Assert.That(e.Message, Does.Contain("has no schedule"));
    }

    [Test]
    public void Relative_paths_resolve_against_the_folder_of_the_file()
    {
        var p = PipelineDefinition.Parse("name: n\ndata_dir: ../sample-data\nout_dir: ./out-2024-06\n", "/repo/pipelines/nightly.yaml");
        Assert.That(p.DataDir, Is.EqualTo("/repo/sample-data"));
        Assert.That(p.OutDir, Is.EqualTo("/repo/pipelines/out-2024-06"));
    }

    [Test]
    public void Every_problem_is_reported_with_its_line_column_and_field()
    {
        var e = Fails("""
            name: nightly
            data_dir: data
            out_dir: out
            scheduel:
              cron: "0 0 2 * * ?"
            retry:
              attempts: three
            steps: [ingest, indicatorz]
            """);

        Assert.That(e.Problems, Has.Count.EqualTo(3));
        Assert.That(e.Problems[0], Is.EqualTo(new PipelineProblem(4, 1, "scheduel", "unknown field; expected one of name, schedule, data_dir, out_dir, steps, retry, timeouts, bad_row_threshold, blocking_severities, catch_up, stable_files, report_regions, meetings")));
        Assert.That(e.Problems.Select(p => (p.Line, p.Column, p.Field)), Is.EquivalentTo(new[]
        {
            ((int?)4, (int?)1, "scheduel"),
            ((int?)7, (int?)13, "retry.attempts"),
            ((int?)8, (int?)17, "steps"),
        }));
        Assert.That(e.Message, Does.Contain("/srv/monitor/pipelines/test.yaml:7:13: retry.attempts: expected a whole number of tries from 1 (no retry) to 20, got 'three'"));
        Assert.That(e.Message, Does.Contain("test.yaml:8:17: steps: unknown step 'indicatorz'; the steps are ingest, indicators, checks, report, export"));
        Assert.That(e.Message, Does.StartWith("3 problems in pipeline file /srv/monitor/pipelines/test.yaml:"));
    }

    [Test]
    public void Missing_required_fields_are_named()
    {
        var e = Fails("steps: [ingest]\n");
        Assert.That(e.Problems.Select(p => p.Field), Is.EqualTo(new[] { "name", "data_dir", "out_dir" }));
        Assert.That(e.Problems.All(p => p.Message == "is required but missing"));
    }

    [Test]
    public void Steps_must_keep_the_order_of_the_data_flow_and_appear_once()
    {
        var e = Fails("name: n\ndata_dir: d\nout_dir: o\nsteps: [ingest, report, checks, report]\n");
        Assert.That(e.Problems.Select(p => p.Message), Is.EqualTo(new[]
        {
            "step 'checks' comes after 'report', but steps run in the order ingest → indicators → checks → report → export → site",
            "step 'report' is listed twice",
        }));
    }

    [Test]
    public void A_subset_of_steps_in_order_is_accepted()
    {
        var p = PipelineDefinition.Parse("name: n\ndata_dir: d\nout_dir: o\nsteps: [ingest, checks]\n", Source);
        Assert.That(p.Steps, Is.EqualTo(new[] { "ingest", "checks" }));
    }

    [TestCase("1.5", "expected a share between 0 and 1 with a decimal point, e.g. 0.05 for 5%, got '1.5'")]
    [TestCase("0,05", "expected a share between 0 and 1 with a decimal point, e.g. 0.05 for 5%, got '0,05'")]
    public void Bad_row_threshold_is_a_share_with_a_decimal_point(string value, string message)
    {
        var e = Fails($"name: n\ndata_dir: d\nout_dir: o\nbad_row_threshold: {value}\n");
        Assert.That(e.Problems.Single(), Is.EqualTo(new PipelineProblem(4, 20, "bad_row_threshold", message)));
    }

    [Test]
    public void A_crontab_style_expression_is_refused_with_quartz_advice()
    {
        var e = Fails("name: n\ndata_dir: d\nout_dir: o\nschedule:\n  cron: \"0 2 * * *\"\n");
        var problem = e.Problems.Single();
        Assert.That((problem.Line, problem.Field), Is.EqualTo(((int?)5, "schedule.cron")));
        Assert.That(problem.Message, Does.StartWith("'0 2 * * *' is not a Quartz cron expression:"));
        Assert.That(problem.Message, Does.Contain("seconds first"));
    }

    [Test]
    public void An_unknown_time_zone_is_refused()
    {
        var e = Fails("name: n\ndata_dir: d\nout_dir: o\nschedule: { cron: \"0 0 2 * * ?\", time_zone: Europe/Amsterdan }\n");
        Assert.That(e.Problems.Single().Message, Is.EqualTo("unknown time zone 'Europe/Amsterdan'; use an IANA name such as Europe/Amsterdam or UTC"));
    }

    [Test]
    public void Timeouts_only_name_steps_and_take_whole_seconds()
    {
        var e = Fails("name: n\ndata_dir: d\nout_dir: o\ntimeouts:\n  ingest: 0\n  publish: 60\n  report: 90\n");
        Assert.That(e.Problems.Select(p => (p.Line, p.Field)), Is.EqualTo(new[] { ((int?)5, "timeouts.ingest"), ((int?)6, "timeouts.publish") }));

        var ok = PipelineDefinition.Parse("name: n\ndata_dir: d\nout_dir: o\ntimeouts: { report: 90 }\n", Source);
        Assert.That(ok.Timeouts, Is.EqualTo(new Dictionary<string, TimeSpan> { ["report"] = TimeSpan.FromSeconds(90) }));
    }

    [Test]
    public void Blocking_severities_must_be_known_so_a_typo_cannot_switch_blocking_off()
    {
        var e = Fails("name: n\ndata_dir: d\nout_dir: o\nblocking_severities: [eror]\n");
        Assert.That(e.Problems.Single().Message, Is.EqualTo("unknown severity 'eror'; the check severities are error, warning"));
    }

    [Test]
    public void Report_regions_are_known_region_codes_normalised_and_listed_once()
    {
        var p = PipelineDefinition.Parse("name: n\ndata_dir: d\nout_dir: o\nreport_regions: [pv27, AM18, PV27]\n", Source);
        Assert.That(p.ReportRegions, Is.EqualTo(new[] { "PV27", "AM18" }));
        Assert.That(PipelineDefinition.Parse("name: n\ndata_dir: d\nout_dir: o\n", Source).ReportRegions, Is.Empty);
        var e = Fails("name: n\ndata_dir: d\nout_dir: o\nreport_regions: [PV27, AM99]\n");
        var problem = e.Problems.Single();
        Assert.That((problem.Line, problem.Column, problem.Field), Is.EqualTo((4, 24, "report_regions")));
        Assert.That(problem.Message, Does.StartWith("region 'AM99' is not a known region"));
    }

    [Test]
    public void Catch_up_is_true_or_false()
    {
        Assert.That(PipelineDefinition.Parse("name: n\ndata_dir: d\nout_dir: o\ncatch_up: false\n", Source).CatchUp, Is.False);
        var e = Fails("name: n\ndata_dir: d\nout_dir: o\ncatch_up: sometimes\n");
        Assert.That(e.Problems.Single().Message, Is.EqualTo("expected true or false, got 'sometimes'"));
    }

    [Test]
    public void Broken_yaml_is_reported_at_its_line()
    {
        // The bracket opened on line 2 is never closed.
        var e = Fails("name: n\nsteps: [ingest, checks\ndata_dir: d\n");
        Assert.That(e.Problems.Single().Line, Is.EqualTo(2));
        Assert.That(e.Problems.Single().Message, Does.StartWith("not valid YAML after this point (check for an unclosed bracket or quote)"));

        var duplicate = Fails("name: n\nname: m\n");
        Assert.That(duplicate.Problems.Single(), Is.EqualTo(new PipelineProblem(2, 1, "", "not valid YAML: Duplicate key name")));
    }

    [Test]
    public void A_missing_file_says_where_it_was_looked_for()
    {
        var e = Assert.Throws<PipelineDefinitionException>(() => PipelineDefinition.Load("/nonexistent/monitor/nightly.yaml"))!;
        Assert.That(e.Message, Does.Contain("pipeline file not found (looked for /nonexistent/monitor/nightly.yaml)"));
    }
}
