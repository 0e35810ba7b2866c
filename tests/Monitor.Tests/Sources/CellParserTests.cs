using Monitor.Domain;
using Monitor.Sources;

namespace Monitor.Tests.Sources;

public class CellParserTests
{
    static readonly CellParser Parser = new(ReferenceLoader.Load("/nonexistent-so-the-shipped-reference-is-used").Data);
    static readonly ColumnSpec Count = new("Aantal", CellType.Count, Empty: EmptyCell.MissingOrSuppressed);
    static readonly ColumnSpec Key = new("Jaar", CellType.Year, Key: true);

    [TestCase("", CellStatus.Missing)]
    [TestCase(".", CellStatus.Missing)]
    [TestCase("x", CellStatus.Suppressed)]
    [TestCase(" X ", CellStatus.Suppressed)]
    public void MissingAndSuppressedMeasuresAreNullWithAStatus(string raw, CellStatus status)
    {
        var cell = Parser.Parse(Count, raw);
        Assert.That((cell.Value, cell.Status, cell.Error), Is.EqualTo(((object?)null, status, (string?)null)));
    }

    [TestCase("")]
    [TestCase(".")]
    public void AnEmptyKeyIsAnError(string raw) => Assert.That(Parser.Parse(Key, raw).IsError, Is.True);

    [TestCase("0", 0L)]
    [TestCase("86250", 86250L)]
    [TestCase(" 12 ", 12L)]
    public void CountsParse(string raw, long expected) => Assert.That(Parser.Parse(Count, raw).Value, Is.EqualTo(expected));

    [TestCase("-1", "cannot be negative")]
    [TestCase("86.250", "without thousands separators")]
    [TestCase("1,5", "without thousands separators")]
    [TestCase("twaalf", "expected a whole number")]
    public void BadCountsSayWhy(string raw, string fragment) => Assert.That(Parser.Parse(Count, raw).Error, Does.Contain(fragment));

    [TestCase("0,85", 0.85)]
    [TestCase("0.85", 0.85)]
    [TestCase("-1,5", -1.5)]
    [TestCase("4", 4.0)]
    public void DecimalsTakeACommaOrAPoint(string raw, double expected) =>
        Assert.That(Parser.Parse(new ColumnSpec("ITKP", CellType.Decimal, Empty: EmptyCell.MissingOrSuppressed), raw).Value, Is.EqualTo(expected));

    [Test]
    public void ADecimalWithBothSeparatorsIsAmbiguous() =>
        Assert.That(Parser.Parse(new ColumnSpec("ITKP", CellType.Decimal), "1.000,5").IsError, Is.True);

    [TestCase("NL", true)]
    [TestCase("PV27", true)]
    [TestCase("pv27", true)]
    [TestCase("AM18", false)]
    [TestCase("PV32", false)]
    public void RegionLevelsAreEnforced(string raw, bool ok)
    {
        var column = new ColumnSpec("Regio", CellType.Region, Key: true, Levels: [RegionLevel.Nl, RegionLevel.Provincie]);
        Assert.That(Parser.Parse(column, raw).IsError, Is.EqualTo(!ok));
    }

    [TestCase("07", "07")]
    [TestCase("7", "07")]
    [TestCase("13", "13")]
    public void OccupationClassesKeepTwoDigits(string raw, string expected) =>
        Assert.That(Parser.Parse(new ColumnSpec("Beroepsklasse", CellType.Beroepsklasse, Key: true), raw).Value, Is.EqualTo(expected));

    [TestCase("14")]
    [TestCase("007")]
    [TestCase("0")]
    public void UnknownOccupationClassesAreErrors(string raw) =>
        Assert.That(Parser.Parse(new ColumnSpec("Beroepsklasse", CellType.Beroepsklasse, Key: true), raw).IsError, Is.True);

    [Test]
    public void EnumsMatchCaseInsensitivelyAndStoreTheContractSpelling() =>
        Assert.That(Parser.Parse(new ColumnSpec("Geslacht", CellType.Enum, Key: true, Allowed: ["man", "vrouw"]), "Vrouw").Value, Is.EqualTo("vrouw"));

    [Test]
    public void AnEmptyFillDateMeansNotFilled()
    {
        var cell = Parser.Parse(new ColumnSpec("Datum_vervuld", CellType.Date, Empty: EmptyCell.Null), "");
        Assert.That((cell.Value, cell.IsError), Is.EqualTo(((object?)null, false)));
    }
}
