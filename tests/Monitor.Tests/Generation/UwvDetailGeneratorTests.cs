using System.Globalization;
using Monitor.Generation;
using NUnit.Framework;

namespace Monitor.Tests.Generation;

public class UwvDetailGeneratorTests
{
    string dir = null!;

    [SetUp]
    public void MakeDir()
    {
        dir = Path.Combine(Path.GetTempPath(), "monitor-detail-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void CleanUp() => Directory.Delete(dir, recursive: true);

    [Test]
    public void WritesExactlyTheRowsAskedForWithUniqueIdsAndOrderedDates()
    {
        var path = Path.Combine(dir, UwvDetailGenerator.FileName(UwvDetailGenerator.DefaultVintage));
        var result = UwvDetailGenerator.Generate(path, 20_000, seed: 5);
        Assert.That(Path.GetFileName(path), Is.EqualTo("uwv_vacatures_detail_2025-02-14.csv"));
        var t = CsvTable.Read(path);
        Assert.That(t.Header, Is.EqualTo(new[] { "Vacature_id", "Datum_ontstaan", "Datum_vervuld", "Beroepsklasse", "Arbeidsmarktregio", "Aantal_posities" }));
        Assert.That(t.Rows, Has.Count.EqualTo(20_000));
        Assert.That(result.Rows, Is.EqualTo(20_000));
        Assert.That(t.Rows.Select(r => r[0]).Distinct().Count(), Is.EqualTo(20_000));
        foreach (var r in t.Rows)
        {
            Assert.That(r, Has.Length.EqualTo(6));
            var arisen = DateOnly.ParseExact(r[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (r[2].Length > 0) Assert.That(DateOnly.ParseExact(r[2], "yyyy-MM-dd", CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(arisen), r[0]);
            Assert.That(arisen, Is.InRange(new DateOnly(2019, 1, 1), new DateOnly(2024, 12, 31)));
            Assert.That(int.Parse(r[5]), Is.InRange(1, 5));
        }
        Assert.That(t.Rows.Any(r => r[2].Length == 0), "some vacancies are still open");
    }

    [Test]
    public void OpenPositionsAtEachQuarterEndAreTheScaledAggregate()
    {
        var path = Path.Combine(dir, "d.csv");
        var result = UwvDetailGenerator.Generate(path, 250_000, seed: 9, scale: 0.05);
        Assert.That(result.Scale, Is.EqualTo(0.05), "250,000 rows hold the open vacancies at scale 0.05");
        var model = UwvModel.Build(SampleDataGenerator.DefaultSeed);
        var t = CsvTable.Read(path);
        var open = new Dictionary<(int, string, string), long>();
        var ends = model.Quarters.Select(q => q.EndDate).ToArray();
        foreach (var r in t.Rows)
        {
            var arisen = DateOnly.ParseExact(r[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            DateOnly? filled = r[2].Length == 0 ? null : DateOnly.ParseExact(r[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var q = 0; q < ends.Length; q++)
                if (arisen <= ends[q] && (filled is null || filled > ends[q]))
                    open[(q, r[4], r[3])] = open.GetValueOrDefault((q, r[4], r[3])) + long.Parse(r[5]);
        }
        var openRows = t.Rows.Count(r =>
        {
            var arisen = DateOnly.ParseExact(r[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            DateOnly? filled = r[2].Length == 0 ? null : DateOnly.ParseExact(r[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return ends.Any(e => arisen <= e && (filled is null || filled > e));
        });
        Assert.That(openRows, Is.EqualTo(result.OpenVacancyRows));
        for (var q = 0; q < model.Quarters.Count; q++)
            for (var reg = 0; reg < model.Regions.Count; reg++)
                for (var c = 0; c < model.Classes.Count; c++)
                {
                    var expected = (long)Math.Round(0.05 * model.Open(q, reg, c), MidpointRounding.AwayFromZero);
                    Assert.That(open.GetValueOrDefault((q, model.Regions[reg], model.Classes[c])), Is.EqualTo(expected), $"{model.Quarters[q]} {model.Regions[reg]} {model.Classes[c]}");
                }
    }

    [Test]
    public void LowersTheScaleWhenTheRowsCannotHoldTheAggregate()
    {
        var result = UwvDetailGenerator.Generate(Path.Combine(dir, "d.csv"), 1_000, seed: 3);
        Assert.That(result.Scale, Is.LessThan(1.0));
        Assert.That(result.OpenVacancyRows, Is.LessThanOrEqualTo(1_000));
        Assert.That(CsvTable.Read(Path.Combine(dir, "d.csv")).Rows, Has.Count.EqualTo(1_000));
    }

    [Test]
    public void ZeroRowsGiveAHeaderOnly()
    {
        var path = Path.Combine(dir, "d.csv");
        UwvDetailGenerator.Generate(path, 0);
        Assert.That(File.ReadAllText(path), Is.EqualTo("Vacature_id;Datum_ontstaan;Datum_vervuld;Beroepsklasse;Arbeidsmarktregio;Aantal_posities\n"));
    }

    [Test]
    public void SameSeedSameBytesOtherSeedOtherBytes()
    {
        string a = Path.Combine(dir, "a.csv"), b = Path.Combine(dir, "b.csv"), c = Path.Combine(dir, "c.csv");
        UwvDetailGenerator.Generate(a, 5_000, seed: 11);
        UwvDetailGenerator.Generate(b, 5_000, seed: 11);
        UwvDetailGenerator.Generate(c, 5_000, seed: 12);
        Assert.That(File.ReadAllBytes(b), Is.EqualTo(File.ReadAllBytes(a)));
        Assert.That(File.ReadAllBytes(c), Is.Not.EqualTo(File.ReadAllBytes(a)));
    }

    [Test]
    public void ReportsProgress()
    {
        var reports = new List<(long Done, long Total)>();
        UwvDetailGenerator.Generate(Path.Combine(dir, "d.csv"), 1_200, progress: (d, t) => reports.Add((d, t)));
        Assert.That(reports, Is.Not.Empty);
        Assert.That(reports[^1], Is.EqualTo((1_200L, 1_200L)));
    }
}
