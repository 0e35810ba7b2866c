// The pillar 3 and 4 sample files (cbs/, programma/) checked against CONTRACTS.md ("Pillars 3 and 4")
// by reading the files back, independently of the loader; and the figures docs/sample-data.md quotes.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Monitor.Generation;
using Monitor.Tests.Support;
using NUnit.Framework;

namespace Monitor.Tests.Generation;

public class PillarSampleDataTests
{
    string sampleDir = null!;
    IReadOnlyList<GeneratedFile> generated = null!;

    static readonly string[] Bedrijfstakken =
        ["totaal", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S"];
    static readonly string[] ActieStatussen = ["gepland", "in_uitvoering", "afgerond", "vertraagd", "gestopt"];
    static readonly string[] Overleggen = ["koersoverleg", "kerngroep_pijler1", "kerngroep_pijler2", "kerngroep_pijler3", "dg_overleg", "regionaal"];
    static readonly DateOnly V1 = new(2025, 3, 31), V2 = new(2025, 9, 30), V3 = new(2025, 12, 31);

    /// <summary>Indicator codes of the shared interface of issue 13 that the catalogue gains with the pillar 2-4 work.</summary>
    static readonly string[] AgreedNewCodes =
        ["arbeidsproductiviteit_groei", "aandeel_vrouwen_werkzaam", "acties", "acties_afgerond", "acties_achter_schema", "aandeel_acties_op_schema", "overleggen", "aanwezigheid"];

    [OneTimeSetUp]
    public void GenerateOnce()
    {
        sampleDir = Path.Combine(Path.GetTempPath(), "monitor-gen-" + Guid.NewGuid().ToString("N"));
        generated = SampleDataGenerator.Generate(sampleDir);
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(sampleDir, recursive: true);

    CsvTable Read(string relativePath) => CsvTable.Read(Path.Combine(sampleDir, relativePath));

    static double Dec(string text)
    {
        Assert.That(text, Does.Match(@"^-?\d+,\d$"), "one decimal with a decimal comma");
        return double.Parse(text.Replace(',', '.'), CultureInfo.InvariantCulture);
    }

    static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The contract's row rule: |100 · ((1 + TW/100) / (1 + AV/100) − 1) − PM| ≤ 0.15.</summary>
    static bool IdentityHolds(double pm, double tw, double av) => Math.Abs(100.0 * ((1 + tw / 100) / (1 + av / 100) - 1) - pm) <= 0.15;

    // ---------- cbs_arbeidsproductiviteit ----------

    CsvTable Productivity(string vintage) => Read($"cbs/cbs_arbeidsproductiviteit_{vintage}.csv");

    [Test]
    public void TheIdentityCheckOfTheseTestsCanFail()
    {
        // 2020 totaal by hand: 100 · (0,959 / 0,981 − 1) = −2,2426 → −2,2.
        Assert.That(IdentityHolds(-2.2, -4.1, -1.9), Is.True);
        Assert.That(IdentityHolds(-2.4, -4.1, -1.9), Is.False, "0.16 pp off");
        Assert.That(IdentityHolds(-2.2 + 0.3, -4.1, -1.9), Is.False);
        Assert.That(global::Monitor.Generation.Productivity.Identity(new Tenths(-41), new Tenths(-19)), Is.EqualTo(new Tenths(-22)));
        Assert.That(new Tenths(-22).ToString(), Is.EqualTo("-2,2"));
        Assert.That(new Tenths(-3).ToString(), Is.EqualTo("-0,3"));
        Assert.That(new Tenths(0).ToString(), Is.EqualTo("0,0"));
        Assert.That(Tenths.Round(-0.04).ToString(), Is.EqualTo("0,0"), "no negative zero");
        Assert.That(Tenths.Round(0.05), Is.EqualTo(new Tenths(1)), "halves away from zero");
    }

    [Test]
    public void EveryProductivityRowSatisfiesTheIdentityAfterRounding()
    {
        var rows = 0;
        foreach (var vintage in new[] { "2024-06-14", "2025-06-13" })
        {
            var t = Productivity(vintage);
            foreach (var r in t.Rows)
            {
                var (pm, tw, av) = (Dec(r[2]), Dec(r[3]), Dec(r[4]));
                Assert.That(IdentityHolds(pm, tw, av), $"{vintage} {r[0]} {r[1]}: PM {r[2]} TW {r[3]} AV {r[4]}");
                // Computed from the rounded TW and AV, then rounded: never more than half a tenth off.
                Assert.That(Math.Abs(100.0 * ((1 + tw / 100) / (1 + av / 100) - 1) - pm), Is.LessThanOrEqualTo(0.05 + 1e-9), $"{vintage} {r[0]} {r[1]}");
                rows++;
            }
        }
        Assert.That(rows, Is.EqualTo(220 + 240));
    }

    [Test]
    public void EachReleaseCoversEveryIndustryForEveryYearWithTheLastTwoProvisional()
    {
        foreach (var (vintage, last) in new[] { ("2024-06-14", 2023), ("2025-06-13", 2024) })
        {
            var t = Productivity(vintage);
            var years = Enumerable.Range(2013, last - 2013 + 1).ToList();
            Assert.That(t.Rows.Select(r => (int.Parse(r[0]), r[1])), Is.EqualTo(years.SelectMany(y => Bedrijfstakken.Select(b => (y, b)))), vintage);
            foreach (var r in t.Rows)
            {
                var expected = int.Parse(r[0]) == last ? "voorlopig" : int.Parse(r[0]) == last - 1 ? "nader_voorlopig" : "definitief";
                Assert.That(r[5], Is.EqualTo(expected), $"{vintage} {r[0]} {r[1]}");
            }
        }
    }

    [Test]
    public void TheLaterReleaseRevisesOnlyYearsThatWereProvisional()
    {
        var earlier = Productivity("2024-06-14").Rows.ToDictionary(r => (r[0], r[1]));
        var later = Productivity("2025-06-13").Rows.ToDictionary(r => (r[0], r[1]));
        var revised = earlier.Keys.Where(k => !earlier[k][2..5].SequenceEqual(later[k][2..5])).ToList();
        Assert.That(revised, Is.Not.Empty);
        Assert.That(revised.Select(k => earlier[k][5]).Distinct(), Is.SubsetOf(new[] { "voorlopig", "nader_voorlopig" }));
        Assert.That(revised.Select(k => k.Item1).Distinct().Order(), Is.EqualTo(new[] { "2022", "2023" }));
        // Hand-checked whole-economy revisions (docs/sample-data.md), fixed for every seed:
        // 2022: 100 · (1,050 / 1,036 − 1) = 1,351 → 1,4, later 100 · (1,051 / 1,035 − 1) = 1,546 → 1,5;
        // 2023: 100 · (1,001 / 1,015 − 1) = −1,379 → −1,4, later 100 · (1,004 / 1,015 − 1) = −1,084 → −1,1.
        Assert.That(earlier[("2022", "totaal")], Is.EqualTo(new[] { "2022", "totaal", "1,4", "5,0", "3,6", "nader_voorlopig" }));
        Assert.That(later[("2022", "totaal")], Is.EqualTo(new[] { "2022", "totaal", "1,5", "5,1", "3,5", "definitief" }));
        Assert.That(earlier[("2023", "totaal")], Is.EqualTo(new[] { "2023", "totaal", "-1,4", "0,1", "1,5", "voorlopig" }));
        Assert.That(later[("2023", "totaal")], Is.EqualTo(new[] { "2023", "totaal", "-1,1", "0,4", "1,5", "nader_voorlopig" }));
        // The definitive years are identical, row for row.
        foreach (var k in earlier.Keys.Where(k => earlier[k][5] == "definitief"))
            Assert.That(later[k], Is.EqualTo(earlier[k]), $"{k}");
    }

    [Test]
    public void WholeEconomyRowsAreTheHandCheckedSeries()
    {
        var t = Productivity("2025-06-13");
        var totaal = t.Rows.Where(r => r[1] == "totaal").Select(r => r[2]).ToArray();
        Assert.That(totaal, Is.EqualTo(new[] { "0,9", "1,4", "1,0", "0,8", "0,7", "0,1", "0,4", "-2,2", "3,8", "1,5", "-1,1", "-0,1" }));
        Assert.That(t.Rows.Single(r => r[0] == "2020" && r[1] == "totaal"), Is.EqualTo(new[] { "2020", "totaal", "-2,2", "-4,1", "-1,9", "definitief" }));
        Assert.That(t.Rows.Single(r => r[0] == "2021" && r[1] == "totaal"), Is.EqualTo(new[] { "2021", "totaal", "3,8", "6,3", "2,4", "definitief" }));
        // The mean of the ten base years 2013-2022 is 8,4 / 10 = 0,84: the +1 pp line lies at 1,84, above 2023 and 2024.
        Assert.That(totaal.Take(10).Sum(Dec) / 10, Is.EqualTo(0.84).Within(1e-9));
    }

    [Test]
    public void IndustriesHaveTheExpectedShape()
    {
        foreach (var seed in new[] { SampleDataGenerator.DefaultSeed, 1, 77 })
        {
            var dir = seed == SampleDataGenerator.DefaultSeed ? sampleDir : Path.Combine(Path.GetTempPath(), "monitor-gen-" + Guid.NewGuid().ToString("N"));
            try
            {
                if (dir != sampleDir) SampleDataGenerator.Generate(dir, seed);
                var t = CsvTable.Read(Path.Combine(dir, "cbs/cbs_arbeidsproductiviteit_2025-06-13.csv"));
                double Mean(string code) => t.Rows.Where(r => r[1] == code && int.Parse(r[0]) <= 2022).Average(r => Dec(r[2]));
                Assert.That(Mean("J"), Is.GreaterThan(Mean("totaal") + 1), $"seed {seed}: ICT above the economy");
                Assert.That(Mean("F"), Is.LessThan(Mean("totaal")), $"seed {seed}: construction below the economy");
                double Pm(string year, string code) => Dec(t.Rows.Single(r => r[0] == year && r[1] == code)[2]);
                Assert.That(Pm("2020", "I"), Is.LessThan(-5), $"seed {seed}: horeca in 2020");
                Assert.That(Pm("2021", "I"), Is.GreaterThan(Pm("2020", "I")), $"seed {seed}: horeca rebounds");
                // The whole economy is delivered, not the mean of the sections.
                var sectionMean2020 = t.Rows.Where(r => r[0] == "2020" && r[1] != "totaal").Average(r => Dec(r[2]));
                Assert.That(sectionMean2020, Is.Not.EqualTo(-2.2).Within(0.05), $"seed {seed}");
            }
            finally
            {
                if (dir != sampleDir) Directory.Delete(dir, recursive: true);
            }
        }
    }

    // ---------- programma_acties ----------

    CsvTable Register(DateOnly vintage) => Read($"programma/programma_acties_{vintage:yyyy-MM-dd}.csv");

    static bool Behind(string[] r, DateOnly vintage) =>
        r[4] == "vertraagd" || (r[4] is not ("afgerond" or "gestopt") && Date(r[6]) < vintage);

    static readonly Lazy<string> Catalogue = new(() =>
        File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "sql", "seeds", "indicator_catalogue.sql"), Encoding.UTF8));

