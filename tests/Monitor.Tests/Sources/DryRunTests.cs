// `monitor validate`: the run's checks without a warehouse, with the streaming validator for vacancy-level files.
using Monitor.Pipeline;
using Monitor.Sources;
using Monitor.Tests.Support;

namespace Monitor.Tests.Sources;

public class DryRunTests
{
    const string Header = "Vacature_id;Datum_ontstaan;Datum_vervuld;Beroepsklasse;Arbeidsmarktregio;Aantal_posities\n";

    static string DetailDir(TempDir temp)
    {
        var uwv = temp.Combine("data", "uwv");
        Directory.CreateDirectory(uwv);
        File.WriteAllText(Path.Combine(uwv, "uwv_vacatures_detail_2024-05-15.csv"), Header +
            "V1;2024-01-10;;07;AM01;2\n" +             // line 2: fine
            "V2;2024-02-01;2024-01-01;08;AM13;1\n" +   // line 3: filled before it arose
            "V3;2024-02-01;;07;AM99;1\n" +             // line 4: unknown region
            "V1;2024-03-01;;07;AM01;1\n" +             // line 5: repeats the key of line 2
            "V4;2024-03-01;;07;AM02;3\n");             // line 6: fine
        return temp.Combine("data");
    }

    [Test]
    public void A_vacancy_level_file_is_checked_like_the_run_checks_it()
    {
        using var temp = new TempDir();
        var data = DetailDir(temp);

        var file = DryRun.Validate(data, badRowThreshold: 0.9).Single();

        Assert.That((file.Validation.RowsTotal, file.ValidRows, file.Validation.RowsQuarantined), Is.EqualTo((5L, 2L, 3L)));
        Assert.That(file.Validation.Rejected, Is.False);
        // The generic validator, the reference the fast one is held to, quarantines the same lines for the same columns.
        var generic = new ExtractValidator(ReferenceLoader.Load(data).Data, 0.9).Validate(ExtractDiscovery.Discover(data).Single());
        Assert.That(file.Validation.Quarantine.Select(q => (q.LineNumber, q.Column)),
            Is.EqualTo(generic.Quarantine.Select(q => (q.LineNumber, q.Column))));
        Assert.That(file.Validation.Quarantine.Select(q => q.LineNumber).Distinct(), Is.EqualTo(new[] { 3L, 4L, 5L }));
        // Nothing is left behind: the streaming validator's clean copy lives in a temporary folder that is removed.
        Assert.That(Directory.GetFiles(data, "*", SearchOption.AllDirectories), Has.Length.EqualTo(1));
    }

    [Test]
    public void Over_the_threshold_the_file_would_be_rejected_and_the_command_says_so()
    {
        using var temp = new TempDir();
        var data = DetailDir(temp);

        Assert.That(DryRun.Validate(data, 0.05).Single().ValidRows, Is.Zero, "a rejected file loads nothing");
        var (exit, output, _) = MonitorCli.Invoke("validate", "--data", data);
        Assert.That(exit, Is.EqualTo(ExitCodes.DataProblems));
        Assert.That(output, Does.Contain("rejected uwv/uwv_vacatures_detail_2024-05-15.csv").And.Contain("5 rows, 0 valid, 3 bad"));
        Assert.That(output, Does.Contain("1 file(s) would be rejected, 3 row(s) quarantined."));
    }
}
