// The shared rules of sql/, each written once as a DuckDB macro: the vintage in force (staging/vintage_in_force.sql)
// and the "NL row, or else the sum of the regions" placement (intermediate/int_nl_or_regions.sql), on hand-made rows.
using Dapper;
using DuckDB.NET.Data;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

public class SharedRuleMacroTests
{
    static DuckDBConnection Connection()
    {
        var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        c.Execute("""
            CREATE SCHEMA meta; CREATE SCHEMA raw;
            CREATE TABLE meta.extracts (extract_id INTEGER, state VARCHAR);
            INSERT INTO meta.extracts VALUES (1, 'loaded'), (2, 'loaded'), (3, 'rejected'), (4, 'loaded');
            CREATE TABLE raw.t (extract_id INTEGER, vintage DATE, line_number INTEGER, k VARCHAR, v INTEGER);
            INSERT INTO raw.t VALUES
                (1, DATE '2024-01-10', 2, 'a', 10),
                (2, DATE '2024-06-10', 2, 'a', 11),
                (3, DATE '2024-09-10', 2, 'a', 99),   -- rejected extract: never in force
                (4, DATE '2025-01-10', 2, 'a', 12),   -- after the as-of date below
                (1, DATE '2024-01-10', 3, 'b', 20);
            """);
        c.Execute(SqlResources.Read("sql/staging/vintage_in_force.sql"));
        c.Execute(SqlResources.Read("sql/intermediate/int_nl_or_regions.sql"));
        return c;
    }

    [Test]
    public void The_vintage_in_force_is_the_latest_loaded_one_up_to_the_as_of_date()
    {
        using var c = Connection();
        const string query = """
            WITH delivered AS (SELECT r.*, r.k AS vintage_key FROM staging.loaded_rows('raw.t') AS r)
            SELECT k || '=' || v FROM staging.latest_in_force(delivered) ORDER BY k
            """;
        Assert.That(c.Query<string>(query), Is.EqualTo(new[] { "a=12", "b=20" }));
        c.Execute("SET VARIABLE as_of = DATE '2024-12-31'");
        Assert.That(c.Query<string>(query), Is.EqualTo(new[] { "a=11", "b=20" }));
    }

    [Test]
    public void A_regional_row_counts_in_its_region_and_in_NL_only_when_it_forms_the_national_figure()
    {
        using var c = Connection();
        // Key x: the NL row forms the national figure, its province row is a regional figure only.
        // Key y: no NL row in force, the provinces form NL (3 + 4).
        var rows = c.Query<string>("""
            WITH s AS (
                SELECT * FROM (VALUES ('x', 'NL', 5, true), ('x', 'PV20', 2, false), ('y', 'PV20', 3, true), ('y', 'PV21', 4, true))
                    AS t(k, regio, aantal, in_national)
            )
            SELECT k || ':' || region || '/' || region_level || '/' || input_region || '=' || aantal
            FROM intermediate.nl_or_regions(s, 'provincie')
            ORDER BY ALL
            """);
        Assert.That(rows, Is.EqualTo(new[]
        {
            "x:NL/nl/NL=5", "x:PV20/provincie/PV20=2",
            "y:NL/nl/PV20=3", "y:NL/nl/PV21=4", "y:PV20/provincie/PV20=3", "y:PV21/provincie/PV21=4",
        }));
        var columns = c.Query<string>("DESCRIBE WITH s AS (SELECT 'x' AS k, 'NL' AS regio, 1 AS aantal, true AS in_national) "
            + "SELECT * FROM intermediate.nl_or_regions(s, 'provincie')").ToList();
        Assert.That(columns, Is.EqualTo(new[] { "k", "aantal", "region", "region_level", "input_region" }));
    }
}
