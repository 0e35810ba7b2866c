// Builds the indicator layer: runs the SQL models of sql/seeds/, sql/intermediate/ and sql/marts/ against the warehouse,
// in the order their `-- depends_on:` headers give (see Warehouse/SqlModels.cs).
using System.Diagnostics;
using Dapper;
using Monitor.Warehouse;

namespace Monitor.Indicators;

/// <summary>What a build produced: rows per indicator code (0 for a catalogue code without values).</summary>
public sealed record IndicatorBuildResult(
    DateOnly? AsOf,
    IReadOnlyDictionary<string, long> RowsPerIndicator,
    long TotalRows,
    long IncompleteRows,
    IReadOnlyList<string> Models,
    TimeSpan Elapsed,
    long RevisionRows = 0);

/// <summary>An indicator model failed; names its file (e.g. sql/intermediate/int_targets.sql) so it can be found.</summary>
public sealed class IndicatorModelException(string file, Exception inner)
    : Exception($"indicator model {file} failed: {inner.Message}", inner)
{
    public string Model { get; } = file;
}

public static class IndicatorBuilder
{
    /// <summary>The layers the indicator build runs (the staging views ran when the warehouse was opened).</summary>
    public static readonly string[] ModelFolders = ["seeds", "intermediate", "marts"];

    /// <summary>The catalogue of indicator codes, a seed: data, not computed from the warehouse.</summary>
    public const string CatalogueSeed = "sql/seeds/indicator_catalogue.sql";

    /// <summary>The indicator models in run order; the staging models may be depended on, they ran before.</summary>
    public static IReadOnlyList<SqlModel> Models() =>
        SqlModels.Order(SqlModels.Layers(ModelFolders), SqlModels.Layers("staging").Select(m => m.Name));

    /// <summary>
    /// Rebuilds mart.indicator_catalogue and mart.indicator_values from the staging views, using only
    /// vintages published on or before <paramref name="asOf"/> (null: the latest). The models run in
    /// one transaction, so a failing model leaves the previous mart in place.
    /// </summary>
    public static IndicatorBuildResult Build(WarehouseDb db, DateOnly? asOf)
    {
        var clock = Stopwatch.StartNew();
        db.SetAsOf(asOf);
        var models = Models();
        long revisions;
        using (var tx = db.Connection.BeginTransaction())
        {
            // The first and last day of every period (meta.period_bounds, read by the staging views): ExtractStore writes
            // them at load; rows loaded before migration 012 get theirs here.
            PeriodBounds.Fill(db.Connection, tx);
            foreach (var model in models)
            {
                try
                {
                    db.Connection.Execute(model.Sql, transaction: tx);
                }
                catch (Exception e)
                {
                    throw new IndicatorModelException(model.File, e);
                }
            }
            // The revision history (mart.indicator_revisions) re-evaluates the value models as of each vintage date,
            // then the as-of date of this build is set again for whatever runs next.
            revisions = RevisionBuilder.Build(db.Connection, tx, asOf);
            db.SetAsOf(asOf);
            DataDictionary.Apply(db.Connection, tx);
            tx.Commit();
        }

        var counts = db.Connection.Query<(string Code, long Rows)>("""
            SELECT c.code, count(v.indicator)
            FROM mart.indicator_catalogue AS c
            LEFT JOIN mart.indicator_values AS v ON v.indicator = c.code
            GROUP BY c.code
            ORDER BY c.code
            """).ToDictionary(r => r.Code, r => r.Rows, StringComparer.Ordinal);
        var (total, incomplete) = db.Connection.QuerySingle<(long, long)>(
            "SELECT count(*), count(*) FILTER (WHERE status = 'incomplete') FROM mart.indicator_values");
        return new IndicatorBuildResult(asOf, counts, total, incomplete, models.Select(m => m.Name).ToList(), clock.Elapsed, revisions);
    }
}
