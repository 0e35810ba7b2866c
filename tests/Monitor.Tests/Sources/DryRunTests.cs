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

    [Test]
    public void Validate_reports_every_kind_of_mis_read_input_per_file_and_never_a_stack_trace()
    {
        using var temp = new TempDir();
        var data = temp.Combine("data");
        void Write(string folder, string name, byte[] bytes)
        {
            Directory.CreateDirectory(Path.Combine(data, folder));
            File.WriteAllBytes(Path.Combine(data, folder, name), bytes);
        }
        var utf8 = System.Text.Encoding.UTF8;
        // Arabic-Indic digits in one period: a row error, the file still loads.
        Write("uwv", "uwv_vacatures_2024-05-15.csv", utf8.GetBytes(
            "Periode;Arbeidsmarktregio;Beroepsklasse;Openstaande_vacatures;WW_korter_dan_half_jaar\n" +
            "2024KW1;AM01;01;10;5\n\u0662\u0660\u0662\u0664KW1;AM01;02;10;5\n2024KW1;AM01;03;10;5\n"));
        // A UTF-8 BOM before Windows-1252 bytes: a file-level outcome.
        Write("techniekpact", "tpm_docenten_2024-05-15.csv", [0xEF, 0xBB, 0xBF, .. "Jaar;Onderwijssoort;Hybride_docenten\n2023;mbo;5\n2023;h"u8, 0xE9, (byte)'\n']);
        // UTF-16.
        Write("techniekpact", "tpm_werkzaam_2024-05-15.csv", System.Text.Encoding.Unicode.GetBytes("Jaar;Regio;Geslacht;Werkzaam\n2023;NL;man;10\n"));
        // A vacancy-level file with a NUL in an id and a stray quote (the fast path).
        Write("uwv", "uwv_vacatures_detail_2024-05-15.csv", utf8.GetBytes(Header +
            "V1;2024-01-10;;07;AM01;2\nN\u00002;2024-01-10;;07;AM01;2\nV3;\"2024-01-10;;07;AM01;2\nV4;2024-01-10;;07;AM01;2\n"));

        var (exit, output, error) = MonitorCli.Invoke("validate", "--data", data, "--bad-row-threshold", "0.9");
        // The console wraps long lines: compare on the text with the wrapping taken out.
        var all = System.Text.RegularExpressions.Regex.Replace(output + error, @"\s*\r?\n", " ");
        Assert.That(all, Does.Not.Contain("Exception").And.Not.Contain("   at "), all);
        Assert.That(exit, Is.EqualTo(ExitCodes.DataProblems), all);
        Assert.That(all, Does.Contain("ok, with bad rows uwv/uwv_vacatures_2024-05-15.csv").And.Contain("3 rows, 2 valid, 1 bad"));
        Assert.That(all, Does.Contain("line 3, column Periode"));
        Assert.That(all, Does.Contain("rejected techniekpact/tpm_docenten_2024-05-15.csv").And.Contain("UTF-8 byte order mark"));
        Assert.That(all, Does.Contain("rejected techniekpact/tpm_werkzaam_2024-05-15.csv").And.Contain("UTF-16 is not supported"));
        Assert.That(all.IndexOf('\0'), Is.EqualTo(-1), "no NUL byte printed");
        Assert.That(all, Does.Contain("ok, with bad rows uwv/uwv_vacatures_detail_2024-05-15.csv").And.Contain("4 rows, 2 valid, 2 bad"));
        Assert.That(all, Does.Contain("value 'N\\u00002'"));
        Assert.That(all, Does.Contain("line 4: the quote opened at position 4 does not close on this line"));
    }

    // What else a run would report, validate reports too: entries it would pass over, a vintage after the day of the
    // run, and target-register rows it would quarantine; each named, with its reason.
    [Test]
    public void Validate_lists_ignored_entries_future_vintages_and_register_rows_as_a_run_would()
    {
        using var temp = new TempDir();
        var data = temp.Combine("data");
        const string Vacatures = "Periode;Arbeidsmarktregio;Beroepsklasse;Openstaande_vacatures;WW_korter_dan_half_jaar\n2024KW1;AM01;01;10;5\n";
        Directory.CreateDirectory(Path.Combine(data, "uwv", "archief"));
        Directory.CreateDirectory(Path.Combine(data, "reference"));
        File.WriteAllText(Path.Combine(data, "uwv", "uwv_vacatures_2024-05-15.csv"), Vacatures);
        File.WriteAllText(Path.Combine(data, "uwv", "archief", "uwv_vacatures_2023-05-15.csv"), Vacatures);
        File.WriteAllText(Path.Combine(data, "uwv_vacatures_2024-06-15.csv"), Vacatures);
        File.WriteAllText(Path.Combine(data, "reference", "doelen.csv"),
            "Indicator;Domein;Regio;Categorie;Soort;Waarde;Basisjaar;Doeljaar;Bron\nbestaat_niet;ict;NL;;minimum;5;;;test\n");

        var (exit, output, error) = MonitorCli.Invoke("validate", "--data", data);
        var all = System.Text.RegularExpressions.Regex.Replace(output + error, @"\s*\r?\n", " ");
        Assert.That(exit, Is.EqualTo(ExitCodes.DataProblems), "a register row would be quarantined: " + all);
        Assert.That(all, Does.Contain("ok uwv/uwv_vacatures_2024-05-15.csv"));
        Assert.That(all, Does.Contain("ignored uwv_vacatures_2024-06-15.csv").And.Contain("a file in the data root is not read"));
        Assert.That(all, Does.Contain("ignored uwv/archief"));
        Assert.That(all, Does.Contain("target register, with bad rows").And.Contain("line 2, column Indicator, value 'bestaat_niet'"));
        Assert.That(all, Does.Contain("reference/provincies.csv is missing: the copy shipped with the monitor would be used"));
        Assert.That(all, Does.Contain("0 file(s) would be rejected, 1 row(s) quarantined. 2 entries of the data directory would be ignored."));

        // A vintage after the day of the run: rejected by validate as by the run, with the run's reason.
        var future = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
        File.WriteAllText(Path.Combine(data, "uwv", $"uwv_vacatures_{future}.csv"), Vacatures);
        File.Delete(Path.Combine(data, "reference", "doelen.csv"));
        (exit, output, error) = MonitorCli.Invoke("validate", "--data", data);
        all = System.Text.RegularExpressions.Regex.Replace(output + error, @"\s*\r?\n", " ");
        Assert.That(exit, Is.EqualTo(ExitCodes.DataProblems), all);
        Assert.That(all, Does.Contain($"rejected uwv/uwv_vacatures_{future}.csv").And.Contain("publication date in the future"));
        Assert.That(all, Does.Contain("1 file(s) would be rejected, 0 row(s) quarantined."));
    }

    [Test]
    public void Without_a_day_the_dry_run_does_not_judge_vintages_and_with_one_it_does_as_the_run_does()
    {
        using var temp = new TempDir();
        var data = temp.Combine("data");
        Directory.CreateDirectory(Path.Combine(data, "uwv"));
        File.WriteAllText(Path.Combine(data, "uwv", "uwv_vacatures_2026-02-01.csv"),
            "Periode;Arbeidsmarktregio;Beroepsklasse;Openstaande_vacatures;WW_korter_dan_half_jaar\n2024KW1;AM01;01;10;5\n");
        Assert.That(DryRun.ValidateAll(data, 0.05, today: null).Files.Single().Validation.Rejected, Is.False);
        Assert.That(DryRun.ValidateAll(data, 0.05, new DateOnly(2026, 2, 1)).Files.Single().Validation.Rejected, Is.False, "the day itself has come");
        var early = DryRun.ValidateAll(data, 0.05, new DateOnly(2026, 1, 31)).Files.Single().Validation;
        Assert.That(early.FileError, Does.StartWith("publication date in the future: the vintage 2026-02-01 in the file name is after the day of the run (2026-01-31)"));
    }
}
