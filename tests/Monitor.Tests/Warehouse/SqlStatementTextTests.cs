using Monitor.Warehouse;

namespace Monitor.Tests.Warehouse;

public class SqlStatementTextTests
{
    [TestCase("SELECT 1", new[] { "SELECT 1" })]
    [TestCase("SET VARIABLE a = 1; SELECT 2;", new[] { "SET VARIABLE a = 1", "SELECT 2" })]
    [TestCase("SELECT ';' AS s; SELECT 'it''s;'", new[] { "SELECT ';' AS s", "SELECT 'it''s;'" })]
    [TestCase("SELECT E'a\\';b'; SELECT 2", new[] { "SELECT E'a\\';b'", "SELECT 2" })]
    [TestCase("SELECT \"a;\"\"b\" FROM t", new[] { "SELECT \"a;\"\"b\" FROM t" })]
    [TestCase("SELECT $$a;b$$, $tag$ $$ ; $tag$; SELECT $1", new[] { "SELECT $$a;b$$, $tag$ $$ ; $tag$", "SELECT $1" })]
    [TestCase("SELECT 1 -- a; comment\n; SELECT 2", new[] { "SELECT 1 -- a; comment", "SELECT 2" })]
    [TestCase("/* a /* nested; */ still; */ SELECT 1; ; -- only a comment", new[] { "/* a /* nested; */ still; */ SELECT 1" })]
    [TestCase("  ;\n;  ", new string[0])]
    public void Splits_at_semicolons_outside_strings_identifiers_and_comments(string sql, string[] expected) =>
        Assert.That(SqlStatementText.Split(sql), Is.EqualTo(expected));

    [TestCase("SET VARIABLE x = 1", "SET", "VARIABLE")]
    [TestCase("  -- why\n /* note */ set\n variable x = 1", "SET", "VARIABLE")]
    [TestCase("SET threads = 1", "SET", "THREADS")]
    [TestCase("SET/*x*/GLOBAL threads = 1", "SET", "GLOBAL")]
    [TestCase("USE memory", "USE", "MEMORY")]
    public void Reads_the_leading_words(string statement, string first, string second) =>
        Assert.That(SqlStatementText.LeadingWords(statement, 2), Is.EqualTo(new[] { first, second }));
}
