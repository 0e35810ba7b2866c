// `monitor explain`: one indicator value, its formula, the input cells it was computed from and
// the extract files (with vintages) those cells came from. Read-only.
using System.Text.RegularExpressions;
using Dapper;
using Monitor.Domain;
using Monitor.Warehouse;

namespace Monitor.Indicators;

/// <summary>Which value to explain. Left out: period = the latest, region = NL, category = the total, domain = every domain.</summary>
public sealed record ExplainRequest(string Indicator, string? Period = null, string? Region = null, string? Domain = null, string? Category = null);

/// <summary>A row of mart.indicator_values.</summary>
public sealed record IndicatorValue(
    string Indicator, string Domain, string Period, string PeriodType, int PeriodOrder,
    string Region, string RegionLevel, string? Category, double? Value, string Unit, double? Target,
    string Status, string? Label, double? Numerator, double? Denominator, string Source,
    DateOnly? Vintage, DateOnly? AsOf);

/// <summary>One input cell: a staging row (as placed in the value's region) with its lineage.</summary>
public sealed record ExplainInput(
    string Role, string Dataset, string Period, string InputRegion, string InputKey, string Measure,
    double? Value, string? ValueStatus, DateOnly Vintage, int ExtractId, long LineNumber, string? FileName);

/// <summary>An extract file that delivered inputs, with how many of them.</summary>
public sealed record ExtractRef(int ExtractId, string FileName, DateOnly Vintage, int InputCells);

/// <summary>The inputs of one role (e.g. numerator, werkzaam t-1) added up: what the formula was applied to.</summary>
public sealed record RoleTotal(string Role, string Measure, double Sum, int Cells, int NotDelivered);

/// <summary>
/// The row of the target register (ref.doelen) that covers a value: where it is (file, line), what it says, and the
/// base it was applied from (pad: the series' value in Basisjaar; boven_basis: the ten-year mean and its year count).
/// Target is the threshold it set for this value, null when the row could not be applied.
/// </summary>
public sealed record TargetRule(
    string Origin, int LineNumber, string Soort, double Waarde, int? Basisjaar, int? Doeljaar, string Bron,
    string? RegisterCategory, double? BaseValue, double? BaseMean, long BaseYears, double? Target);

/// <summary>One row of mart.indicator_revisions: the value as of a vintage date that changed it, and the files of that date.</summary>
public sealed record ValueRevision(DateOnly Vintage, string Change, double? Value, double? PreviousValue, IReadOnlyList<string> FileNames);

public sealed record ExplainedValue(IndicatorValue Value, IReadOnlyList<ExplainInput> Inputs, IReadOnlyList<ExtractRef> Extracts,
    TargetRule? Rule = null, IReadOnlyList<ValueRevision>? Revisions = null)
{
    /// <summary>The revision history of the value, oldest first (empty for a warehouse built before mart.indicator_revisions existed).</summary>
    public IReadOnlyList<ValueRevision> History => Revisions ?? [];

    public IReadOnlyList<RoleTotal> RoleTotals =>
        Inputs.GroupBy(i => (i.Role, i.Measure))
            .Select(g => new RoleTotal(g.Key.Role, g.Key.Measure, g.Sum(i => i.Value ?? 0), g.Count(), g.Count(i => i.ValueStatus is not null)))
            .ToList();
}

public sealed record ExplainResult(CatalogueEntry Indicator, DateOnly? AsOf, IReadOnlyList<ExplainedValue> Values);

/// <summary>The request cannot be answered from this warehouse (unknown code, no such value); the message says what exists.</summary>
public sealed class ExplainException(string message) : Exception(message);

public static class IndicatorExplainer
{
    static readonly Regex Parameter = new(@"\$([a-z_]+)", RegexOptions.CultureInvariant);

    public static ExplainResult Explain(WarehouseDb db, ExplainRequest request)
    {
        var catalogue = IndicatorCatalogue.FromWarehouse(db);
        var code = request.Indicator.Trim().ToLowerInvariant();
        var entry = catalogue.FirstOrDefault(c => c.Code == code)
            ?? throw new ExplainException(
                $"unknown indicator '{request.Indicator}'; known codes: {string.Join(", ", catalogue.Select(c => c.Code))}");

        // The inputs must be read with the vintages the mart was built with.
        var asOfs = db.Connection.Query<DateOnly?>("SELECT DISTINCT as_of FROM mart.indicator_values").ToList();
        var asOf = asOfs.Count == 1 ? asOfs[0] : null;
        db.SetAsOf(asOf);

        var period = request.Period is null ? null : NormalizePeriod(request.Period);
        var region = (request.Region ?? "NL").Trim().ToUpperInvariant();
        var domain = request.Domain?.Trim().ToLowerInvariant();
        var category = request.Category?.Trim().ToLowerInvariant();

        var values = db.Connection.Query<IndicatorValue>("""
            SELECT indicator AS Indicator, domain AS Domain, period AS Period, period_type AS PeriodType,
                   period_order AS PeriodOrder, region AS Region, region_level AS RegionLevel, category AS Category,
                   value AS Value, unit AS Unit, target AS Target, status AS Status, label AS Label,
                   numerator AS Numerator, denominator AS Denominator, source AS Source, vintage AS Vintage, as_of AS AsOf
            FROM mart.indicator_values
            WHERE indicator = $indicator
              AND ($domain IS NULL OR domain = $domain)
              AND region = $region
              AND lower(coalesce(category, '')) = coalesce($category, '')
              AND ($period IS NULL OR period = $period)
            QUALIFY $period IS NOT NULL OR period_order = max(period_order) OVER (PARTITION BY domain)
            ORDER BY domain
            """, new { indicator = code, domain, region, category, period }).ToList();

        if (values.Count == 0)
            throw new ExplainException(NotFoundMessage(db, code, period, region, domain, category));

        var hasRevisions = db.Connection.ExecuteScalar<long>(
            "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'mart' AND table_name = 'indicator_revisions' AND database_name = current_database()") > 0;
        var explained = values.Select(v => new ExplainedValue(v, Inputs(db, v), [], RuleOf(db, v), hasRevisions ? RevisionsOf(db, v) : [])).ToList();
        return new ExplainResult(entry, asOf, explained.Select(e => e with { Extracts = ExtractsOf(e.Inputs) }).ToList());
    }

