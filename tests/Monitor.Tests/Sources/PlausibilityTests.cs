// Plausibility at the edge (issue 11): one year range for every period type, finite numbers only, no control
// characters in a cell, and other scripts' digits refused as row errors (never an exception).
using System.Text;
using Monitor.Domain;
using Monitor.Sources;

namespace Monitor.Tests.Sources;

public class PlausibilityTests
{
    static readonly CellParser Parser = new(ReferenceLoader.Load("/nonexistent-so-the-shipped-reference-is-used").Data);
    static readonly ColumnSpec Decimal = new("ITKP", CellType.Decimal, Empty: EmptyCell.MissingOrSuppressed);
    static readonly ColumnSpec Count = new("Aantal", CellType.Count, Empty: EmptyCell.MissingOrSuppressed);
    static readonly ColumnSpec Signed = new("Uitbreidingsvraag", CellType.SignedInteger, Empty: EmptyCell.MissingOrSuppressed);
    static readonly ColumnSpec Text = new("Vacature_id", CellType.Text, Key: true);

    [TestCase(CellType.Year, "1899")]
    [TestCase(CellType.Year, "2101")]
    [TestCase(CellType.Year, "0000")]
    [TestCase(CellType.Quarter, "0000KW1")]
    [TestCase(CellType.Quarter, "1899KW4")]
    [TestCase(CellType.Quarter, "2101KW1")]
    [TestCase(CellType.Quarter, "2023KW0")]
    [TestCase(CellType.Quarter, "2023KW5")]
    [TestCase(CellType.Quarter, "2023KW005")]
    [TestCase(CellType.SchoolYear, "0000/0001")]
    [TestCase(CellType.SchoolYear, "1899/1900")]
    [TestCase(CellType.SchoolYear, "2100/2101")]
    [TestCase(CellType.ForecastPeriod, "0000-0001")]
    [TestCase(CellType.ForecastPeriod, "2021-2101")]
    [TestCase(CellType.ForecastPeriod, "1899-1905")]
    public void A_period_with_a_year_outside_1900_to_2100_is_a_row_error(CellType type, string raw)
    {
        var cell = Parser.Parse(new ColumnSpec("Periode", type, Key: true), raw);
        Assert.That(cell.Error, Does.Contain("years 1900–2100"));
    }

    [TestCase(CellType.Year, "1900", 1900)]
    [TestCase(CellType.Year, "2100JJ00", 2100)]
    [TestCase(CellType.Quarter, "1900KW1", "1900KW1")]
    [TestCase(CellType.Quarter, "2100KW04", "2100KW4")]
    [TestCase(CellType.SchoolYear, "2099/2100", "2099/2100")]
    [TestCase(CellType.ForecastPeriod, "1900-2100", "1900-2100")]
    public void The_edges_of_the_range_are_inside_it(CellType type, string raw, object expected)
    {
        Assert.That(Parser.Parse(new ColumnSpec("Periode", type, Key: true), raw).Value, Is.EqualTo(expected));
    }

    // Arabic-Indic ٢٠٢٣ (U+0662 U+0660 U+0662 U+0663) and fullwidth ２０２３ (U+FF12 …): Regex \d matched them and
    // int.Parse then threw, which rejected the whole file in `run` and printed a stack trace in `validate`.
    [TestCase(CellType.Year, "\u0662\u0660\u0662\u0663")]
    [TestCase(CellType.Quarter, "\u0662\u0660\u0662\u0663KW1")]
    [TestCase(CellType.Quarter, "\uFF12\uFF10\uFF12\uFF13KW1")]
    [TestCase(CellType.SchoolYear, "\u0662\u0660\u0662\u0663/2024")]
    [TestCase(CellType.ForecastPeriod, "2021-\uFF12\uFF10\uFF12\uFF16")]
    [TestCase(CellType.Date, "\u0662\u0660\u0662\u0663-01-01")]
    [TestCase(CellType.Beroepsklasse, "\u0660\u0667")]
    public void Other_scripts_digits_in_a_period_are_a_row_error_not_an_exception(CellType type, string raw)
    {
        ParsedCell cell = default;
        Assert.DoesNotThrow(() => cell = Parser.Parse(new ColumnSpec("Periode", type, Key: true), raw));
        Assert.That(cell.IsError, Is.True);
    }

    [TestCase("\uFF11\uFF10", "in the digits 0–9")]
    [TestCase("\u0661\u0660", "in the digits 0–9")]
    [TestCase("99999999999999999999", "out of range")]
    [TestCase("9223372036854775808", "out of range")]
    [TestCase("+", "expected a whole number")]
    public void Bad_integers_are_row_errors_that_say_why(string raw, string fragment)
    {
        Assert.That(Parser.Parse(Count, raw).Error, Does.Contain(fragment));
        Assert.That(Parser.Parse(Signed, raw).Error, Does.Contain(fragment));
    }

