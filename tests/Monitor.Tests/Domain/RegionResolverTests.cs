using Monitor.Domain;
using Monitor.Reporting.Data;

namespace Monitor.Tests.Domain;

public class RegionResolverTests
{
    /// <summary>Three regions, one per level, and the country: nothing read from reference/.</summary>
    sealed class ThreeRegions : IRegionCodes
    {
        public RegionLevel? LevelOf(string code) => code switch
        {
            "NL" => RegionLevel.Nl,
            "PV27" => RegionLevel.Provincie,
            "AM18" => RegionLevel.Arbeidsmarktregio,
            "TP3" => RegionLevel.Techniekpactregio,
            _ => null,
        };
    }

    static readonly IRegionCodes Known = new ThreeRegions();

    [TestCase("PV27", "PV27")]
    [TestCase("AM18", "AM18")]
    [TestCase("TP3", "TP3")]
    [TestCase("pv27", "PV27")]
    [TestCase("Am18", "AM18")]
    [TestCase("tp3", "TP3")]
    [TestCase("  am18 ", "AM18")]
    public void A_known_code_in_any_case_gives_its_upper_case_code(string typed, string code) =>
        Assert.That(RegionResolver.Resolve(typed, Known), Is.EqualTo(code));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("NL")]
    [TestCase("nl")]
    [TestCase(" Nl ")]
    public void Nothing_or_NL_is_the_national_edition(string? typed) =>
        Assert.That(RegionResolver.Resolve(typed, Known), Is.Null);

    [Test]
    public void An_unknown_code_is_refused_with_the_value_as_given_and_the_expected_forms()
    {
        var e = Assert.Throws<UnknownRegionException>(() => RegionResolver.Resolve(" am99", Known));
        Assert.That(e!.Given, Is.EqualTo(" am99"));
        Assert.That(e.Message, Is.EqualTo(
            "' am99' is not a known region: expected a province (PV20–PV31), a labour-market region (e.g. AM18, " +
            "see reference/arbeidsmarktregios.csv) or a Techniekpact region (TP1–TP5)"));
    }

    [Test]
    public void The_message_leaves_the_context_to_the_caller()
    {
        var e = Assert.Throws<UnknownRegionException>(() => RegionResolver.Resolve("XX1", Known));
        Assert.That(e!.Message, Does.StartWith("'XX1' is not a known region"));
        Assert.That(e.Message, Does.Not.Contain("--region").And.Not.Contain("report_regions"));
    }

    [TestCase("Noord-Holland")]
    [TestCase("Groot Amsterdam")]
    [TestCase("PV 27")]
    [TestCase("PV027")]
    public void A_name_or_a_misspelt_code_is_not_a_region(string typed) =>
        Assert.Throws<UnknownRegionException>(() => RegionResolver.Resolve(typed, Known));

    [Test]
    public void A_code_only_some_other_reference_knows_is_refused() =>
        Assert.Throws<UnknownRegionException>(() => RegionResolver.Resolve("PV28", Known));

    [TestCase("pv20", "PV20")]
    [TestCase("PV31", "PV31")]
    [TestCase("am01", "AM01")]
    [TestCase("TP5", "TP5")]
    public void The_shipped_reference_knows_every_level(string typed, string code) =>
        Assert.That(RegionResolver.Resolve(typed, RegionCatalog.Shared), Is.EqualTo(code));

    [TestCase("PV19")]
    [TestCase("PV32")]
    [TestCase("TP6")]
    public void The_shipped_reference_refuses_codes_outside_its_tables(string typed) =>
        Assert.Throws<UnknownRegionException>(() => RegionResolver.Resolve(typed, RegionCatalog.Shared));

    [Test]
    public void The_shipped_catalogue_gives_the_level_of_each_code()
    {
        var shipped = RegionCatalog.Shared;
        Assert.That(
            new[] { "NL", "PV27", "AM18", "TP3", "XX" }.Select(shipped.LevelOf),
            Is.EqualTo(new RegionLevel?[] { RegionLevel.Nl, RegionLevel.Provincie, RegionLevel.Arbeidsmarktregio, RegionLevel.Techniekpactregio, null }));
    }
}