    /// <summary>The register row applied to this value (the same view the mart was built from), if one covers it.</summary>
    static TargetRule? RuleOf(WarehouseDb db, IndicatorValue value) =>
        db.Connection.QueryFirstOrDefault<TargetRule>("""
            SELECT origin AS Origin, line_number AS LineNumber, soort AS Soort, waarde AS Waarde, basisjaar AS Basisjaar,
                   doeljaar AS Doeljaar, bron AS Bron, register_category AS RegisterCategory, base_value AS BaseValue,
                   base_mean AS BaseMean, base_years AS BaseYears, target AS Target
            FROM intermediate.int_target_applied
            WHERE indicator = $indicator AND domain = $domain AND period = $period AND region = $region
              AND category IS NOT DISTINCT FROM $category
            """, new { indicator = value.Indicator, domain = value.Domain, period = value.Period, region = value.Region, category = value.Category });

    /// <summary>The value's rows of mart.indicator_revisions, oldest first.</summary>
    static IReadOnlyList<ValueRevision> RevisionsOf(WarehouseDb db, IndicatorValue value) =>
        db.Connection.Query<(DateOnly Vintage, string Change, double? Value, double? Previous, string Files)>("""
                SELECT vintage, change, value, previous_value, array_to_string(file_names, chr(10))
                FROM mart.indicator_revisions
                WHERE indicator = $indicator AND domain = $domain AND period = $period AND region = $region
                  AND category IS NOT DISTINCT FROM $category
                ORDER BY vintage
                """, new { indicator = value.Indicator, domain = value.Domain, period = value.Period, region = value.Region, category = value.Category })
            .Select(r => new ValueRevision(r.Vintage, r.Change, r.Value, r.Previous,
                r.Files.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    static IReadOnlyList<ExplainInput> Inputs(WarehouseDb db, IndicatorValue value)
    {
        var sql = ExplainQueries.For(value.Indicator, value.Domain);
        if (sql is null) return [];
        var wrapped = $"""
            SELECT i.role AS Role, i.dataset AS Dataset, i.period AS Period, i.input_region AS InputRegion,
                   i.input_key AS InputKey, i.measure AS Measure, i.value AS Value, i.value_status AS ValueStatus,
                   i.vintage AS Vintage, i.extract_id AS ExtractId, i.line_number AS LineNumber, e.file_name AS FileName
            FROM (
            {sql}
            ) AS i
            LEFT JOIN meta.extracts AS e ON e.extract_id = i.extract_id
            ORDER BY i.period DESC,
                     CASE WHEN i.role LIKE 'numerator%' OR i.role LIKE '%(+)' THEN 0 ELSE 1 END,
                     i.role, i.measure, i.input_region, i.input_key
            """;
        var all = new Dictionary<string, object?>
        {
            ["period"] = value.Period,
            ["period_order"] = value.PeriodOrder,
            ["region"] = value.Region,
            ["domain"] = value.Domain,
            ["category"] = value.Category,
        };
        // Bind only the parameters the query names: DuckDB rejects unused ones.
        var used = new DynamicParameters();
        foreach (var name in Parameter.Matches(wrapped).Select(m => m.Groups[1].Value).Distinct())
            used.Add(name, all[name]);
        return db.Connection.Query<ExplainInput>(wrapped, used).ToList();
    }

    static IReadOnlyList<ExtractRef> ExtractsOf(IReadOnlyList<ExplainInput> inputs) =>
        inputs.GroupBy(i => (i.ExtractId, i.FileName, i.Vintage))
            .Select(g => new ExtractRef(g.Key.ExtractId, g.Key.FileName ?? $"(extract {g.Key.ExtractId})", g.Key.Vintage, g.Count()))
            .OrderBy(e => e.Vintage).ThenBy(e => e.FileName, StringComparer.Ordinal)
            .ToList();

    /// <summary>Accepts the period spellings of the extracts (2023JJ00, 2023KW01) and returns the mart's.</summary>
    public static string NormalizePeriod(string text) => Period.TryParse(text, out var period) ? period.ToString() : text.Trim();

    static string NotFoundMessage(WarehouseDb db, string code, string? period, string region, string? domain, string? category)
    {
        var available = db.Connection.Query<(string Domain, string Level, string First, string Last, long Regions, string? Categories)>("""
            SELECT domain, region_level, min(period), max(period), count(DISTINCT region),
                   string_agg(DISTINCT category, ', ' ORDER BY category)
            FROM mart.indicator_values
            WHERE indicator = $code
            GROUP BY domain, region_level
            ORDER BY domain, region_level
            """, new { code }).ToList();
        var asked = $"indicator {code}, domain {domain ?? "any"}, period {period ?? "latest"}, region {region}, category {category ?? "total"}";
        if (available.Count == 0)
            return $"no value for {asked}: mart.indicator_values has no rows for {code} (no input data loaded, or the mart was not built)";
        var lines = available.Select(a =>
            $"  {a.Domain}, {a.Level}: periods {a.First} .. {a.Last}, {a.Regions} region(s)" +
            (a.Categories is null ? "" : $", categories {a.Categories}"));
        return $"no value for {asked}. Available:\n{string.Join("\n", lines)}";
    }
}
