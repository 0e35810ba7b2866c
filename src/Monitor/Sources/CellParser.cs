// Turning one raw cell into a typed value, or a reason that says what was expected.
using System.Globalization;
using Monitor.Domain;

namespace Monitor.Sources;

public enum CellStatus { Ok, Missing, Suppressed }

public readonly record struct ParsedCell(object? Value, CellStatus Status, string? Error)
{
    public static ParsedCell Of(object? value) => new(value, CellStatus.Ok, null);
    public static ParsedCell Fail(string error) => new(null, CellStatus.Ok, error);
    public bool IsError => Error is not null;
}

public sealed class CellParser(ReferenceData reference)
{
    public ParsedCell Parse(ColumnSpec column, string raw)
    {
        // Before trimming: a NUL or other control character would otherwise cut or hide part of the value.
        if (ControlText.IndexOfControl(raw) is var at and >= 0)
            return ParsedCell.Fail($"control character {ControlText.CodePoint(raw[at])} at position {at + 1}; a cell may not hold control characters");
        var text = raw.Trim();
        if (text.Length == 0 || text == "." || (text is "x" or "X" && column.Empty == EmptyCell.MissingOrSuppressed))
        {
            return column.Empty switch
            {
                EmptyCell.MissingOrSuppressed => new ParsedCell(null, text is "x" or "X" ? CellStatus.Suppressed : CellStatus.Missing, null),
                EmptyCell.Null when text.Length == 0 => ParsedCell.Of(null),
                _ => ParsedCell.Fail(text.Length == 0 ? "value is empty; this column is required" : $"'{text}' is not allowed here; this column is required"),
            };
        }

        switch (column.Type)
        {
            // Periods are parsed by Domain.Period; the raw table holds the year as a number and the other kinds as
            // their canonical text, and ExtractStore adds the period's first and last day (period_start, period_end).
            case CellType.Year:
                return Period.TryParse(text, PeriodKind.Year, out var y) ? ParsedCell.Of(y.FirstYear) : ParsedCell.Fail($"expected a year such as 2023 or 2023JJ00{Year.RangeText}");
            case CellType.Quarter:
                return Period.TryParse(text, PeriodKind.Quarter, out var q) ? ParsedCell.Of(q.ToString()) : ParsedCell.Fail($"expected a quarter such as 2023KW1 (quarter 1–4){Year.RangeText}");
            case CellType.SchoolYear:
                return Period.TryParse(text, PeriodKind.SchoolYear, out var s) ? ParsedCell.Of(s.ToString()) : ParsedCell.Fail($"expected a school year such as 2023/2024{Year.RangeText}");
            case CellType.ForecastPeriod:
                return Period.TryParse(text, PeriodKind.ForecastPeriod, out var f) ? ParsedCell.Of(f.ToString()) : ParsedCell.Fail($"expected a forecast period such as 2021-2026{Year.RangeText}");
            case CellType.Region:
                return ParseRegion(column, text);
            case CellType.Beroepsklasse:
                return ParseBeroepsklasse(text);
            case CellType.Enum:
            {
                var match = column.Allowed!.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
                return match is not null ? ParsedCell.Of(match) : ParsedCell.Fail($"expected one of {string.Join(", ", column.Allowed!)}");
            }
            case CellType.Count:
            {
                if (Integer(text) is { } error) return ParsedCell.Fail(error);
                var n = long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return n < 0 ? ParsedCell.Fail("a count cannot be negative") : ParsedCell.Of(n);
            }
            case CellType.SignedInteger:
                return Integer(text) is { } wrong ? ParsedCell.Fail(wrong) : ParsedCell.Of(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            case CellType.BoundedInteger:
            {
                var (min, max) = column.Range ?? throw new InvalidOperationException($"column {column.Header}: a BoundedInteger needs a Range");
                if (Integer(text) is { } notInteger) return ParsedCell.Fail(notInteger);
                var b = long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return b >= min && b <= max ? ParsedCell.Of((int)b) : ParsedCell.Fail($"expected a whole number from {min} to {max}");
            }
            case CellType.Decimal:
                return ParseDecimal(text);
            case CellType.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? ParsedCell.Of(date)
                    : ParsedCell.Fail("expected a date as YYYY-MM-DD");
            case CellType.Text:
                return ParsedCell.Of(text);
            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Type, null);
        }
    }