    [Test]
    public void EveryRegisterRowFollowsTheContract()
    {
        var owners = new[] { "EZK", "OCW", "SZW", "KGG", "werkgevers", "onderwijs", "regio's" };
        foreach (var vintage in new[] { V1, V2, V3 })
        {
            var t = Register(vintage);
            Assert.That(t.Rows.Select(r => r[0]), Is.Unique, $"{vintage}");
            foreach (var r in t.Rows)
            {
                var at = $"{vintage} {r[0]}";
                Assert.That(r, Has.Length.EqualTo(9), at);
                Assert.That(r[0], Does.Match(@"^A\d+$"), at);
                Assert.That(int.Parse(r[1]), Is.InRange(1, 4), at);
                Assert.That(r[2], Is.Not.Empty, at);
                Assert.That(owners, Does.Contain(r[3]), at);
                Assert.That(ActieStatussen, Does.Contain(r[4]), at);
                var start = Date(r[5]);
                Assert.That(Date(r[6]), Is.GreaterThanOrEqualTo(start), at);
                Assert.That(r[7] != "", Is.EqualTo(r[4] == "afgerond"), $"{at}: Gereed iff afgerond");
                if (r[7] != "") Assert.That(Date(r[7]), Is.GreaterThanOrEqualTo(start), at);
                foreach (var link in r[8] == "" ? Array.Empty<string>() : r[8].Split(','))
                {
                    var m = Regex.Match(link, "^(?<code>[a-z_]+)(:(?<domain>techniek|ict|totaal))?$");
                    Assert.That(m.Success, $"{at}: link '{link}'");
                    var code = m.Groups["code"].Value;
                    Assert.That(Catalogue.Value.Contains($"('{code}',") || AgreedNewCodes.Contains(code), $"{at}: '{code}' is neither in the catalogue nor agreed");
                }
            }
            Assert.That(t.Rows.Select(r => r[1]).Distinct().Order(), Is.EqualTo(new[] { "1", "2", "3", "4" }), $"{vintage}: every pillar");
        }
    }

