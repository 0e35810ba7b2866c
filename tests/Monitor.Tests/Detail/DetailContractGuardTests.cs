// The fast detail path implements the contract's rules by hand for well-formed rows. A rule added to the contract
// must never be skipped there: the fast path refuses a contract whose rules are not exactly the ones it implements.
using System.Text;
using Dapper;
using Monitor.Pipeline;
using Monitor.Sources;
using Monitor.Sources.Detail;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Detail;

public class DetailContractGuardTests
{
    const string Header = "Vacature_id;Datum_ontstaan;Datum_vervuld;Beroepsklasse;Arbeidsmarktregio;Aantal_posities";
    static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly Monitor.Domain.ReferenceData Reference = ReferenceLoader.Load(Fixtures.RepoRoot + "/sample-data").Data;
    static readonly DatasetContract Detail = Contracts.Find("uwv", "vacatures_detail")!;

    /// <summary>A rule the fast path knows nothing of: at most 5 positions per vacancy.</summary>
    static (string, string)? AtMostFivePositions(IReadOnlyDictionary<string, object?> row) =>
        row["aantal_posities"] is long n && n > 5 ? ("Aantal_posities", $"{n} positions, at most 5 allowed") : null;

    static DiscoveredFile Write(TempDir tmp, DatasetContract contract)
    {
        var file = DetailLoaderTests.WriteExtract(tmp, Encoding.UTF8.GetBytes(string.Join("\n",
            Header, "V1;2023-01-15;;07;AM01;1", "V2;2023-01-15;;07;AM01;9", "V3;2023-01-15;;07;AM01;5") + "\n"));
        return file with { Contract = contract };
    }

    [Test]
    public void The_shipped_contract_is_exactly_what_the_fast_path_implements()
    {
        Assert.That(DetailValidator.Unsupported(Detail), Is.Null);
    }

    [Test]
    public void A_contract_with_an_extra_row_rule_is_handed_to_the_generic_path_which_applies_the_rule()
    {
        using var tmp = new TempDir();
        var contract = Detail with { RowRules = [.. Detail.RowRules!, AtMostFivePositions] };
        var file = Write(tmp, contract);
        Assert.That(DetailValidator.Unsupported(contract), Does.Contain("row rules the fast path does not implement").And.Contain(nameof(AtMostFivePositions)));

        using var db = WarehouseDb.OpenForWrite(tmp.Combine("warehouse.duckdb"));
        db.Migrate();
        var loader = new DetailLoader(Reference, 0.9);
        Assert.That(loader.TryIngest(db, "run-1", file, Now), Is.Null, "the fast path does not load it");
        Assert.That(loader.LastFallbackReason, Does.Contain(nameof(AtMostFivePositions)));

        // The ingest step (fast path on) then reads it with the generic validator, and V2 (9 positions) is quarantined.
        var outcome = new IngestStep(new ExtractValidator(Reference, 0.9), () => Now).Run(db, "run-1", [file]).Files.Single();
        Assert.That((outcome.State, outcome.RowsLoaded, outcome.RowsQuarantined), Is.EqualTo((FileState.Loaded, 2L, 1L)));
        Assert.That(db.Connection.QuerySingle<(long, string)>("SELECT line_number, reason FROM meta.quarantine"), Is.EqualTo((3L, "9 positions, at most 5 allowed")));
        // Why it took the general reader is said by the run and kept with the extract.
        var why = "read by the general reader instead of the vacancy-level fast path: the contract has row rules the fast path does not implement (AtMostFivePositions)";
        Assert.That(outcome.Warnings.Single(), Does.StartWith(why));
        Assert.That(db.Connection.QuerySingle<(string, string)>("SELECT level, message FROM meta.extract_messages WHERE extract_id = $id", new { id = outcome.ExtractId }),
            Is.EqualTo(("warning", outcome.Warnings.Single())));
    }

    [Test]
    public void A_file_the_fast_path_takes_has_no_such_message()
    {
        using var tmp = new TempDir();
        var file = Write(tmp, Detail);
        using var db = WarehouseDb.OpenForWrite(tmp.Combine("warehouse.duckdb"));
        db.Migrate();
        var outcome = new IngestStep(new ExtractValidator(Reference, 0.9), () => Now).Run(db, "run-1", [file]).Files.Single();
        Assert.That((outcome.State, outcome.RowsLoaded, outcome.Warnings.Count), Is.EqualTo((FileState.Loaded, 3L, 0)));
        Assert.That(db.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta.extract_messages"), Is.EqualTo(0));
    }

    [Test]
    public void A_contract_without_the_rule_the_fast_path_applies_is_refused_too()
    {
        Assert.That(DetailValidator.Unsupported(Detail with { RowRules = null }), Does.Contain("implements exactly FilledNotBeforeArisen"));
    }

    [Test]
    public void A_contract_whose_column_is_read_another_way_is_refused()
    {
        var columns = Detail.Columns.ToArray();
        columns[5] = columns[5] with { Type = CellType.SignedInteger };
        Assert.That(DetailValidator.Unsupported(Detail with { Columns = columns }), Does.Contain("column Aantal_posities"));
        columns = [.. Detail.Columns, new ColumnSpec("Opmerking", CellType.Text)];
        Assert.That(DetailValidator.Unsupported(Detail with { Columns = columns }), Does.Contain("7 columns"));
        Assert.That(DetailValidator.Unsupported(Detail with { NlExclusiveWithProvinces = true }), Does.Contain("NL-or-provinces"));
    }

    [Test]
    public void The_dry_run_takes_the_generic_path_for_such_a_contract_too()
    {
        // DryRun discovers files with the shipped contracts; the validator's own refusal is what it relies on.
        using var tmp = new TempDir();
        var file = Write(tmp, Detail with { RowRules = [.. Detail.RowRules!, AtMostFivePositions] });
        var facts = DetailFileScan.Scan(file.Path);
        using var validator = new DetailValidator(Reference, 0.9, file, facts, tmp.Path);
        Assert.That(validator.Ready, Is.False);
        Assert.That(validator.Finish().FallbackReason, Does.Contain(nameof(AtMostFivePositions)));
    }
}
