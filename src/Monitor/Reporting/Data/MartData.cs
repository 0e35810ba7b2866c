// Everything the report reads from the warehouse, loaded once: the indicator mart, its catalogue and
// the run, extract, quarantine and check ledgers, the target register, the action register and the
// industries. Only the tables of the mart contract are read; a table a warehouse does not have yet
// (pillars 3 and 4 came later) is read as empty, never as an error.
using Dapper;
using Monitor.Domain;
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
        var values = c.Query<MartRow>($"""
            SELECT indicator, domain, period, period_type AS PeriodType, period_order AS PeriodOrder, region,
                   region_level AS RegionLevel, category, value, unit, target, status, label, numerator, denominator,
                   source, vintage, as_of AS AsOf, {provisionalColumn} AS Provisional
            FROM mart.indicator_values
            ORDER BY indicator, domain, region, category NULLS FIRST, period_order, period
            """).Select(r => r.ToValue()).ToList();

        var catalogue = TableExists(db, "mart", "indicator_catalogue")
            ? c.Query<CatalogueEntry>("SELECT code, naam, beschrijving, pijler, unit, formule, bron, definitie, doelregel FROM mart.indicator_catalogue ORDER BY code")
                .GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.First())
            : new Dictionary<string, CatalogueEntry>();

        var extracts = c.Query<ExtractRecord>("""
            SELECT file_name AS FileName, source, dataset, vintage, rows_total AS RowsTotal,
                   rows_loaded AS RowsLoaded, rows_quarantined AS RowsQuarantined, state, reason, run_id AS RunId
            FROM meta.extracts
            WHERE $as_of IS NULL OR vintage IS NULL OR vintage <= CAST($as_of AS DATE)
            ORDER BY state, source NULLS LAST, dataset NULLS LAST, vintage NULLS LAST, file_name
            """, new { as_of = asOf?.ToDateTime(TimeOnly.MinValue) }).ToList();

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

        var lastRun = c.Query<(string RunId, DateTime StartedAt, string Status, DateOnly? AsOf)>("""
            SELECT run_id, started_at, status, as_of
            FROM meta.runs ORDER BY started_at DESC, run_id DESC LIMIT 1
            """).Select(ToRunRecord).FirstOrDefault();

        var targets = TableExists(db, "ref", "doelen")
            ? c.Query<TargetRecord>("""
                SELECT indicator, domain, region, category, soort, waarde, basisjaar, doeljaar, bron
                FROM ref.doelen ORDER BY indicator, domain, region, category NULLS FIRST, basisjaar NULLS FIRST
                """).ToList()
            : [];
        var actions = TableExists(db, "mart", "acties")
            ? c.Query<ActionRecord>("""
                SELECT actie_id AS ActieId, pijler, maatregel, eigenaar, status, start,
                       gepland_gereed AS GeplandGereed, gereed,
                       coalesce(achter_schema, false) AS AchterSchema, coalesce(op_schema, false) AS OpSchema,
                       vintage
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

    static RunRecord ToRunRecord((string RunId, DateTime StartedAt, string Status, DateOnly? AsOf) r) => new()
    {
        RunId = r.RunId,
        StartedAt = new DateTimeOffset(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc)),
        Status = Monitor.Pipeline.LedgerValues.TryRunStateFromLedgerValue(r.Status, out var state) ? state : null,
        StatusWord = r.Status,
        AsOf = r.AsOf,
    };

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
            list.Sort((a, b) => a.PeriodOrder != b.PeriodOrder ? a.PeriodOrder.CompareTo(b.PeriodOrder) : a.Period.CompareTo(b.Period));
    }

    /// <summary>The values of one indicator for one domain, region and category (NULL: the total), oldest first.</summary>
    public IReadOnlyList<IndicatorValue> Series(string indicator, string domain, string region, string? category = null) =>
        series.TryGetValue((indicator, domain, region, category), out var list) ? list : [];

    public IndicatorValue? Latest(string indicator, string domain, string region, string? category = null) =>
        Series(indicator, domain, region, category).LastOrDefault(v => v.Value is not null) ??
        Series(indicator, domain, region, category).LastOrDefault();

    public IndicatorValue? At(string indicator, string domain, string region, Period period, string? category = null) =>
        Series(indicator, domain, region, category).FirstOrDefault(v => v.Period == period);

    /// <summary>The value of a period given in the warehouse's notation (as the edition ledger keeps it); none for text that is no period.</summary>
    public IndicatorValue? At(string indicator, string domain, string region, string period, string? category = null) =>
        Period.TryParse(period, out var p) ? At(indicator, domain, region, p, category) : null;

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
    public IReadOnlyList<IndicatorValue> AcrossRegions(string indicator, string domain, RegionLevel regionLevel, Period period) =>
        Values.Where(v => v.Indicator == indicator && v.Domain == domain && v.RegionLevel == regionLevel && v.Period == period && v.Category is null)
            .OrderBy(v => v.Region, StringComparer.Ordinal).ToList();

    /// <summary>The as-of date the mart was built with, NULL when it used the latest vintages.</summary>
    public DateOnly? MartAsOf => Values.Select(v => v.AsOf).FirstOrDefault(a => a is not null);

    /// <summary>The most recent publication date among all values.</summary>
    public DateOnly? LatestVintage => Values.Max(v => v.Vintage);

    public DateOnly? LatestVintageOf(string source) => Values.Where(v => v.Source == source).Max(v => v.Vintage);

    /// <summary>
    /// A row of mart.indicator_values as DuckDB hands it over: the dates are DATE columns read as dates; the period and
    /// the region level are text, turned into their types here through their one conversion (Domain.Period, RegionLevels).
    /// </summary>
    sealed class MartRow
    {
        public string Indicator { get; set; } = "";
        public string Domain { get; set; } = "";
        public string Period { get; set; } = "";
        public string PeriodType { get; set; } = "";
        public int PeriodOrder { get; set; }
        public string Region { get; set; } = "";
        public string RegionLevel { get; set; } = "";
        public string? Category { get; set; }
        public double? Value { get; set; }
        public string Unit { get; set; } = "";
        public double? Target { get; set; }
        public string Status { get; set; } = "";
        public string? Label { get; set; }
        public double? Numerator { get; set; }
        public double? Denominator { get; set; }
        public string Source { get; set; } = "";
        public DateOnly? Vintage { get; set; }
        public DateOnly? AsOf { get; set; }
        public bool Provisional { get; set; }

        public IndicatorValue ToValue() => new()
        {
            Indicator = Indicator,
            Domain = Domain,
            Period = Monitor.Domain.Period.TryParse(Period, Monitor.Domain.Period.KindOf(PeriodType), out var p) ? p
                : throw new ReportException($"mart.indicator_values has period '{Period}' for {Indicator} ({Domain}, {Region}), which is no {PeriodType}"),
            PeriodOrder = PeriodOrder,
            Region = Region,
            RegionLevel = RegionLevels.FromSql(RegionLevel),
            Category = Category,
            Value = Value,
            Unit = Unit,
            Target = Target,
            Status = Status,
            Label = Label,
            Numerator = Numerator,
            Denominator = Denominator,
            Source = Source,
            Vintage = Vintage,
            AsOf = AsOf,
            Provisional = Provisional,
        };
    }
}