    [Test]
    public void MeasuresWithASemicolonAreQuotedInTheFile()
    {
        var lines = File.ReadAllLines(Path.Combine(sampleDir, "programma/programma_acties_2025-12-31.csv"));
        Assert.That(lines.Single(l => l.StartsWith("A04;")),
            Is.EqualTo("A04;1;\"Subsidieregeling Praktijkleren; Regionaal Investeringsfonds mbo voor techniekopleidingen\";OCW;afgerond;2023-01-01;2024-12-31;2024-12-20;onderwijs_ingeschreven"));
        Assert.That(lines.Count(l => l.Contains('"')), Is.EqualTo(2), "A04 and A19");
        Assert.That(Register(V3).Rows.Count(r => r[2].Contains(';')), Is.EqualTo(2));
    }

    [Test]
    public void BehindScheduleOnEachVintageDateIsTheHandWorkedSet()
    {
        Assert.That(Register(V1).Rows.Where(r => Behind(r, V1)).Select(r => r[0]), Is.EqualTo(new[] { "A20" }));
        Assert.That(Register(V2).Rows.Where(r => Behind(r, V2)).Select(r => r[0]), Is.EqualTo(new[] { "A02", "A08", "A17", "A20" }));
        Assert.That(Register(V3).Rows.Where(r => Behind(r, V3)).Select(r => r[0]), Is.EqualTo(new[] { "A02", "A08", "A20" }));

        // Behind by its date although marked in_uitvoering: A20 (planned 2025-03-01) throughout, A08 (planned 2025-06-30) on 2025-09-30.
        string[] Row(DateOnly v, string id) => Register(v).Rows.Single(r => r[0] == id);
        Assert.That(Row(V1, "A20")[4..7], Is.EqualTo(new[] { "in_uitvoering", "2024-01-01", "2025-03-01" }));
        Assert.That(Row(V2, "A08")[4..7], Is.EqualTo(new[] { "in_uitvoering", "2023-06-01", "2025-06-30" }));
        // Planned for the vintage date itself is not before it: A17 on 2025-03-31, A12 on 2025-12-31 are on schedule.
        Assert.That(Row(V1, "A17")[6], Is.EqualTo("2025-03-31"));
        Assert.That(Row(V3, "A12")[4..7], Is.EqualTo(new[] { "in_uitvoering", "2023-10-01", "2025-12-31" }));
    }

