using System.Globalization;
using System.Text.RegularExpressions;
using Monitor.Generation;
using Monitor.Sources;
using NUnit.Framework;

namespace Monitor.Tests.Generation;

public class SampleDataGeneratorTests
{
    string sampleDir = null!;
    IReadOnlyList<GeneratedFile> generated = null!;

    [OneTimeSetUp]
    public void GenerateOnce()
    {
        sampleDir = Path.Combine(Path.GetTempPath(), "monitor-gen-" + Guid.NewGuid().ToString("N"));
        generated = SampleDataGenerator.Generate(sampleDir);
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(sampleDir, recursive: true);

    CsvTable Table(string folder, string fileName) => CsvTable.Read(Path.Combine(sampleDir, folder, fileName));

    IEnumerable<CsvTable> Tables(string source, string dataset) => generated
        .Where(f => f.Source == source && f.Dataset == dataset)
        .Select(f => CsvTable.Read(Path.Combine(sampleDir, f.RelativePath)));

    // ---------- files, names, formats ----------

    [Test]
    public void WritesTheExpectedFilesAndVintages()
    {
        var expected = new[]
        {
            "techniekpact/tpm_onderwijs_2025-11-14.csv", "techniekpact/tpm_werkzaam_2024-05-15.csv", "techniekpact/tpm_werkzaam_2025-05-15.csv",
            "techniekpact/tpm_stromen_2025-05-15.csv", "techniekpact/tpm_docenten_2025-03-14.csv",
            "predict/predict_onderwijs_2025-10-15.csv", "predict/predict_werkzaam_2025-06-13.csv", "predict/predict_stromen_2025-06-13.csv",
            "uwv/uwv_vacatures_2020-02-14.csv", "uwv/uwv_vacatures_2021-02-12.csv", "uwv/uwv_vacatures_2022-02-15.csv",
            "uwv/uwv_vacatures_2023-02-15.csv", "uwv/uwv_vacatures_2024-02-15.csv", "uwv/uwv_vacatures_2025-02-14.csv",
            "roa/roa_prognoses_2021-12-01.csv", "roa/roa_prognoses_2023-12-01.csv",
            "cbs/cbs_arbeidsproductiviteit_2024-06-14.csv", "cbs/cbs_arbeidsproductiviteit_2025-06-13.csv",
            "programma/programma_acties_2025-03-31.csv", "programma/programma_acties_2025-09-30.csv", "programma/programma_acties_2025-12-31.csv",
            "programma/programma_overleggen_2025-03-31.csv", "programma/programma_overleggen_2025-09-30.csv", "programma/programma_overleggen_2025-12-31.csv",
        };
        Assert.That(generated.Select(f => f.RelativePath), Is.EquivalentTo(expected));
        foreach (var folder in new[] { "techniekpact", "predict", "uwv", "roa", "cbs", "programma" })
            Assert.That(Directory.GetFiles(Path.Combine(sampleDir, folder)).Select(p => $"{folder}/{Path.GetFileName(p)}"),
                Is.EquivalentTo(expected.Where(e => e.StartsWith(folder + "/"))));
    }

    [Test]
    public void EveryRequiredContractHasAFileAndNamesFollowTheConvention()
    {
        var pattern = new Regex(@"^(tpm|predict|uwv|roa|cbs|programma)_([a-z_]+)_(\d{4}-\d{2}-\d{2})\.csv$");
        foreach (var f in generated)
        {
            var m = pattern.Match(f.FileName);
            Assert.That(m.Success, f.FileName);
            var contract = Contracts.Find(m.Groups[1].Value, m.Groups[2].Value);
            if (contract is null)
            {
                // A pillar 3/4 dataset whose contract is not declared in Contracts.cs (yet): the generator declares its columns.
                Assert.That(SampleDataGenerator.PillarHeaders.ContainsKey($"{f.Source}_{f.Dataset}"), f.FileName);
                Assert.That(f.Folder, Is.EqualTo(f.Source), f.FileName);
            }
            else Assert.That(f.Folder, Is.EqualTo(contract.Folder));
            var vintage = DateOnly.ParseExact(m.Groups[3].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.That(vintage, Is.LessThan(new DateOnly(2026, 6, 1)), f.FileName);
        }
        foreach (var contract in Contracts.All.Where(c => !c.Optional))
            Assert.That(generated.Any(f => f.Source == contract.Source && f.Dataset == contract.Dataset), contract.Name);
        Assert.That(generated.Any(f => f.Dataset == "vacatures_detail"), Is.False);
    }

    [Test]
    public void HeadersAreTheContractColumns()
    {
        foreach (var f in generated)
        {
            // Where Contracts.cs declares a pillar 3/4 dataset its columns rule; the generator refuses to write otherwise.
            var header = Contracts.Find(f.Source, f.Dataset)?.Columns.Select(c => c.Header).ToArray()
                         ?? SampleDataGenerator.PillarHeaders[$"{f.Source}_{f.Dataset}"];
            Assert.That(Table(f.Folder, f.FileName).Header, Is.EqualTo(header), f.FileName);
        }
        Assert.That(SampleDataGenerator.PillarHeaders["cbs_arbeidsproductiviteit"],
            Is.EqualTo(new[] { "Jaar", "Bedrijfstak", "Productiviteit_mutatie", "Toegevoegde_waarde_mutatie", "Arbeidsvolume_mutatie", "Status" }));
        Assert.That(SampleDataGenerator.PillarHeaders["programma_acties"],
            Is.EqualTo(new[] { "Actie_id", "Pijler", "Maatregel", "Eigenaar", "Status", "Start", "Gepland_gereed", "Gereed", "Indicator" }));
        Assert.That(SampleDataGenerator.PillarHeaders["programma_overleggen"], Is.EqualTo(new[] { "Datum", "Overleg", "Genodigd", "Aanwezig" }));
    }

    [Test]
    public void ExactlyOneFileHasCrlfAndOneHasABom()
    {
        foreach (var f in generated)
        {
            var bytes = File.ReadAllBytes(Path.Combine(sampleDir, f.RelativePath));
            var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            var lf = bytes.Count(b => b == (byte)'\n');
            var cr = bytes.Count(b => b == (byte)'\r');
            var isRoa2021 = f.FileName == "roa_prognoses_2021-12-01.csv";
            var isDocenten = f.FileName == "tpm_docenten_2025-03-14.csv";
            Assert.That(bom, Is.EqualTo(isDocenten), f.FileName);
            Assert.That(cr, Is.EqualTo(isRoa2021 ? lf : 0), f.FileName);
            Assert.That(lf, Is.EqualTo(f.Rows + 1), f.FileName);   // header + rows, each ended by a line break
            Assert.That(bytes[^1], Is.EqualTo((byte)'\n'), f.FileName);
            Assert.That(f.Format.Bom, Is.EqualTo(isDocenten));
            Assert.That(f.Format.Crlf, Is.EqualTo(isRoa2021));
        }
    }

    [Test]
    public void CountsAreNonNegativeIntegersAndOnlyUwvWwCellsAreSuppressed()
    {
        foreach (var f in generated)
        {
            // The pillar 3/4 counts are checked in PillarSampleDataTests, with or without a declared contract.
            if (Contracts.Find(f.Source, f.Dataset) is not { } contract) continue;
            var table = Table(f.Folder, f.FileName);
            foreach (var column in contract.Columns.Where(c => c.Type == CellType.Count))
            {
                var i = table.Col(column.Header);
                foreach (var row in table.Rows)
                {
                    if (row[i] == "x" && column.Header == "WW_korter_dan_half_jaar") continue;
                    Assert.That(Regex.IsMatch(row[i], "^[0-9]+$"), $"{f.FileName} {column.Header} '{row[i]}'");
                }
            }
        }
    }

    [Test]
    public void GeneratingTwiceGivesIdenticalBytes()
    {
        var again = Path.Combine(Path.GetTempPath(), "monitor-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = SampleDataGenerator.Generate(again);
            Assert.That(files.Select(f => f.RelativePath), Is.EqualTo(generated.Select(f => f.RelativePath)));
            foreach (var f in files)
                Assert.That(File.ReadAllBytes(Path.Combine(again, f.RelativePath)), Is.EqualTo(File.ReadAllBytes(Path.Combine(sampleDir, f.RelativePath))), f.RelativePath);
        }
        finally { Directory.Delete(again, recursive: true); }
    }

    [Test]
    public void AnotherSeedGivesOtherFiguresButTheSameAnchors()
    {
        var other = Path.Combine(Path.GetTempPath(), "monitor-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = SampleDataGenerator.Generate(other, seed: 1);
            var differing = files.Where(f => !File.ReadAllBytes(Path.Combine(other, f.RelativePath)).SequenceEqual(File.ReadAllBytes(Path.Combine(sampleDir, f.RelativePath))))
                .Select(f => f.RelativePath);
            // The action register is a fixed table (docs/sample-data.md): the seed does not touch it.
            Assert.That(differing, Is.EquivalentTo(files.Where(f => f.Dataset != "acties").Select(f => f.RelativePath)), "every other file should change with the seed");

            var uwv = CsvTable.Read(Path.Combine(other, "uwv/uwv_vacatures_2023-02-15.csv"));
            Assert.That(uwv.Sum("Openstaande_vacatures", r => r[0] == "2022KW4"), Is.EqualTo(418_900));
            Assert.That(uwv.Sum("Openstaande_vacatures", r => r[0] == "2022KW2" && r[2] == "07"), Is.EqualTo(86_250));
            var ict = CsvTable.Read(Path.Combine(other, "predict/predict_werkzaam_2025-06-13.csv"));
            Assert.That(ict.Sum("Werkzaam", r => r[0] == "2022"), Is.EqualTo(673_000));
        }
        finally { Directory.Delete(other, recursive: true); }
    }

    // ---------- anchors ----------

    [Test]
    public void IctWorkforceMatchesThePublishedStock()
    {
        var t = Tables("predict", "werkzaam").Single();
        long Year(int y) => t.Sum("Werkzaam", r => r[0] == y.ToString(CultureInfo.InvariantCulture));
        Assert.That(Year(2021), Is.EqualTo(603_000));
        Assert.That(Year(2022), Is.EqualTo(673_000));
        Assert.That(Year(2023), Is.EqualTo(670_000));
        Assert.That(Year(2022) - Year(2021), Is.EqualTo(70_000));
        Assert.That(Year(2024), Is.GreaterThan(670_000));
        Assert.That(t.Rows.Select(r => r[0]).Distinct(), Is.EqualTo(Enumerable.Range(2013, 12).Select(y => y.ToString(CultureInfo.InvariantCulture))));
    }

    [Test]
    public void IctFlowsOf2022MatchThePublishedShares()
    {
        var t = Tables("predict", "stromen").Single();
        long Flow(string stroom, string categorie) => t.Sum("Aantal", r => r[0] == "2022" && r[1] == stroom && (categorie == "*" || r[2] == categorie));
        Assert.That(Flow("instroom", "*"), Is.EqualTo(110_000));
        Assert.That(Flow("instroom", "zij_instroom"), Is.EqualTo(39_600));
        Assert.That(Flow("instroom", "onderwijs"), Is.EqualTo(24_200));
        Assert.That(Flow("instroom", "buitenland"), Is.EqualTo(24_200));
        Assert.That(Flow("instroom", "uitkering"), Is.EqualTo(22_000));
        Assert.That(Flow("instroom", "overig"), Is.EqualTo(0));
        Assert.That(Flow("uitstroom", "*"), Is.EqualTo(45_000));
        Assert.That(Flow("uitstroom", "ander_werk"), Is.EqualTo(18_000));
    }

    [Test]
    public void FlowCategoriesBelongToTheirStroom()
    {
        foreach (var t in Tables("predict", "stromen").Concat(Tables("tpm", "stromen")))
            foreach (var r in t.Rows)
                Assert.That(r[1] == "instroom"
                    ? new[] { "onderwijs", "zij_instroom", "buitenland", "uitkering", "overig" }
                    : new[] { "ander_werk", "pensioen", "uitkering", "buitenland", "overig" }, Does.Contain(r[2]));
    }

    [Test]
    public void TechnicalWorkforceIs1850000In2022InTheLatestVintage()
    {
        var latest = Table("techniekpact", "tpm_werkzaam_2025-05-15.csv");
        Assert.That(latest.Sum("Werkzaam", r => r[0] == "2022"), Is.EqualTo(1_850_000));
        Assert.That(latest.Rows.Select(r => r[0]).Distinct().Count(), Is.EqualTo(12));
        var earlier = Table("techniekpact", "tpm_werkzaam_2024-05-15.csv");
        Assert.That(earlier.Rows.Select(r => r[0]).Distinct(), Is.EqualTo(Enumerable.Range(2013, 11).Select(y => y.ToString(CultureInfo.InvariantCulture))));
    }

    [Test]
    public void UwvNationalTotalsMatchTheAnchors()
    {
        var all = Tables("uwv", "vacatures").ToList();
        long Sum(string column, Func<string[], bool> where) => all.Sum(t => t.Rows.Where(where).Sum(r => long.Parse(r[t.Col(column)])));
        Assert.That(Sum("Openstaande_vacatures", r => r[0] == "2022KW4"), Is.EqualTo(418_900));
        Assert.That(Sum("WW_korter_dan_half_jaar", r => r[0] == "2022KW4"), Is.EqualTo(88_200));
        Assert.That(Sum("Openstaande_vacatures", r => r[0] == "2023KW1"), Is.EqualTo(432_900));
        Assert.That(Sum("WW_korter_dan_half_jaar", r => r[0] == "2023KW1"), Is.EqualTo(100_300));
        Assert.That(Sum("Openstaande_vacatures", r => r[0] == "2022KW2" && r[2] == "07"), Is.EqualTo(86_250));
        Assert.That(Sum("Openstaande_vacatures", r => r[0] == "2022KW2" && r[2] == "08"), Is.EqualTo(35_950));
    }

    [Test]
    public void UwvCoversEveryQuarterRegionAndClassOnce()
    {
        var all = Tables("uwv", "vacatures").SelectMany(t => t.Rows).ToList();
        Assert.That(all, Has.Count.EqualTo(24 * 35 * 13));
        Assert.That(all.Select(r => (r[0], r[1], r[2])).Distinct().Count(), Is.EqualTo(10_920));
        Assert.That(all.Select(r => r[0]).Distinct().Count(), Is.EqualTo(24));
        var reference = CsvTable.Read(Path.Combine(sampleDir, "reference", "arbeidsmarktregios.csv")).Rows.Select(r => r[0]);
        Assert.That(all.Select(r => r[1]).Distinct(), Is.EquivalentTo(reference));
        Assert.That(all.Select(r => r[2]).Distinct(), Is.EquivalentTo(Enumerable.Range(1, 13).Select(i => i.ToString("00", CultureInfo.InvariantCulture))));
        // one file per calendar year of quarters
        foreach (var f in generated.Where(f => f.Source == "uwv"))
        {
            var years = Table(f.Folder, f.FileName).Rows.Select(r => r[0][..4]).Distinct().ToList();
            Assert.That(years, Has.Count.EqualTo(1));
            Assert.That(int.Parse(years[0]) + 1, Is.EqualTo(f.Vintage.Date.Year));
        }
    }

    [Test]
    public void AFewSmallRegionWwCellsAreSuppressedIn2019And2020Only()
    {
        var all = Tables("uwv", "vacatures").SelectMany(t => t.Rows).ToList();
        var suppressed = all.Where(r => r[4] == "x").ToList();
        Assert.That(suppressed, Has.Count.InRange(3, 6));
        Assert.That(suppressed.All(r => r[0].StartsWith("2019") || r[0].StartsWith("2020")));
        var small = new[] { "AM10", "AM33", "AM34", "AM35" };
        Assert.That(suppressed.All(r => small.Contains(r[1])));
        Assert.That(all.Count(r => r[3] == "x"), Is.EqualTo(0));
    }

    [Test]
    public void TechniekAndIctAreMostlyKrapOrZeerKrap()
    {
        var all = Tables("uwv", "vacatures").SelectMany(t => t.Rows).Where(r => r[4] != "x").ToList();
        foreach (var klasse in new[] { "07", "08" })
        {
            var cells = all.Where(r => r[2] == klasse).ToList();
            var tight = cells.Count(r => long.Parse(r[3]) >= 1.5 * long.Parse(r[4]));
            Assert.That(tight, Is.GreaterThan(cells.Count * 0.9), klasse);
        }
    }

    [Test]
    public void LargeRegionsHaveMoreVacanciesThanSmallOnes()
    {
        var all = Tables("uwv", "vacatures").SelectMany(t => t.Rows).ToList();
        long Region(string code) => all.Where(r => r[1] == code).Sum(r => long.Parse(r[3]));
        foreach (var large in new[] { "AM18", "AM22", "AM21", "AM13" })
            foreach (var small in new[] { "AM24", "AM03" })
                Assert.That(Region(large), Is.GreaterThan(2 * Region(small)), $"{large} vs {small}");
    }

    [Test]
    public void RoaForecastsMatchTheAnchorsAndTheIdentity()
    {
        var early = Table("roa", "roa_prognoses_2021-12-01.csv");
        var late = Table("roa", "roa_prognoses_2023-12-01.csv");
        Assert.That(early.Sum("Baanopeningen", r => r[1] == "07"), Is.EqualTo(210_900));
        Assert.That(early.Sum("Baanopeningen", r => r[1] == "08"), Is.EqualTo(58_300));
        Assert.That(early.Rows.All(r => r[0] == "2021-2026"));
        Assert.That(late.Rows.All(r => r[0] == "2023-2028"));
        foreach (var t in new[] { early, late })
        {
            Assert.That(t.Rows.Select(r => r[1]), Is.EqualTo(Enumerable.Range(1, 13).Select(i => i.ToString("00", CultureInfo.InvariantCulture))));
            Assert.That(t.Rows.Count(r => long.Parse(r[t.Col("Uitbreidingsvraag")]) < 0), Is.GreaterThanOrEqualTo(2));
            foreach (var r in t.Rows)
            {
                var uitbreiding = long.Parse(r[t.Col("Uitbreidingsvraag")]);
                var vervanging = long.Parse(r[t.Col("Vervangingsvraag")]);
                Assert.That(long.Parse(r[t.Col("Baanopeningen")]), Is.EqualTo(Math.Max(uitbreiding, 0) + vervanging));
                var itkpText = r[t.Col("ITKP")];
                Assert.That(itkpText, Does.Match(@"^\d+,\d\d$"));
                var itkp = double.Parse(itkpText.Replace(',', '.'), CultureInfo.InvariantCulture);
                var expected = itkp < 0.85 ? "geen" : itkp < 1.10 ? "enige" : itkp < 1.40 ? "groot" : "zeer groot";
                Assert.That(r[t.Col("Typering")], Is.EqualTo(expected), itkpText);
            }
        }
    }

    [Test]
    public void HybridTeachersRiseButStayBelowTheTarget()
    {
        var t = Tables("tpm", "docenten").Single();
        var total2024 = t.Sum("Hybride_docenten", r => r[0] == "2024");
        Assert.That(total2024, Is.InRange(700, 850));
        Assert.That(total2024, Is.GreaterThan(t.Sum("Hybride_docenten", r => r[0] == "2023")));
        Assert.That(t.Rows, Has.Count.EqualTo(12 * 3));
    }

    // ---------- regions ----------

    [Test]
    public void TechniekpactEducationHasAnNlRowEqualToTheSumOfTheRegions()
    {
        var t = Tables("tpm", "onderwijs").Single();
        var groups = t.Rows.GroupBy(r => string.Join(';', r[0], r[1], r[2], r[3], r[5]));
        var count = 0;
        foreach (var g in groups)
        {
            var regions = g.Where(r => r[4] != "NL").ToList();
            Assert.That(regions.Select(r => r[4]), Is.EquivalentTo(new[] { "TP1", "TP2", "TP3", "TP4", "TP5" }), g.Key);
            Assert.That(long.Parse(g.Single(r => r[4] == "NL")[6]), Is.EqualTo(regions.Sum(r => long.Parse(r[6]))), g.Key);
            count++;
        }
        Assert.That(count, Is.EqualTo(12 * 6 * 3 * 2 * 2));
        Assert.That(t.Rows.Select(r => r[0]).Distinct().First(), Is.EqualTo("2013/2014"));
        Assert.That(t.Rows.Select(r => r[0]).Distinct().Last(), Is.EqualTo("2024/2025"));
    }

    [Test]
    public void ProvinceDatasetsDeliverTwelveProvincesAndNoNlRows()
    {
        var provinces = Enumerable.Range(20, 12).Select(i => $"PV{i}").ToArray();
        foreach (var (source, dataset) in new[] { ("tpm", "werkzaam"), ("tpm", "stromen"), ("predict", "werkzaam"), ("predict", "stromen"), ("predict", "onderwijs") })
            foreach (var t in Tables(source, dataset))
                Assert.That(t.Rows.Select(r => r[t.Col("Regio")]).Distinct(), Is.EquivalentTo(provinces), $"{source}_{dataset}");
    }

    [Test]
    public void WomenAreAMinorityInTechnicalAndIctEducation()
    {
        var tpm = Tables("tpm", "onderwijs").Single();
        foreach (var soort in new[] { "vmbo", "mbo", "hbo", "wo" })
        {
            long Count(string g) => tpm.Sum("Aantal", r => r[1] == soort && r[3] == "betatechniek" && r[4] == "NL" && r[5] == g);
            Assert.That(Count("vrouw"), Is.LessThan(Count("man")), soort);
        }
        var predict = Tables("predict", "onderwijs").Single();
        long Ict(string g) => predict.Sum("Aantal", r => r[3] == "ict" && r[5] == g);
        Assert.That(Ict("vrouw"), Is.LessThan(Ict("man") / 3));
    }

    // ---------- the revision ----------

    [Test]
    public void TheDocumentedRevisionIsExactlyWhatDiffersBetweenTheWerkzaamVintages()
    {
        // The values of docs/sample-data.md (default seed): old -> new.
        var documented = new[]
        {
            (Regio: "PV27", Geslacht: "man", Old: 233_208L, New: 233_638L),
            (Regio: "PV28", Geslacht: "vrouw", Old: 54_607L, New: 54_347L),
            (Regio: "PV30", Geslacht: "man", Old: 269_139L, New: 269_754L),
        };
        var revisions = SampleDataGenerator.Revisions();
        Assert.That(revisions.Select(r => (r.Regio, r.Geslacht, r.OldValue, r.NewValue)),
            Is.EqualTo(documented.Select(d => (d.Regio, d.Geslacht, d.Old, d.New))));
        Assert.That(revisions.All(r => r.Jaar == 2023 && r.Dataset == "tpm_werkzaam"));

        var earlier = Table("techniekpact", "tpm_werkzaam_2024-05-15.csv").Rows.ToDictionary(r => (r[0], r[1], r[2]), r => long.Parse(r[3]));
        var later = Table("techniekpact", "tpm_werkzaam_2025-05-15.csv").Rows.ToDictionary(r => (r[0], r[1], r[2]), r => long.Parse(r[3]));
        var changed = earlier.Where(kv => later[kv.Key] != kv.Value).Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value, later[kv.Key])).ToList();
        Assert.That(changed, Is.EquivalentTo(documented.Select(d => ("2023", d.Regio, d.Geslacht, d.Old, d.New))));
        Assert.That(earlier.Keys.Where(k => k.Item1 == "2023").Sum(k => earlier[k]), Is.EqualTo(1_872_000 - 785));
        Assert.That(later.Keys.Where(k => k.Item1 == "2023").Sum(k => later[k]), Is.EqualTo(1_872_000));
    }
}

public class BundledSampleDataTests
{
    [Test]
    public void TheCommittedSampleDataIsWhatTheGeneratorWrites()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Monitor.sln"))) root = root.Parent;
        if (root is null) Assert.Ignore("repository root (Monitor.sln) not found above the test directory");
        var bundled = Path.Combine(root!.FullName, "sample-data");
        var fresh = Path.Combine(Path.GetTempPath(), "monitor-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var f in SampleDataGenerator.Generate(fresh))
                Assert.That(File.ReadAllBytes(Path.Combine(bundled, f.RelativePath)), Is.EqualTo(File.ReadAllBytes(Path.Combine(fresh, f.RelativePath))),
                    $"sample-data/{f.RelativePath} differs from the generator's output: regenerate with 'monitor generate sample-data --out sample-data'");
        }
        finally { Directory.Delete(fresh, recursive: true); }
    }
}
