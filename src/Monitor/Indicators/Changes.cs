// What changed since an earlier edition of the report: the current mart compared with the values that edition
// printed (meta.edition_values), and the deliveries rejected or overdue since. One comparison, used by the report's
// section "Wat is er veranderd" and by `monitor changes`. It only reads, so it works on a read-only connection.
using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;

namespace Monitor.Indicators;

/// <summary>One row of meta.editions.</summary>
public sealed class Edition
{
    public string EditionId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? MeetingDate { get; set; }
    /// <summary>koersoverleg, kerngroep or informatiebijeenkomst for a meeting edition; NULL for a daily report or an older warehouse.</summary>
    public string? MeetingKind { get; set; }
    public string? AsOf { get; set; }
    public DateTime GeneratedAt { get; set; }
    public string RunId { get; set; } = "";
}

/// <summary>A mart key: indicator, domain, period, region, category (NULL = the total).</summary>
public readonly record struct ValueKey(string Indicator, string Domain, string Period, string Region, string? Category)
{
    public (string, string, string, string?) Series => (Indicator, Domain, Region, Category);
}

/// <summary>A value of a period that the edition did not have yet, later than any it had for its series.</summary>
public sealed record NewPeriod(ValueKey Key, double? Value, string Unit);

/// <summary>A value the edition printed that the mart now has differently, and the files of the vintage that changed it.</summary>
public sealed record RevisedValue(ValueKey Key, double? OldValue, double? NewValue, string Unit, string? Vintage, IReadOnlyList<string> Files);

/// <summary>A KPI (a value with a target) whose status is not the one the edition printed.</summary>
public sealed record StatusChange(ValueKey Key, string OldStatus, string NewStatus, double? Value, string Unit);

/// <summary>A delivery rejected since the edition's run ('rejected'; up to the mart's as-of date when it has one), or a dataset overdue now that was not at the edition ('overdue').</summary>
public sealed record DeliveryProblem(string Kind, string Name, string? Source, string? Vintage, string? Reason);

public sealed record ChangeReport(
    Edition Baseline,
    bool MeetingExists,
    IReadOnlyList<NewPeriod> NewPeriods,
    IReadOnlyList<RevisedValue> Revised,
    IReadOnlyList<StatusChange> StatusChanges,
    IReadOnlyList<DeliveryProblem> Deliveries)
{
    public bool NothingChanged => NewPeriods.Count == 0 && Revised.Count == 0 && StatusChanges.Count == 0 && Deliveries.Count == 0;
}

/// <summary>A --since or --compare-with value that names no edition and is no date, or a date before every edition.</summary>
public sealed class BaselineException(string message) : Exception(message);

public static class Changes
{
    const double Tolerance = 1e-9;

    sealed class MartRow
    {
        public string Indicator { get; set; } = "";
        public string Domain { get; set; } = "";
        public string Period { get; set; } = "";
        public int PeriodOrder { get; set; }
        public string Region { get; set; } = "";
        public string? Category { get; set; }
        public double? Value { get; set; }
        public string Unit { get; set; } = "";
        public double? Target { get; set; }
        public string? Status { get; set; }
        public ValueKey Key => new(Indicator, Domain, Period, Region, Category);
    }

    sealed class EditionRow
    {
        public string Indicator { get; set; } = "";
        public string Domain { get; set; } = "";
        public string Period { get; set; } = "";
        public string Region { get; set; } = "";
        public string? Category { get; set; }
        public double? Value { get; set; }
        public double? Target { get; set; }
        public string? Status { get; set; }
        public ValueKey Key => new(Indicator, Domain, Period, Region, Category);
    }

    public static bool HasEditions(IDbConnection c) => TableExists(c, "meta", "editions") && TableExists(c, "meta", "edition_values");

    /// <summary>Every edition, oldest first.</summary>
    public static IReadOnlyList<Edition> Editions(IDbConnection c) => HasEditions(c)
        ? c.Query<Edition>($"""
            SELECT edition_id AS EditionId, kind, CAST(meeting_date AS VARCHAR) AS MeetingDate, {(HasMeetingKind(c) ? "meeting_kind" : "NULL")} AS MeetingKind,
                   CAST(as_of AS VARCHAR) AS AsOf, generated_at AS GeneratedAt, run_id AS RunId
            FROM meta.editions ORDER BY generated_at, run_id, edition_id
            """).ToList()
        : [];