    [Test]
    public void OneActionIsStoppedAndOneIsDroppedFromTheLatestRegister()
    {
        foreach (var vintage in new[] { V1, V2, V3 })
            Assert.That(Register(vintage).Rows.Where(r => r[4] == "gestopt").Select(r => r[0]), Is.EqualTo(new[] { "A07" }), $"{vintage}");
        var ids = new[] { V1, V2, V3 }.Select(v => Register(v).Rows.Select(r => r[0]).ToList()).ToArray();
        Assert.That(ids[0], Is.EqualTo(Enumerable.Range(1, 20).Select(i => $"A{i:00}")));
        Assert.That(ids[1], Is.EqualTo(ids[0]));
        Assert.That(ids[0].Except(ids[2]), Is.EqualTo(new[] { "A03" }));
        Assert.That(ids[2].Except(ids[0]), Is.Empty);
    }

    [Test]
    public void StatusesMoveBetweenVintages()
    {
        List<(string, string, string)> Moves(DateOnly from, DateOnly to)
        {
            var before = Register(from).Rows.ToDictionary(r => r[0], r => r[4]);
            return Register(to).Rows.Where(r => before.ContainsKey(r[0]) && before[r[0]] != r[4]).Select(r => (r[0], before[r[0]], r[4])).ToList();
        }
        Assert.That(Moves(V1, V2), Is.EqualTo(new[]
        {
            ("A02", "in_uitvoering", "vertraagd"), ("A10", "in_uitvoering", "afgerond"), ("A15", "in_uitvoering", "afgerond"), ("A17", "in_uitvoering", "vertraagd"),
        }));
        Assert.That(Moves(V2, V3), Is.EqualTo(new[]
        {
            ("A05", "gepland", "in_uitvoering"), ("A08", "in_uitvoering", "vertraagd"), ("A11", "in_uitvoering", "afgerond"), ("A17", "vertraagd", "afgerond"),
        }));
    }

