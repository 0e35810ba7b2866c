// The contract's quoting rule, one line at a time (CsvLine): the splitter both paths use.
using Monitor.Sources;

namespace Monitor.Tests.Sources;

public class CsvLineTests
{
    static (string[]? Fields, string? Error, bool Open) Split(string line)
    {
        var fields = new List<string>();
        var error = CsvLine.Split(line, ';', fields);
        return error is { } e ? (null, e.Reason, e.OpenQuote) : (fields.ToArray(), null, false);
    }

    [TestCase("a;b;c", new[] { "a", "b", "c" })]
    [TestCase("a;;c", new[] { "a", "", "c" })]
    [TestCase("a;b;", new[] { "a", "b", "" })]
    [TestCase(";", new[] { "", "" })]
    [TestCase(" a ; b ", new[] { " a ", " b " })]
    [TestCase("\"a;b\";c", new[] { "a;b", "c" })]
    [TestCase("\"a\"\"b\";\"\"", new[] { "a\"b", "" })]
    [TestCase("\"\";x", new[] { "", "x" })]
    [TestCase("x;\"y\"", new[] { "x", "y" })]
    [TestCase("x;\"y\";", new[] { "x", "y", "" })]
    public void Lines_that_follow_the_rule_split_into_their_fields(string line, string[] expected)
    {
        Assert.That(Split(line), Is.EqualTo(((string[]?)expected, (string?)null, false)));
    }

    [TestCase("2024KW1;\"AM03;04;572;342", "the quote opened at position 9 does not close on this line", true)]
    [TestCase("\"", "the quote opened at position 1 does not close on this line", true)]
    [TestCase("\"a\"\"", "the quote opened at position 1 does not close on this line", true)]
    [TestCase("a;b\"c", "a quote inside an unquoted value at position 4", false)]
    [TestCase(" \"a\"", "a quote inside an unquoted value at position 2", false)]
    [TestCase("\"a\"b;c", "text after the closing quote at position 4", false)]
    [TestCase("\"a\" ;c", "text after the closing quote at position 4", false)]
    public void A_line_that_breaks_the_rule_says_where_and_whether_a_quote_was_left_open(string line, string reason, bool open)
    {
        var (fields, error, isOpen) = Split(line);
        Assert.That(fields, Is.Null);
        Assert.That(error, Does.StartWith(reason));
        Assert.That(isOpen, Is.EqualTo(open));
    }
}