    ParsedCell ParseRegion(ColumnSpec column, string text)
    {
        var code = text.ToUpperInvariant();
        var level = reference.LevelOf(code);
        if (level is null) return ParsedCell.Fail("unknown region code (expected NL, PV20–PV31, a labour-market region AMxx or TP1–TP5 from reference/)");
        if (column.Levels is { } levels && !levels.Contains(level.Value))
            return ParsedCell.Fail($"region level {level.Value.ToSql()} is not allowed in this dataset (expected {string.Join(" or ", levels.Select(DescribeLevel))})");
        return ParsedCell.Of(code);
    }

    static string DescribeLevel(RegionLevel level) => level switch
    {
        RegionLevel.Nl => "NL",
        RegionLevel.Provincie => "a province PVxx",
        RegionLevel.Arbeidsmarktregio => "a labour-market region AMxx",
        RegionLevel.Techniekpactregio => "a Techniekpact region TPn",
        _ => level.ToString(),
    };

    ParsedCell ParseBeroepsklasse(string text)
    {
        // Excel drops the leading zero of "07"; a one- or two-digit number that names a known class is unambiguous.
        if (text.Length is 1 or 2 && text.All(char.IsAsciiDigit))
        {
            var code = text.PadLeft(2, '0');
            if (reference.Beroepen.ContainsKey(code)) return ParsedCell.Of(code);
        }
        return ParsedCell.Fail("unknown occupation class (expected a BRC 2014 class 01–13 from reference/beroepen.csv)");
    }

    /// <summary>
    /// Null when <paramref name="text"/> is an optional sign and ASCII digits that fit a 64-bit integer; else the reason.
    /// Other digits (Arabic-Indic, fullwidth, …) are not numbers here.
    /// </summary>
    static string? Integer(string text)
    {
        var digits = text.AsSpan(text.Length > 0 && text[0] is '+' or '-' ? 1 : 0);
        if (digits.Length == 0 || digits.ContainsAnyExcept(AsciiDigits))
        {
            if (LooksLikeThousands(text)) return "expected a whole number without thousands separators";
            return text.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c)) ? "expected a whole number in the digits 0–9" : "expected a whole number";
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? null
            : $"whole number out of range (at most {long.MaxValue} in size)";
    }

    static readonly System.Buffers.SearchValues<char> AsciiDigits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>
    /// A finite decimal: optional sign, ASCII digits, at most one decimal comma or point, no exponent. NaN, Infinity
    /// and values beyond the range of a double are row errors.
    /// </summary>
    static ParsedCell ParseDecimal(string text)
    {
        // Decimal comma is the convention; a decimal point is accepted too. Both at once is ambiguous.
        if (text.Contains(',') && text.Contains('.')) return ParsedCell.Fail("expected a decimal number such as 0,85 (no thousands separators)");
        var body = text.AsSpan(text[0] is '+' or '-' ? 1 : 0);
        var separator = body.IndexOfAny('.', ',');
        var whole = separator < 0 ? body : body[..separator];
        var fraction = separator < 0 ? [] : body[(separator + 1)..];
        if (whole.Length + fraction.Length == 0 || whole.ContainsAnyExcept(AsciiDigits) || fraction.ContainsAnyExcept(AsciiDigits))
            return ParsedCell.Fail(text.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c))
                ? "expected a decimal number such as 0,85 in the digits 0–9"
                : "expected a finite decimal number such as 0,85");
        var d = double.Parse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return double.IsFinite(d) ? ParsedCell.Of(d) : ParsedCell.Fail("decimal number out of range");
    }

    static bool LooksLikeThousands(string text) => text.Contains('.') || text.Contains(',') || text.Contains(' ');
}
