// The pillar 3 and 4 contracts on single rows: the productivity identity around its 0.15 pp edge, the
// action register's rules (Gereed iff afgerond, links to the catalogue, dates, pillar range) and the
// meetings' rules, each with the column and reason it is quarantined with.
using System.Text;
using Monitor.Sources;

namespace Monitor.Tests.Sources;

public class Pillar34ContractTests
{
    static readonly ExtractValidator Validator = new(ReferenceLoader.Load("/nonexistent-so-the-shipped-reference-is-used").Data, 1.0);

    static ExtractValidation Validate(string folder, string fileName, params string[] lines)
    {
        var file = ExtractDiscovery.Classify(Path.Combine("/data", folder, fileName), folder, fileName);
        Assert.That(file.NameFits, Is.True, file.NameError);
        return Validator.Validate(file, Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
    }

    /// <summary>The one quarantined (column, reason) of a one-row file, or null when the row loads.</summary>
    static (string? Column, string Reason)? OneRow(string folder, string fileName, string header, string row)
    {
        var v = Validate(folder, fileName, header, row);
        Assert.That(v.Rejected, Is.False, v.FileError);
        if (v.Rows.Count == 1) return null;
        return (v.Quarantine.Single().Column, v.Quarantine.Single().Reason);
    }

    const string Cbs = "Jaar;Bedrijfstak;Productiviteit_mutatie;Toegevoegde_waarde_mutatie;Arbeidsvolume_mutatie;Status";

    // 100 · (1,03 / 1,01 − 1) = 1,980198. Kept: 1,84 (0,1402 below) and 2,13 (0,1498 above).
    // Quarantined: 1,83 (0,1502 below), 2,14 (0,1598 above) and −1,98 (the sign flipped).
    [TestCase("1,84", true)]
    [TestCase("2,13", true)]
    [TestCase("1,83", false)]
    [TestCase("2,14", false)]
    [TestCase("-1,98", false)]
    public void The_productivity_identity_holds_within_0_15_percentage_points(string productivity, bool loads)
    {
        var outcome = OneRow("cbs", "cbs_arbeidsproductiviteit_2025-06-01.csv", Cbs, $"2024;F;{productivity};3,0;1,0;voorlopig");
        if (loads) Assert.That(outcome, Is.Null);
        else Assert.That(outcome!.Value.Column, Is.EqualTo("Productiviteit_mutatie"));
    }

    [Test]
    public void Negative_changes_load_and_an_undelivered_change_skips_the_identity()
    {
        // 100 · (0,98 / 1,005 − 1) = −2,487562.
        Assert.That(OneRow("cbs", "cbs_arbeidsproductiviteit_2025-06-01.csv", Cbs, "2024;totaal;-2,49;-2,0;0,5;definitief"), Is.Null);
        Assert.That(OneRow("cbs", "cbs_arbeidsproductiviteit_2025-06-01.csv", Cbs, "2024;totaal;5,0;x;0,5;definitief"), Is.Null);
        Assert.That(OneRow("cbs", "cbs_arbeidsproductiviteit_2025-06-01.csv", Cbs, "2024;S;1,0;2,0;1,0;nader_voorlopig"), Is.Null);
        Assert.That(OneRow("cbs", "cbs_arbeidsproductiviteit_2025-06-01.csv", Cbs, "2024;T;1,0;2,0;1,0;definitief")!.Value.Column, Is.EqualTo("Bedrijfstak"));
        Assert.That(OneRow("cbs", "cbs_arbeidsproductiviteit_2025-06-01.csv", Cbs, "2024;F;1,0;2,0;1,0;herzien")!.Value.Column, Is.EqualTo("Status"));
    }

    const string Acties = "Actie_id;Pijler;Maatregel;Eigenaar;Status;Start;Gepland_gereed;Gereed;Indicator";

    static (string? Column, string Reason)? Actie(string row) => OneRow("programma", "programma_acties_2025-06-30.csv", Acties, row);

    [Test]
    public void Gereed_is_required_exactly_when_an_action_is_afgerond()
    {
        Assert.That(Actie("A01;1;M;OCW;afgerond;2024-01-01;2024-12-31;2024-11-30;"), Is.Null);
        Assert.That(Actie("A01;1;M;OCW;afgerond;2024-01-01;2024-12-31;;"), Is.EqualTo(((string?)"Gereed", "an afgerond action needs its Gereed date")));
        Assert.That(Actie("A01;1;M;OCW;gestopt;2024-01-01;2024-12-31;2024-11-30;")!.Value.Reason, Does.Contain("only filled for an afgerond action, this one is gestopt"));
        Assert.That(Actie("A01;1;M;OCW;afgerond;2024-01-01;2024-12-31;2023-12-31;")!.Value.Reason, Does.Contain("before Start 2024-01-01"));
    }

    [TestCase("nettogroei", true)]
    [TestCase("nettogroei:ict, werkzaam:techniek,acties", true)]
    [TestCase("groei", false)]
    [TestCase("nettogroei:zorg", false)]
    [TestCase("nettogroei,,werkzaam", false)]
    public void Indicator_links_name_catalogue_codes(string links, bool loads)
    {
        var outcome = Actie($"A07;2;M;SZW;gepland;2025-01-01;2025-12-31;;{links}");
        if (loads) Assert.That(outcome, Is.Null);
        else Assert.That(outcome!.Value.Column, Is.EqualTo("Indicator"));
    }

    [TestCase("B07;1;M;OCW;gepland;2025-01-01;2025-12-31;;", "Actie_id")]
    [TestCase("A;1;M;OCW;gepland;2025-01-01;2025-12-31;;", "Actie_id")]
    [TestCase("A07;0;M;OCW;gepland;2025-01-01;2025-12-31;;", "Pijler")]
    [TestCase("A07;1,5;M;OCW;gepland;2025-01-01;2025-12-31;;", "Pijler")]
    [TestCase("A07;1;M;OCW;klaar;2025-01-01;2025-12-31;;", "Status")]
    [TestCase("A07;1;M;OCW;gepland;2025-01-01;2024-12-31;;", "Gepland_gereed")]
    [TestCase("A07;1;;OCW;gepland;2025-01-01;2025-12-31;;", "Maatregel")]
    public void A_row_breaking_an_action_rule_is_quarantined_on_its_column(string row, string column) =>
        Assert.That(Actie(row)!.Value.Column, Is.EqualTo(column));

    const string Overleggen = "Datum;Overleg;Genodigd;Aanwezig";

    [Test]
    public void Meetings_are_held_by_the_vintage_date_with_at_least_one_invited_and_no_more_present()
    {
        static (string? Column, string Reason)? Overleg(string row) => OneRow("programma", "programma_overleggen_2025-06-30.csv", Overleggen, row);
        Assert.That(Overleg("2025-06-30;koersoverleg;10;10"), Is.Null, "on the vintage date itself");
        Assert.That(Overleg("2025-07-01;koersoverleg;10;10")!.Value.Column, Is.EqualTo("Datum"));
        Assert.That(Overleg("2025-06-01;koersoverleg;0;0")!.Value.Column, Is.EqualTo("Genodigd"));
        Assert.That(Overleg("2025-06-01;koersoverleg;10;11")!.Value.Reason, Is.EqualTo("11 present is more than the 10 invited"));
        Assert.That(Overleg("2025-06-01;werkbezoek;10;5")!.Value.Column, Is.EqualTo("Overleg"));
        var twice = Validate("programma", "programma_overleggen_2025-06-30.csv", Overleggen, "2025-06-01;koersoverleg;10;5", "2025-06-01;koersoverleg;9;5");
        Assert.That(twice.Quarantine.Single().Reason, Does.StartWith("duplicate key"));
    }
}
