// Meeting editions: the report and site as they stood on a meeting's freeze date, made once by the first run on or
// after that date and kept in <out>/editions/<meeting date>/, never replaced. The runner calls three hooks: whether a
// due edition overrides the unchanged-input skip, the editions step after the other steps, and the move of the staged
// editions into place just before the run publishes.
using System.Globalization;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;
using Monitor.Indicators;
using Monitor.Pipeline.Publishing;
using Monitor.Reporting;
using Monitor.Reporting.Site;
using Monitor.Warehouse;
using Polly;

namespace Monitor.Pipeline.Editions;

public static class MeetingEditions
{
    /// <summary>The name of the step in the run ledger (meta.run_steps) and in last-run.json.</summary>
    public const string StepName = "editions";
    /// <summary>&lt;out&gt;/editions/&lt;meeting date&gt;/: outside reports/, which every run replaces.</summary>
    public const string Folder = "editions";
    /// <summary>What an edition folder says about itself: the meta.editions row and the values it printed.</summary>
    public const string ManifestFile = "edition.json";

    /// <summary>&lt;out&gt;/editions/&lt;meeting date&gt;.</summary>
    public static string PathOf(string outDir, DateOnly meetingDate) => Path.Combine(Path.GetFullPath(outDir), Folder, Meeting.Text(meetingDate));

    /// <summary>
    /// Hook before the unchanged-input skip: true when the run must go ahead anyway, because a meeting edition is due
    /// (or an edition folder is not yet recorded in the warehouse), or because the report is asked to compare with a given edition.
    /// </summary>
    public static bool OverridesSkip(RunRequest request, string outDir, string publishedDb, DateOnly today)
    {
        if (request.CompareWith is not null) return true;
        if (request.Meetings.Count == 0 && !Directory.Exists(Path.Combine(outDir, Folder))) return false;
        var recorded = RecordedIds(publishedDb);
        return Due(request, outDir, recorded, today).Count > 0 || Unrecorded(outDir, recorded).Count > 0;
    }

    /// <summary>
    /// Hook after the steps of a run that is going to publish: the editions step, or NULL when there is nothing to do.
    /// It makes each due edition in the run's work directory (editions/&lt;date&gt;/) and records it in the work warehouse.
    /// </summary>
    public static RunStep? Step(RunContext context, string outDir)
    {
        var today = PipelineRunner.RunDay(context.Clock());
        var recorded = Changes.Editions(context.Db.Connection).Select(e => e.EditionId).ToHashSet(StringComparer.Ordinal);
        var due = Due(context.Request, outDir, recorded, today);
        var unrecorded = Unrecorded(outDir, recorded);
        if (due.Count == 0 && unrecorded.Count == 0) return null;
        return (ctx, ct) =>
        {
            var notes = new List<string>();
            // First what an earlier run published without getting its warehouse published: the folder is the record.
            foreach (var manifest in unrecorded)
                notes.Add(Adopt(ctx.Db, manifest));
            var made = 0;
            foreach (var meeting in due)
            {
                ct.ThrowIfCancellationRequested();
                var (ok, note) = Make(ctx, meeting, ct);
                if (ok) made++;
                notes.Add(note);
            }
            return (made, string.Join("; ", notes));
        };
    }

