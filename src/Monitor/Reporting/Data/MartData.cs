// Everything the report reads from the warehouse, loaded once: the indicator mart, its catalogue and
// the run, extract, quarantine and check ledgers, the target register, the action register and the
// industries. Only the tables of the mart contract are read; a table a warehouse does not have yet
// (pillars 3 and 4 came later) is read as empty, never as an error.
using Dapper;
using Monitor.Indicators;
using Monitor.Warehouse;

namespace Monitor.Reporting.Data;

public sealed class MartData
{
    readonly Dictionary<(string, string, string, string?), List<IndicatorValue>> series = [];

    public required IReadOnlyList<IndicatorValue> Values { get; init; }
    public required IReadOnlyDictionary<string, CatalogueEntry> Catalogue { get; init; }
    public required IReadOnlyList<ExtractRecord> Extracts { get; init; }
    public required IReadOnlyList<QuarantineGroup> Quarantine { get; init; }
    /// <summary>NULL when the warehouse has no meta.check_results table yet.</summary>
    public required IReadOnlyList<CheckRecord>? Checks { get; init; }
    public required string? ChecksRunId { get; init; }
    public required RunRecord? LastRun { get; init; }
    /// <summary>ref.doelen; empty when the warehouse has no target register.</summary>
    public IReadOnlyList<TargetRecord> Targets { get; init; } = [];
    /// <summary>mart.acties; empty when the warehouse has no action register.</summary>
    public IReadOnlyList<ActionRecord> Actions { get; init; } = [];
    /// <summary>mart.actie_indicatoren.</summary>
    public IReadOnlyList<ActionLink> ActionLinks { get; init; } = [];
    /// <summary>ref.bedrijfstakken; empty when the warehouse has none.</summary>
    public IReadOnlyList<IndustryRecord> Industries { get; init; } = [];
    public SupplierNames Suppliers { get; init; } = SupplierNames.FromContracts();

    /// <summary>What changed since the previous edition (see Indicators.Changes); NULL when there is no edition to compare with.</summary>
    public Monitor.Indicators.ChangeReport? Changes { get; init; }

    /// <param name="currentRun">The run building the report, whose own edition is not compared with; NULL: the run that published the warehouse.</param>
    /// <param name="compareWith">The edition to compare with (id or date); NULL: the default baseline.</param>
    public static MartData Load(WarehouseDb db, DateOnly? asOf, string? currentRun = null, string? compareWith = null)
    {
        var c = db.Connection;
        if (!TableExists(db, "mart", "indicator_values"))
            throw new ReportException("the warehouse has no mart.indicator_values table: run 'monitor run' first to compute the indicators");

        var provisionalColumn = ColumnExists(db, "mart", "indicator_values", "provisional") ? "coalesce(provisional, false)" : "false";
        var values = c.Query<IndicatorValue>($"""
            SELECT indicator, domain, period, period_type AS PeriodType, period_order AS PeriodOrder, region,
                   region_level AS RegionLevel, category, value, unit, target, status, label, numerator, denominator,
                   source, CAST(vintage AS VARCHAR) AS vintage, CAST(as_of AS VARCHAR) AS AsOf, {provisionalColumn} AS Provisional
            FROM mart.indicator_values
            ORDER BY indicator, domain, region, category NULLS FIRST, period_order, period
            """).ToList();

        var catalogue = TableExists(db, "mart", "indicator_catalogue")
            ? c.Query<CatalogueEntry>("SELECT code, naam, beschrijving, pijler, unit, formule, bron, definitie, doelregel FROM mart.indicator_catalogue ORDER BY code")
                .GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.First())
            : new Dictionary<string, CatalogueEntry>();

        var asOfText = asOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var extracts = c.Query<ExtractRecord>("""
            SELECT file_name AS FileName, source, dataset, CAST(vintage AS VARCHAR) AS vintage, rows_total AS RowsTotal,
                   rows_loaded AS RowsLoaded, rows_quarantined AS RowsQuarantined, state, reason, run_id AS RunId
            FROM meta.extracts
            WHERE $as_of IS NULL OR vintage IS NULL OR vintage <= CAST($as_of AS DATE)
            ORDER BY state, source NULLS LAST, dataset NULLS LAST, vintage NULLS LAST, file_name
            """, new { as_of = asOfText }).ToList();