    [Test]
    public void The_largest_64_bit_integers_still_load()
    {
        Assert.That(Parser.Parse(Count, "9223372036854775807").Value, Is.EqualTo(long.MaxValue));
        Assert.That(Parser.Parse(Signed, "-9223372036854775808").Value, Is.EqualTo(long.MinValue));
    }

    [TestCase("NaN")]
    [TestCase("nan")]
    [TestCase("Infinity")]
    [TestCase("-Infinity")]
    [TestCase("∞")]
    [TestCase("1e5")]
    [TestCase("1,5e3")]
    [TestCase(",")]
    [TestCase("1,2,3")]
    [TestCase("0x10")]
    [TestCase("\u0661,\u0665")]
    public void A_decimal_that_is_not_a_finite_plain_number_is_a_row_error(string raw)
    {
        Assert.That(Parser.Parse(Decimal, raw).IsError, Is.True, raw);
    }

    [Test]
    public void A_decimal_beyond_the_range_of_a_double_is_a_row_error()
    {
        // 1 followed by 400 zeros parses to +Infinity in .NET: it must not load as a figure.
        Assert.That(Parser.Parse(Decimal, "1" + new string('0', 400)).Error, Is.EqualTo("decimal number out of range"));
        Assert.That(Parser.Parse(Decimal, "-1" + new string('0', 400) + ",5").Error, Is.EqualTo("decimal number out of range"));
    }

    [TestCase("0,85", 0.85)]
    [TestCase("-0.5", -0.5)]
    [TestCase("+2", 2.0)]
    [TestCase(",5", 0.5)]
    [TestCase("3,", 3.0)]
    public void Plain_decimals_still_load(string raw, double expected) => Assert.That(Parser.Parse(Decimal, raw).Value, Is.EqualTo(expected));

    [TestCase("N\u00001", "U+0000 at position 2")]
    [TestCase("V\u00014", "U+0001 at position 2")]
    [TestCase("V1\t", "U+0009 at position 3")]
    [TestCase("V\u007F", "U+007F at position 2")]
    [TestCase("V\u0085", "U+0085 at position 2")]
    [TestCase("\r", "U+000D at position 1")]
    public void A_control_character_anywhere_in_a_cell_is_a_row_error(string raw, string fragment)
    {
        Assert.That(Parser.Parse(Text, raw).Error, Does.Contain(fragment).And.Contain("control character"));
        Assert.That(Parser.Parse(Count, raw).Error, Does.Contain("control character"), "checked before any type");
    }

    [Test]
    public void A_quarantined_row_keeps_control_characters_escaped()
    {
        var row = new QuarantinedRow(5, "Vacature_id", "N\u00001", "control character", "N\u00001;2024-01-01\u0085");
        Assert.That(row.RawValue, Is.EqualTo("N\\u00001"));
        Assert.That(row.RawRecord, Is.EqualTo("N\\u00001;2024-01-01\\u0085"));
        Assert.That(new QuarantinedRow(5, null, null, "x", "één;twee").RawRecord, Is.EqualTo("één;twee"), "other text unchanged");
    }

    [Test]
    public void UTF16_with_or_without_a_byte_order_mark_is_refused_with_how_to_save_the_file()
    {
        const string text = "Jaar;Regio;Geslacht;Werkzaam\n2023;NL;man;10\n";
        byte[][] files =
        [
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            Encoding.Unicode.GetBytes(text),
            Encoding.BigEndianUnicode.GetBytes(text),
        ];
        foreach (var bytes in files)
        {
            Assert.That(TextDecoding.TryDecode(bytes, out var problem), Is.Null);
            Assert.That(problem, Does.Contain("UTF-16 is not supported").And.Contain("CSV (puntkomma gescheiden)").And.Contain("UTF-8"));
            Assert.That(problem!.IndexOf('\0'), Is.EqualTo(-1), "no NUL in the message (an ordinal search: culture rules ignore NUL)");
        }
    }

    [Test]
    public void A_few_NUL_bytes_in_UTF8_text_are_not_taken_for_UTF16()
    {
        var bytes = Encoding.UTF8.GetBytes("Vacature_id;Datum_ontstaan\nN\u00001;2024-01-01\nN\u00002;2024-01-01\n");
        Assert.That(TextDecoding.TryDecode(bytes, out var problem)?.Encoding, Is.EqualTo("utf-8"), problem);
    }

    [Test]
    public void A_UTF8_byte_order_mark_before_Windows1252_bytes_is_a_clear_file_problem()
    {
        // Line 3 holds Windows-1252 é (0xE9) after a UTF-8 BOM: offset 3 (BOM) + 13 + 10 + 8 = 34.
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "Jaar;Regio;X\n2023;NL;a\n2023;NL;"u8, 0xE9, (byte)'\n'];
        Assert.That(TextDecoding.TryDecode(bytes, out var problem), Is.Null);
        Assert.That(problem, Does.Contain("byte 0xE9 at offset 34 (line 3) is not UTF-8").And.Contain("CSV (puntkomma gescheiden)"));
        Assert.Throws<InvalidDataException>(() => TextDecoding.Decode(bytes));
    }
}