    /// <summary>meta.editions.meeting_kind came with migration 013; a read-only warehouse from before it has no such column.</summary>
    static bool HasMeetingKind(IDbConnection c) =>
        c.ExecuteScalar<long>("""
            SELECT count(*) FROM information_schema.columns
            WHERE table_schema = 'meta' AND table_name = 'editions' AND column_name = 'meeting_kind'
            """) > 0;

    /// <summary>A baseline that means "compare with nothing": the report says there is no earlier edition.</summary>
    public const string NoBaseline = "none";

    /// <summary>
    /// The baseline of a meeting's edition: the edition of the meeting before it (by meeting date); for the first meeting, the latest
    /// report generated on or before its freeze date (a later one would show data the edition does not have); else
    /// <see cref="NoBaseline"/>. Editions of <paramref name="currentRun"/> do not count, except meeting editions it made before.
    /// </summary>
    public static string MeetingBaseline(IDbConnection c, DateOnly meetingDate, DateOnly freezeDate, string currentRun)
    {
        var all = Editions(c);
        var meetingText = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var previous = all.Where(e => e.Kind == "meeting" && e.MeetingDate is { } d && string.CompareOrdinal(d, meetingText) < 0)
            .OrderBy(e => e.MeetingDate, StringComparer.Ordinal).LastOrDefault();
        if (previous is not null) return previous.EditionId;
        var before = all.LastOrDefault(e => e.RunId != currentRun && e.Kind != "meeting" && DateOnly.FromDateTime(e.GeneratedAt) <= freezeDate);
        return before?.EditionId ?? NoBaseline;
    }