    [Test]
    public void TheLatestRegisterCountsByHand()
    {
        // 2025-12-31: 19 actions; afgerond A04 A10 A11 A14 A15 A17; behind A02 A08 A20; stopped A07;
        // on schedule 19 − 3 − 1 = 15 of the 18 not stopped (83,3 %).
        var rows = Register(V3).Rows;
        Assert.That(rows, Has.Count.EqualTo(19));
        Assert.That(rows.Where(r => r[4] == "afgerond").Select(r => r[0]), Is.EqualTo(new[] { "A04", "A10", "A11", "A14", "A15", "A17" }));
        var notStopped = rows.Where(r => r[4] != "gestopt").ToList();
        Assert.That(notStopped, Has.Count.EqualTo(18));
        Assert.That(notStopped.Count(r => !Behind(r, V3)), Is.EqualTo(15));
        Assert.That(rows.GroupBy(r => r[1]).OrderBy(g => g.Key).Select(g => g.Count()), Is.EqualTo(new[] { 4, 6, 6, 3 }), "per pillar, A03 dropped");
    }

    [Test]
    public void TheRegisterDoesNotDependOnTheSeed()
    {
        var other = Path.Combine(Path.GetTempPath(), "monitor-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            SampleDataGenerator.Generate(other, seed: 5);
            foreach (var f in generated.Where(f => f.Dataset == "acties"))
                Assert.That(File.ReadAllBytes(Path.Combine(other, f.RelativePath)), Is.EqualTo(File.ReadAllBytes(Path.Combine(sampleDir, f.RelativePath))), f.RelativePath);
        }
        finally { Directory.Delete(other, recursive: true); }
    }

    // ---------- programma_overleggen ----------

    CsvTable Meetings(DateOnly vintage) => Read($"programma/programma_overleggen_{vintage:yyyy-MM-dd}.csv");

    [Test]
    public void EveryMeetingRowFollowsTheContract()
    {
        foreach (var vintage in new[] { V1, V2, V3 })
        {
            var t = Meetings(vintage);
            Assert.That(t.Rows.Select(r => (r[0], r[1])), Is.Unique, $"{vintage}: key Datum, Overleg");
            foreach (var r in t.Rows)
            {
                var at = $"{vintage} {r[0]} {r[1]}";
                Assert.That(Date(r[0]), Is.LessThanOrEqualTo(vintage), at);
                Assert.That(Overleggen, Does.Contain(r[1]), at);
                Assert.That(r[2], Does.Match("^[0-9]+$"), at);
                Assert.That(r[3], Does.Match("^[0-9]+$"), at);
                Assert.That(int.Parse(r[2]), Is.GreaterThanOrEqualTo(1), at);
                Assert.That(int.Parse(r[3]), Is.LessThanOrEqualTo(int.Parse(r[2])), at);
            }
            Assert.That(t.Rows.Select(r => Date(r[0]).Year).Min(), Is.EqualTo(2023), $"{vintage}");
        }
    }

    [Test]
    public void KoersoverlegMeetsThreeTimesAYearExceptIn2024()
    {
        var t = Meetings(V3);
        int Count(string overleg, int year) => t.Rows.Count(r => r[1] == overleg && Date(r[0]).Year == year);
        Assert.That(new[] { 2023, 2024, 2025 }.Select(y => Count("koersoverleg", y)), Is.EqualTo(new[] { 3, 2, 3 }));
        Assert.That(new[] { 2023, 2024, 2025 }.Select(y => Count("regionaal", y)), Is.EqualTo(new[] { 2, 2, 2 }));
        Assert.That(t.Rows.Where(r => r[1] == "regionaal").Select(r => Date(r[0]).Month).Distinct().Order(), Is.EqualTo(new[] { 5, 12 }));
        foreach (var k in t.Rows.Where(r => r[1] == "koersoverleg").Select(r => Date(r[0])))
        {
            foreach (var kerngroep in new[] { "kerngroep_pijler1", "kerngroep_pijler2", "kerngroep_pijler3" })
                Assert.That(t.Rows.Count(r => r[1] == kerngroep && Date(r[0]) < k && Date(r[0]) >= k.AddDays(-21)), Is.EqualTo(1), $"{kerngroep} before {k}");
            Assert.That(t.Rows.Count(r => r[1] == "dg_overleg" && Date(r[0]) > k && Date(r[0]) <= k.AddDays(14)), Is.EqualTo(1), $"dg_overleg after {k}");
        }
        Assert.That(t.Rows, Has.Count.EqualTo(8 * 5 + 6));
        // On 2025-03-31 the koersoverleg of 25 March is in, its DG-overleg of 3 April not yet.
        Assert.That(Meetings(V1).Rows.Select(r => r[0]).Max(), Is.EqualTo("2025-03-25"));
        Assert.That(Meetings(V1).Rows, Has.Count.EqualTo(33));
    }

