// Targets are policy and live in reference/doelen.csv only: no policy number may stay as a literal in the SQL
// models or the pipeline code (comments aside; the sample-data generator writes the register and is exempt).
using System.Text.RegularExpressions;
using Monitor.Tests.Support;

namespace Monitor.Tests.Indicators;

public class PolicyLiteralTests
{
    // 60.000 per year, 1.000.000 ICT professionals, 2030, base year 2022, 1.000 hybrid teachers, +1 procentpunt,
    // in the spellings code and Dutch text use.
    static readonly Regex PolicyNumber = new(
        @"(?<![\d.,_xX])(60[._]?000|1[._]?000[._]?000|2030|2022|1[._]?000)(?![\d_]|[.,]\d)|\b(één|1) miljoen\b|\+\s?1(,0)?\s?(pp|procentpunt)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Not a target: how many missed schedule times are counted before the scheduler says "more than".
    // Nor is the default row limit of the table format of 'monitor query'.
    static readonly string[] Allowed = ["MissedCountCap = 1000", "DefaultMaxRows = 1000"];

    static IEnumerable<string> ScannedFiles()
    {
        var root = Fixtures.RepoRoot;
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "sql"), "*.sql", SearchOption.AllDirectories)) yield return f;
        // All of src/ but the sample-data generator, which writes the published figures into its synthetic files.
        var generation = Path.Combine(root, "src", "Monitor", "Generation") + Path.DirectorySeparatorChar;
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var parts = f.Split(Path.DirectorySeparatorChar);
            if (f.StartsWith(generation, StringComparison.Ordinal) || parts.Contains("obj") || parts.Contains("bin")) continue;
            yield return f;
        }
    }

    static string WithoutComment(string line, bool sql)
    {
        var at = line.IndexOf(sql ? "--" : "//", StringComparison.Ordinal);
        return at < 0 ? line : line[..at];
    }

    [Test]
    public void No_policy_number_is_a_literal_in_sql_or_the_pipeline_code()
    {
        var found = new List<string>();
        foreach (var file in ScannedFiles())
        {
            var sql = file.EndsWith(".sql", StringComparison.Ordinal);
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = WithoutComment(lines[i], sql);
                if (Allowed.Any(a => code.Contains(a, StringComparison.Ordinal))) continue;
                if (PolicyNumber.Match(code) is { Success: true } m)
                    found.Add($"{Path.GetRelativePath(Fixtures.RepoRoot, file)}:{i + 1}: '{m.Value}' in: {lines[i].Trim()}");
            }
        }
        Assert.That(found, Is.Empty, "targets belong in reference/doelen.csv (docs/indicators.md, Targets)");
    }

    [TestCase("value >= 60000", true)]
    [TestCase("(1000000.0 - value) / (2030 - jaar)", true)]
    [TestCase("'Doel 1.000 hybride docenten'", true)]
    [TestCase("const double Goal = 1_000_000;", true)]
    [TestCase("'naar 1 miljoen'", true)]
    [TestCase("+1 pp", true)]
    [TestCase("WHERE jaar = 2022", true)]
    [TestCase("period_order // 10", false)]
    [TestCase("10000 rows, 2023KW1, 12022", false)]
    [TestCase("0.1000", false)]
    [TestCase("0x1000 => \"a named pipe (FIFO)\"", false)]
    public void The_pattern_finds_the_policy_numbers_and_nothing_else(string text, bool policy) =>
        Assert.That(PolicyNumber.IsMatch(text), Is.EqualTo(policy), text);
}