        var quarantine = c.Query<QuarantineGroup>("""
            SELECT file_name AS FileName, reason, count(*) AS rows
            FROM meta.quarantine
            GROUP BY file_name, reason
            ORDER BY rows DESC, file_name, reason
            """).ToList();

        List<CheckRecord>? checks = null;
        string? checksRun = null;
        if (TableExists(db, "meta", "check_results"))
        {
            checksRun = c.ExecuteScalar<string?>("SELECT max(run_id) FROM meta.check_results");
            // The Dutch text where the warehouse has it (migration 005); the English one otherwise.
            var dutch = c.ExecuteScalar<long>("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'meta' AND table_name = 'check_results' AND column_name = 'omschrijving'
                """) > 0;
            var description = dutch ? "coalesce(omschrijving, description)" : "description";
            checks = c.Query<CheckRecord>($"""
                SELECT check_name AS CheckName, severity, status, failing_rows AS FailingRows, {description} AS description, sample
                FROM meta.check_results WHERE run_id = $run
                ORDER BY CASE status WHEN 'failed' THEN 0 ELSE 1 END, CASE severity WHEN 'error' THEN 0 ELSE 1 END, check_name
                """, new { run = checksRun }).ToList();
        }

        var lastRun = c.Query<RunRecord>("""
            SELECT run_id AS RunId, CAST(started_at AS VARCHAR) AS StartedAt, status, CAST(as_of AS VARCHAR) AS AsOf
            FROM meta.runs ORDER BY started_at DESC, run_id DESC LIMIT 1
            """).FirstOrDefault();

        var targets = TableExists(db, "ref", "doelen")
            ? c.Query<TargetRecord>("""
                SELECT indicator, domain, region, category, soort, waarde, basisjaar, doeljaar, bron
                FROM ref.doelen ORDER BY indicator, domain, region, category NULLS FIRST, basisjaar NULLS FIRST
                """).ToList()
            : [];
        var actions = TableExists(db, "mart", "acties")
            ? c.Query<ActionRecord>("""
                SELECT actie_id AS ActieId, pijler, maatregel, eigenaar, status, CAST(start AS VARCHAR) AS start,
                       CAST(gepland_gereed AS VARCHAR) AS GeplandGereed, CAST(gereed AS VARCHAR) AS gereed,
                       coalesce(achter_schema, false) AS AchterSchema, coalesce(op_schema, false) AS OpSchema,
                       CAST(vintage AS VARCHAR) AS vintage
                FROM mart.acties ORDER BY pijler, actie_id
                """).ToList()
            : [];
        var links = TableExists(db, "mart", "actie_indicatoren")
            ? c.Query<ActionLink>("SELECT DISTINCT actie_id AS ActieId, indicator, domain FROM mart.actie_indicatoren ORDER BY actie_id, indicator, domain NULLS FIRST").ToList()
            : [];
        var industries = TableExists(db, "ref", "bedrijfstakken")
            ? c.Query<IndustryRecord>("SELECT code, naam, domein FROM ref.bedrijfstakken ORDER BY code").ToList()
            : [];

        var data = new MartData
        {
            Changes = Monitor.Indicators.Changes.Compare(c, currentRun, compareWith),
            Targets = targets,
            Actions = actions,
            ActionLinks = links,
            Industries = industries,
            Suppliers = SupplierNames.Load(db),
            Values = values,
            Catalogue = catalogue,
            Extracts = extracts,
            Quarantine = quarantine,
            Checks = checks,
            ChecksRunId = checksRun,
            LastRun = lastRun,
        };
        data.Index();
        return data;
    }

    static bool TableExists(WarehouseDb db, string schema, string table) =>
        db.Connection.ExecuteScalar<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = $schema AND table_name = $table",
            new { schema, table }) > 0;

    static bool ColumnExists(WarehouseDb db, string schema, string table, string column) =>
        db.Connection.ExecuteScalar<long>(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = $schema AND table_name = $table AND column_name = $column",
            new { schema, table, column }) > 0;

    void Index()
    {
        foreach (var v in Values)
        {
            var key = (v.Indicator, v.Domain, v.Region, v.Category);
            if (!series.TryGetValue(key, out var list)) series[key] = list = [];
            list.Add(v);
        }
        foreach (var list in series.Values)
            list.Sort((a, b) => a.PeriodOrder != b.PeriodOrder ? a.PeriodOrder.CompareTo(b.PeriodOrder) : string.CompareOrdinal(a.Period, b.Period));
    }

    /// <summary>The values of one indicator for one domain, region and category (NULL: the total), oldest first.</summary>
    public IReadOnlyList<IndicatorValue> Series(string indicator, string domain, string region, string? category = null) =>
        series.TryGetValue((indicator, domain, region, category), out var list) ? list : [];

    public IndicatorValue? Latest(string indicator, string domain, string region, string? category = null) =>
        Series(indicator, domain, region, category).LastOrDefault(v => v.Value is not null) ??
        Series(indicator, domain, region, category).LastOrDefault();

    public IndicatorValue? At(string indicator, string domain, string region, string period, string? category = null) =>
        Series(indicator, domain, region, category).FirstOrDefault(v => v.Period == period);

    /// <summary>The value one period before the given one in the same series.</summary>
    public IndicatorValue? Previous(IndicatorValue value)
    {
        if (!series.TryGetValue((value.Indicator, value.Domain, value.Region, value.Category), out var list)) return null;
        var i = list.IndexOf(value);
        return i > 0 ? list[i - 1] : null;
    }

    /// <summary>The register row a total or category value of an indicator falls under, of the given kind (NULL: any kind).</summary>
    public TargetRecord? TargetRow(string indicator, string domain, string region = "NL", string? category = null, string? soort = null) =>
        Targets.FirstOrDefault(t => t.Indicator == indicator && t.Domain == domain && t.Region == region &&
                                    (t.Category == category || (category is not null && t.Category == "*")) && (soort is null || t.Soort == soort));

    /// <summary>The actions aimed at an indicator of a domain, in register order.</summary>
    public IReadOnlyList<ActionRecord> ActionsFor(string indicator, string domain)
    {
        var ids = ActionLinks.Where(l => l.Indicator == indicator && (l.Domain is null || l.Domain == domain)).Select(l => l.ActieId).ToHashSet(StringComparer.Ordinal);
        return Actions.Where(a => ids.Contains(a.ActieId)).ToList();
    }

    public IndustryRecord? Industry(string code) => Industries.FirstOrDefault(i => i.Code == code);

    public bool Has(string indicator, string region) => Values.Any(v => v.Indicator == indicator && v.Region == region);

    /// <summary>The categories an indicator is broken down into (totals excluded), in a stable order.</summary>
    public IReadOnlyList<string> Categories(string indicator, string domain, string region) =>
        Values.Where(v => v.Indicator == indicator && v.Domain == domain && v.Region == region && v.Category is not null)
            .Select(v => v.Category!).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>All regions of a level that an indicator has a value for in a period.</summary>
    public IReadOnlyList<IndicatorValue> AcrossRegions(string indicator, string domain, string regionLevel, string period) =>
        Values.Where(v => v.Indicator == indicator && v.Domain == domain && v.RegionLevel == regionLevel && v.Period == period && v.Category is null)
            .OrderBy(v => v.Region, StringComparer.Ordinal).ToList();

    /// <summary>The as-of date the mart was built with, NULL when it used the latest vintages.</summary>
    public string? MartAsOf => Values.Select(v => v.AsOf).FirstOrDefault(a => a is not null);

    /// <summary>The most recent publication date among all values.</summary>
    public string? LatestVintage => Values.Select(v => v.Vintage).Where(v => v is not null).Max(StringComparer.Ordinal);

    public string? LatestVintageOf(string source) =>
        Values.Where(v => v.Source == source).Select(v => v.Vintage).Where(v => v is not null).Max(StringComparer.Ordinal);
}