    [Test]
    public void LaterVintagesAddMeetingsAndCorrectOneRow()
    {
        var v1 = Meetings(V1).Rows.ToDictionary(r => (r[0], r[1]), r => (r[2], r[3]));
        var v2 = Meetings(V2).Rows.ToDictionary(r => (r[0], r[1]), r => (r[2], r[3]));
        var v3 = Meetings(V3).Rows.ToDictionary(r => (r[0], r[1]), r => (r[2], r[3]));
        Assert.That(v1.Keys, Is.SubsetOf(v2.Keys));
        Assert.That(v2.Keys, Is.SubsetOf(v3.Keys));
        Assert.That(v2.Keys.Except(v1.Keys).All(k => Date(k.Item1) > V1), Is.True);
        // The documented correction (default seed): koersoverleg 2025-03-25, 16 invited, present 12 -> 14.
        Assert.That(v1.Keys.Where(k => v1[k] != v2[k]).Select(k => (k, v1[k], v2[k])),
            Is.EqualTo(new[] { (("2025-03-25", "koersoverleg"), ("16", "12"), ("16", "14")) }));
        Assert.That(v2.Keys.Where(k => v2[k] != v3[k]), Is.Empty);
    }

    [Test]
    public void AttendanceOfTheKoersoverleggenOf2023ByHand()
    {
        // Default seed: 15/18 + 13/17 + 17/17 -> 45 present of 52 invited = 86,5 % (summed, not a mean of ratios).
        var rows = Meetings(V3).Rows.Where(r => r[1] == "koersoverleg" && r[0].StartsWith("2023")).ToList();
        Assert.That(rows.Select(r => (r[0], r[2], r[3])), Is.EqualTo(new[] { ("2023-03-28", "18", "15"), ("2023-06-27", "17", "13"), ("2023-11-14", "17", "17") }));
        Assert.That(rows.Sum(r => int.Parse(r[3])), Is.EqualTo(45));
        Assert.That(rows.Sum(r => int.Parse(r[2])), Is.EqualTo(52));
    }

    // ---------- reference tables and the writer ----------

    [Test]
    public void EveryEmbeddedReferenceTableIsCopiedUnchanged()
    {
        var names = SampleDataGenerator.EmbeddedReferenceTables();
        Assert.That(names, Is.SupersetOf(new[] { "arbeidsmarktregios", "beroepen", "provincies", "techniekpactregios" }));
        foreach (var name in names)
            Assert.That(File.ReadAllBytes(Path.Combine(sampleDir, "reference", name + ".csv")),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(Fixtures.RepoRoot, "sample-data", "reference", name + ".csv"))), name);
        Assert.That(Directory.GetFiles(Path.Combine(sampleDir, "reference")).Select(Path.GetFileNameWithoutExtension), Is.EquivalentTo(names));
    }

    [Test]
    public void TheWriterQuotesASemicolonAndRefusesAQuoteOrALineBreak()
    {
        var path = Path.Combine(sampleDir, "writer-test.csv");
        using (var w = new SampleCsvWriter(path, ["A", "B"], FileFormat.Default))
            w.Row("x;y", null);
        Assert.That(File.ReadAllText(path), Is.EqualTo("A;B\n\"x;y\";\n"));
        using (var w = new SampleCsvWriter(path, ["A"], FileFormat.Default))
        {
            Assert.Throws<InvalidOperationException>(() => w.Row("say \"hi\""));
            Assert.Throws<InvalidOperationException>(() => w.Row("two\nlines"));
        }
        File.Delete(path);
    }
}