    /// <summary>
    /// The edition to compare with. <paramref name="currentRun"/> is the run whose mart is compared (its own edition is never the
    /// baseline); NULL means the run that published the warehouse (the latest succeeded run). Without <paramref name="since"/>: the
    /// latest meeting edition, else the latest other edition. With it: the edition of that id, or the latest generated on or before
    /// that date (yyyy-MM-dd). NULL when there is no edition to compare with.
    /// </summary>
    public static Edition? Baseline(IDbConnection c, string? currentRun, string? since)
    {
        var all = Editions(c);
        currentRun ??= CurrentRun(c);
        var others = all.Where(e => e.RunId != currentRun).ToList();
        if (since is null)
            return others.LastOrDefault(e => e.Kind == "meeting") ?? others.LastOrDefault();
        if (since.Trim() == NoBaseline) return null;
        var named = all.FirstOrDefault(e => e.EditionId == since.Trim());
        if (named is not null) return named;
        if (!DateOnly.TryParseExact(since.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new BaselineException($"'{since}' is neither an edition (see meta.editions: {string.Join(", ", all.Select(e => e.EditionId).DefaultIfEmpty("none yet"))}) nor a date yyyy-MM-dd");
        var onOrBefore = others.LastOrDefault(e => DateOnly.FromDateTime(e.GeneratedAt) <= date);
        return onOrBefore ?? throw new BaselineException($"{since}: no edition was generated on or before that date");
    }

    /// <summary>The comparison with the baseline (see <see cref="Baseline"/>); NULL when there is none.</summary>
    public static ChangeReport? Compare(IDbConnection c, string? currentRun = null, string? since = null)
    {
        if (!HasEditions(c) || !TableExists(c, "mart", "indicator_values")) return null;
        var baseline = Baseline(c, currentRun, since);
        if (baseline is null) return null;
        return Compare(c, baseline, Editions(c).Any(e => e.Kind == "meeting"));
    }

    static ChangeReport Compare(IDbConnection c, Edition baseline, bool meetingExists)
    {
        var mart = c.Query<MartRow>("""
            SELECT indicator, domain, period, period_order AS PeriodOrder, region, category, value, unit, target, status
            FROM mart.indicator_values
            ORDER BY indicator, domain, region, category NULLS FIRST, period_order, period
            """).ToList();
        var printed = c.Query<EditionRow>("""
            SELECT indicator, domain, period, region, category, value, target, status
            FROM meta.edition_values WHERE edition_id = $id
            """, new { id = baseline.EditionId }).ToList();
        var old = new Dictionary<ValueKey, EditionRow>();
        foreach (var p in printed) old.TryAdd(p.Key, p);

        // The order of a period, from the mart (the same for every region and category of an indicator and domain).
        var order = new Dictionary<(string, string, string), int>();
        foreach (var m in mart) order.TryAdd((m.Indicator, m.Domain, m.Period), m.PeriodOrder);
        var latestPrinted = new Dictionary<(string, string, string, string?), int>();
        foreach (var p in printed)
        {
            if (!order.TryGetValue((p.Indicator, p.Domain, p.Period), out var o)) continue;
            latestPrinted[p.Key.Series] = latestPrinted.TryGetValue(p.Key.Series, out var cur) ? Math.Max(cur, o) : o;
        }

        var history = RevisionFiles(c);
        var newPeriods = new List<NewPeriod>();
        var revised = new List<RevisedValue>();
        var statuses = new List<StatusChange>();
        foreach (var m in mart)
        {
            if (old.TryGetValue(m.Key, out var was))
            {
                if (Differs(was.Value, m.Value))
                {
                    var (vintage, files) = history.GetValueOrDefault(m.Key, (null, []));
                    revised.Add(new RevisedValue(m.Key, was.Value, m.Value, m.Unit, vintage, files));
                }
                if ((was.Target is not null || m.Target is not null) && was.Status is { } s && m.Status is { } n && s != n)
                    statuses.Add(new StatusChange(m.Key, s, n, m.Value, m.Unit));
            }
            else if (m.Value is not null && latestPrinted.TryGetValue(m.Key.Series, out var latest) && m.PeriodOrder > latest)
                newPeriods.Add(new NewPeriod(m.Key, m.Value, m.Unit));
        }
        return new ChangeReport(baseline, meetingExists, newPeriods, revised, statuses, Deliveries(c, baseline));
    }

    static bool Differs(double? a, double? b) =>
        a is null != b is null || (a is { } x && b is { } y && Math.Abs(x - y) > Tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))));

    /// <summary>Per key, the vintage and files of its latest row in mart.indicator_revisions: the delivery behind the current value.</summary>
    static Dictionary<ValueKey, (string? Vintage, IReadOnlyList<string> Files)> RevisionFiles(IDbConnection c)
    {
        var result = new Dictionary<ValueKey, (string?, IReadOnlyList<string>)>();
        if (!TableExists(c, "mart", "indicator_revisions")) return result;
        var rows = c.Query<(string Indicator, string Domain, string Period, string Region, string? Category, string Vintage, string? Files)>("""
            SELECT indicator, domain, period, region, category, CAST(vintage AS VARCHAR), array_to_string(file_names, '|')
            FROM mart.indicator_revisions
            QUALIFY row_number() OVER (PARTITION BY indicator, domain, period, region, category ORDER BY vintage DESC) = 1
            """);
        foreach (var r in rows)
            result[new ValueKey(r.Indicator, r.Domain, r.Period, r.Region, r.Category)] =
                (r.Vintage, string.IsNullOrEmpty(r.Files) ? [] : r.Files.Split('|'));
        return result;
    }

    /// <summary>
    /// Files rejected by a run after the baseline's, and the datasets overdue now that were not overdue at the baseline. Overdue is the
    /// rule of the check source_freshness (sql/checks/), judged on the date that check last ran; the check's own sample holds only its
    /// first five rows, so the rule is evaluated here for both dates: now over every extract, at the baseline over the extracts its run had.
    /// </summary>
    static List<DeliveryProblem> Deliveries(IDbConnection c, Edition baseline)
    {
        // A mart frozen at a date (a meeting's edition) speaks of the deliveries up to that date: a file dated after it was
        // never going to be in this edition, rejected or not. A file without a date in its name is always listed.
        var martAsOf = c.ExecuteScalar<string?>("SELECT CAST(max(as_of) AS VARCHAR) FROM mart.indicator_values");
        var result = c.Query<(string File, string? Source, string? Vintage, string? Reason)>("""
                SELECT file_name, source, CAST(vintage AS VARCHAR), reason FROM meta.extracts
                WHERE state = 'rejected' AND run_id > $run
                  AND (vintage IS NULL OR vintage <= COALESCE(CAST($as_of AS DATE), DATE '9999-12-31'))
                ORDER BY file_name
                """, new { run = baseline.RunId, as_of = martAsOf })
            .Select(r => new DeliveryProblem("rejected", r.File, r.Source, r.Vintage, r.Reason))
            .ToList();
        if (!TableExists(c, "meta", "datasets") || !TableExists(c, "meta", "check_results")) return result;
        var checkedOn = c.ExecuteScalar<string?>(
            "SELECT CAST(max(checked_at) AS DATE)::VARCHAR FROM meta.check_results WHERE check_name = 'source_freshness'");
        if (checkedOn is null) return result;
        var before = Overdue(c, baseline.RunId, baseline.AsOf,
            c.ExecuteScalar<string?>("SELECT CAST(max(checked_at) AS DATE)::VARCHAR FROM meta.check_results WHERE check_name = 'source_freshness' AND run_id = $run",
                new { run = baseline.RunId }) ?? baseline.GeneratedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        result.AddRange(Overdue(c, null, martAsOf, checkedOn).Where(o => !before.Contains(o.Name)));
        return result;
    }

    /// <summary>The datasets overdue on <paramref name="today"/> given the extracts of runs up to <paramref name="upToRun"/> (NULL: all).</summary>
    static IEnumerable<DeliveryProblem> Overdue(IDbConnection c, string? upToRun, string? asOf, string today) =>
        c.Query<(string Name, string? Latest, string Problem)>("""
            WITH latest AS (
                SELECT source, dataset, max(vintage) AS latest_vintage
                FROM meta.extracts
                WHERE state = 'loaded' AND ($run IS NULL OR run_id <= $run)
                  AND vintage <= COALESCE(CAST($as_of AS DATE), DATE '9999-12-31')
                GROUP BY source, dataset
            )
            SELECT x.name, CAST(l.latest_vintage AS VARCHAR),
                   CASE WHEN l.latest_vintage IS NULL THEN 'never loaded' ELSE 'stale' END
            FROM meta.datasets AS x
            LEFT JOIN latest AS l ON l.source = x.source AND l.dataset = x.dataset
            WHERE (l.latest_vintage IS NULL AND NOT x.optional)
               OR l.latest_vintage < CAST($today AS DATE) - INTERVAL (x.max_age_months) MONTH
            ORDER BY x.name
            """, new { run = upToRun, as_of = asOf, today })
            .Select(r => new DeliveryProblem("overdue", r.Name, null, r.Latest, r.Problem));

    /// <summary>The run that published the warehouse: the latest that succeeded.</summary>
    static string? CurrentRun(IDbConnection c) => TableExists(c, "meta", "runs")
        ? c.ExecuteScalar<string?>("SELECT run_id FROM meta.runs WHERE status LIKE 'succeeded%' ORDER BY started_at DESC, run_id DESC LIMIT 1")
        : null;

    static bool TableExists(IDbConnection c, string schema, string table) =>
        c.ExecuteScalar<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = $schema AND table_name = $table",
            new { schema, table }) > 0;

    // ---- recording -----------------------------------------------------------------------------------

    /// <summary>The id of a run's daily edition.</summary>
    public static string DailyEditionId(string runId) => "daily-" + runId;

    /// <summary>
    /// Records an edition and the values it printed (distinct by key) in the run's work warehouse, so they are published with it.
    /// Recording the same edition again replaces it.
    /// </summary>
    public static void Record(IDbConnection c, Edition edition, IEnumerable<(ValueKey Key, double? Value, double? Target, string? Status)> values)
    {
        using var tx = c.BeginTransaction();
        c.Execute("DELETE FROM meta.edition_values WHERE edition_id = $id; DELETE FROM meta.editions WHERE edition_id = $id;",
            new { id = edition.EditionId }, tx);
        c.Execute("""
            INSERT INTO meta.editions (edition_id, kind, meeting_date, as_of, generated_at, run_id)
            VALUES ($id, $kind, CAST($meeting AS DATE), CAST($as_of AS DATE), $generated, $run)
            """, new { id = edition.EditionId, kind = edition.Kind, meeting = edition.MeetingDate, as_of = edition.AsOf, generated = edition.GeneratedAt, run = edition.RunId }, tx);
        if (edition.MeetingKind is not null)
            c.Execute("UPDATE meta.editions SET meeting_kind = $meeting_kind WHERE edition_id = $id", new { id = edition.EditionId, meeting_kind = edition.MeetingKind }, tx);
        var seen = new HashSet<ValueKey>();
        foreach (var v in values)
        {
            if (!seen.Add(v.Key)) continue;
            c.Execute("""
                INSERT INTO meta.edition_values (edition_id, indicator, domain, period, region, category, value, target, status)
                VALUES ($id, $indicator, $domain, $period, $region, $category, $value, $target, $status)
                """, new
            {
                id = edition.EditionId, indicator = v.Key.Indicator, domain = v.Key.Domain, period = v.Key.Period, region = v.Key.Region,
                category = v.Key.Category, value = v.Value, target = v.Target, status = v.Status,
            }, tx);
        }
        tx.Commit();
    }
}
