using Monitor.Reporting.Layout;

namespace Monitor.Tests.Reporting;

public class TextWrapperTests
{
    // Every character one unit wide, so line widths can be counted by hand.
    static float Chars(string s) => s.Length;

    [Test]
    public void Breaks_between_words_as_late_as_possible()
    {
        var lines = TextWrapper.Wrap("de spanning op de arbeidsmarkt blijft hoog", 16, Chars);
        Assert.That(lines, Is.EqualTo(new[] { "de spanning op", "de arbeidsmarkt", "blijft hoog" }));
    }

    [Test]
    public void A_line_may_be_exactly_as_wide_as_the_box()
    {
        Assert.That(TextWrapper.Wrap("abcd efgh", 9, Chars), Is.EqualTo(new[] { "abcd efgh" }));
        Assert.That(TextWrapper.Wrap("abcd efgh", 8, Chars), Is.EqualTo(new[] { "abcd", "efgh" }));
    }

    [Test]
    public void Keeps_explicit_line_breaks_and_empty_lines()
    {
        Assert.That(TextWrapper.Wrap("een\n\ntwee drie", 20, Chars), Is.EqualTo(new[] { "een", "", "twee drie" }));
    }

    [Test]
    public void Collapses_repeated_spaces()
    {
        Assert.That(TextWrapper.Wrap("een   twee", 20, Chars), Is.EqualTo(new[] { "een twee" }));
    }

    [Test]
    public void Splits_a_word_longer_than_the_line_instead_of_running_off_the_page()
    {
        var lines = TextWrapper.Wrap("zij arbeidsmarktregio", 6, Chars);
        Assert.That(lines, Is.EqualTo(new[] { "zij", "arbeid", "smarkt", "regio" }));
        Assert.That(lines, Has.All.Matches<string>(l => l.Length <= 6));
    }

    [Test]
    public void Empty_text_is_one_empty_line() => Assert.That(TextWrapper.Wrap("", 10, Chars), Is.EqualTo(new[] { "" }));
}