    /// <summary>
    /// Hook just before the run publishes: moves each staged edition to &lt;out&gt;/editions/&lt;date&gt;/ by one rename, so an
    /// edition is there whole or not at all. An existing folder is never replaced. Its folder carries edition.json, so an edition
    /// moved into place by a run whose publish then failed is recorded by the next run.
    /// </summary>
    internal static IReadOnlyList<string> PublishStaged(string workDir, string outDir, IPublishFileSystem fs, ResiliencePipeline? retry = null)
    {
        var staged = Path.Combine(workDir, Folder);
        if (!Directory.Exists(staged)) return [];
        var target = Path.Combine(Path.GetFullPath(outDir), Folder);
        Directory.CreateDirectory(target);
        var moved = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(staged).Order(StringComparer.Ordinal))
        {
            var dest = Path.Combine(target, Path.GetFileName(dir));
            if (Directory.Exists(dest) || File.Exists(dest))
                throw new IOException($"cannot publish the edition {Path.GetFileName(dir)}: {dest} exists already, and an edition is never replaced. " +
                                      "Nothing was published; move that folder away only if it is not a published edition, then run again");
            (retry ?? ResiliencePipeline.Empty).Execute(() => fs.MoveDirectory(dir, dest));
            moved.Add(dest);
        }
        return moved;
    }

    /// <summary>
    /// The meetings whose edition is due: frozen on or before today (and not after the run's own --as-of), with no edition recorded
    /// and no folder in &lt;out&gt;/editions/. Only a run with the report step makes editions. Oldest first, so each compares with the one before.
    /// </summary>
    public static IReadOnlyList<Meeting> Due(RunRequest request, string outDir, IReadOnlySet<string> recorded, DateOnly today)
    {
        if (!request.Steps.Contains(PipelineSteps.Report)) return [];
        return request.Meetings
            .Where(m => m.FreezeDate <= today && (request.AsOf is null || m.FreezeDate <= request.AsOf))
            .Where(m => !recorded.Contains(m.EditionId) && !Directory.Exists(PathOf(outDir, m.Date)) && !File.Exists(PathOf(outDir, m.Date)))
            .OrderBy(m => m.Date)
            .ToList();
    }

    /// <summary>The manifests of edition folders whose edition the warehouse does not have (their run's publish did not complete).</summary>
    static List<string> Unrecorded(string outDir, IReadOnlySet<string> recorded)
    {
        var root = Path.Combine(Path.GetFullPath(outDir), Folder);
        if (!Directory.Exists(root)) return [];
        var result = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(dir, ManifestFile);
            if (!DateOnly.TryParseExact(Path.GetFileName(dir), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
            if (File.Exists(manifest) && !recorded.Contains(Meeting.EditionIdFor(date))) result.Add(manifest);
        }
        return result;
    }

    static HashSet<string> RecordedIds(string publishedDb)
    {
        if (!File.Exists(publishedDb)) return [];
        try
        {
            using var db = WarehouseDb.OpenReadOnly(publishedDb);
            return Changes.Editions(db.Connection).Select(e => e.EditionId).ToHashSet(StringComparer.Ordinal);
        }
        catch (DuckDBException)
        {
            // A warehouse another process holds: then nothing counts as recorded, and the run goes ahead and looks again under its lock.
            return [];
        }
    }

    /// <summary>
    /// Makes one meeting's edition in the work directory: a copy of the work warehouse gets the mart and checks as of the freeze
    /// date, the report (national and the run's regional editions) and the site are built from it, and the edition and its printed
    /// values are recorded in the work warehouse, to be published with it.
    /// </summary>
    static (bool Made, string Note) Make(RunContext ctx, Meeting meeting, CancellationToken ct)
    {
        var date = Meeting.Text(meeting.Date);
        var asOf = meeting.FreezeDate;
        var asOfText = Meeting.Text(asOf);
        var staged = Path.Combine(ctx.WorkDir, Folder, meeting.FolderName);
        var scratch = Path.Combine(ctx.WorkDir, $"edition-{meeting.FolderName}-warehouse");
        if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        Directory.CreateDirectory(scratch);
        try
        {
            // The run's own warehouse stays as the daily report has it; the edition is computed on a copy.
            ctx.Db.Connection.Execute("CHECKPOINT");
            var copy = Path.Combine(scratch, "warehouse.duckdb");
            File.Copy(ctx.Db.Path, copy);
            using var db = WarehouseDb.OpenForWrite(copy);
            IndicatorBuilder.Build(db, asOf);
            if (ctx.Request.Steps.Contains(PipelineSteps.Checks))
            {
                var blocking = CheckRunner.Run(db, ctx.RunId, asOf)
                    .Where(r => !r.Passed && ctx.Request.BlockingSeverities.Contains(r.Severity)).ToList();
                if (blocking.Count > 0)
                    return (false, $"{meeting.EditionId} not made: blocking data-quality checks failed on the data as of {asOfText} (" +
                                   string.Join("; ", blocking.Select(b => $"{b.Name}: {b.FailingRows} rows")) + "); the next run tries again");
            }
            ct.ThrowIfCancellationRequested();
            var generated = ctx.Request.GeneratedAt ?? ReportOptions.GenerationTime(ctx.Clock());
            var options = new ReportOptions
            {
                OutDir = staged, AsOf = asOf, GeneratedAt = generated, RunId = ctx.RunId,
                CompareWith = Changes.MeetingBaseline(db.Connection, meeting.Date, asOf, ctx.RunId),
                MeetingLine = $"Editie voor {Monitor.Reporting.Sections.ChangesSection.MeetingName(meeting.Kind)} van {DutchFormat.Date(meeting.Date)}",
            };
            var report = ReportBuilder.Build(db, options);
            foreach (var region in ctx.Request.ReportRegions)
            {
                ct.ThrowIfCancellationRequested();
                ReportBuilder.Build(db, options with { Region = region });
            }
            var pages = report.Pages;
            var site = "";
            if (ctx.Request.Steps.Contains(PipelineSteps.Site))
            {
                var built = SiteBuilder.Build(db, options, Path.Combine(staged, "site"), Path.Combine(staged, "reports"), ct);
                site = $" and site/ ({built.Pages} pages)";
            }
            var edition = new Edition
            {
                EditionId = meeting.EditionId, Kind = "meeting", MeetingDate = date, MeetingKind = meeting.Kind, AsOf = asOfText,
                GeneratedAt = generated.UtcDateTime, RunId = ctx.RunId,
            };
            var values = report.Printed
                .Select(v => new ManifestValue(v.Indicator, v.Domain, v.Period.ToString(), v.Region, v.Category, v.Value, v.Target, v.Status))
                .DistinctBy(v => (v.Indicator, v.Domain, v.Period, v.Region, v.Category)).ToList();
            WriteManifest(staged, edition, values);
            Changes.Record(ctx.Db.Connection, edition, values.Select(v => (v.Key, v.Value, v.Target, (string?)v.Status)));
            ctx.Observer.Info($"meeting edition {meeting.EditionId} ({meeting.Kind}, data as of {asOfText}): {pages} pages{site}");
            return (true, $"{meeting.EditionId} ({meeting.Kind}) as of {asOfText}: {Path.GetFileName(report.PdfPath)}, {pages} pages{site}, baseline {options.CompareWith}");
        }
        finally
        {
            try { if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    // ---- the edition's own record (edition.json) -------------------------------------------------------------

    public sealed record ManifestValue(string Indicator, string Domain, string Period, string Region, string? Category, double? Value, double? Target, string? Status)
    {
        internal ValueKey Key => new(Indicator, Domain, Period, Region, Category);
    }

    public sealed record Manifest(string EditionId, string Kind, string MeetingDate, string? MeetingKind, string AsOf, DateTime GeneratedAt, string RunId,
        IReadOnlyList<ManifestValue> Values);

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    static void WriteManifest(string dir, Edition e, IReadOnlyList<ManifestValue> values)
    {
        Directory.CreateDirectory(dir);
        var manifest = new Manifest(e.EditionId, e.Kind, e.MeetingDate!, e.MeetingKind, e.AsOf!, DateTime.SpecifyKind(e.GeneratedAt, DateTimeKind.Utc), e.RunId, values);
        File.WriteAllBytes(Path.Combine(dir, ManifestFile), JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
    }

    /// <summary>Reads an edition folder's edition.json.</summary>
    public static Manifest ReadManifest(string path) =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllBytes(path), Json) ?? throw new InvalidDataException($"{path} is empty");

    /// <summary>Records in the warehouse an edition that is on disk but not in meta.editions, exactly as its edition.json says.</summary>
    static string Adopt(WarehouseDb db, string manifestPath)
    {
        Manifest m;
        try
        {
            m = ReadManifest(manifestPath);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return $"{manifestPath} cannot be read ({e.Message}): that edition is left as it is and not recorded";
        }
        Changes.Record(db.Connection, new Edition
        {
            EditionId = m.EditionId, Kind = m.Kind, MeetingDate = m.MeetingDate, MeetingKind = m.MeetingKind, AsOf = m.AsOf,
            GeneratedAt = DateTime.SpecifyKind(m.GeneratedAt, DateTimeKind.Utc), RunId = m.RunId,
        }, m.Values.Select(v => (v.Key, v.Value, v.Target, v.Status)));
        return $"{m.EditionId} recorded from {manifestPath} (made by run {m.RunId}, whose publish did not complete)";
    }
}
