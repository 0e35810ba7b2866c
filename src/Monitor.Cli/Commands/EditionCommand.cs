// `monitor edition`: makes a meeting's edition by hand (a meeting not in the calendar, or a rehearsal), with a run.
using System.CommandLine;
using System.Globalization;
using Monitor.Pipeline;
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Editions;
using Monitor.Pipeline.Scheduling;

namespace Monitor.Cli.Commands;

public static class EditionCommand
{
    public static Command Create()
    {
        var meeting = new Option<DateOnly?>("--meeting")
        {
            Description = "The date of the meeting (YYYY-MM-DD); the edition goes to <out>/editions/<date>/",
            Required = true,
            CustomParser = r => ParseDate(r, "--meeting"),
        };
        var kind = new Option<string?>("--kind")
        {
            Description = $"The kind of meeting: {string.Join(", ", Meeting.KnownKinds)}; default: the calendar's for that date, else koersoverleg",
        };
        kind.AcceptOnlyFromAmong([.. Meeting.KnownKinds]);
        var freezeDays = new Option<int?>("--freeze-days")
        {
            Description = "Freeze the data this many days before the meeting; default: the calendar's (meetings.freeze_days), else " +
                          MeetingCalendar.StandardFreezeDays.ToString(CultureInfo.InvariantCulture),
        };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "Freeze the data at this date instead (YYYY-MM-DD), e.g. today for a rehearsal into a scratch --out",
            CustomParser = r => ParseDate(r, "--as-of"),
        };
        var data = CommonOptions.Data();
        var @out = CommonOptions.Out();
        var generatedAt = CommonOptions.GeneratedAt();
        var pipeline = new Option<string?>("--pipeline")
        {
            Description = "Take paths, steps, regions and the meeting calendar from this pipeline file; --data and --out override it",
        };
        var command = new Command("edition",
            "Make a meeting's edition now: a run whose report and site are also made as of the freeze date into <out>/editions/<date>/; never replaces one")
        {
            meeting, kind, freezeDays, asOf, data, @out, generatedAt, pipeline,
        };
        command.SetAction((parse, ct) => Task.FromResult(Execute(parse, ct, meeting, kind, freezeDays, asOf, data, @out, generatedAt, pipeline)));
        return command;
    }

    static int Execute(ParseResult parse, CancellationToken ct, Option<DateOnly?> meetingOption, Option<string?> kindOption, Option<int?> freezeOption,
        Option<DateOnly?> asOfOption, Option<string> data, Option<string> @out, Option<DateTimeOffset?> generatedAt, Option<string?> pipeline)
    {
        RunRequest request;
        MeetingCalendar calendar;
        try
        {
            var file = parse.GetValue(pipeline);
            var definition = file is null ? null : PipelineDefinition.Load(file);
            request = definition is null ? new RunRequest() : StandardSteps.RequestFor(definition, RunTrigger.Manual);
            calendar = definition?.Meetings ?? MeetingCalendar.None;
        }
        catch (PipelineDefinitionException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        request = request with
        {
            DataDir = Given(parse, data) ? parse.GetValue(data)! : request.DataDir,
            OutDir = Given(parse, @out) ? parse.GetValue(@out)! : request.OutDir,
            GeneratedAt = parse.GetValue(generatedAt),
        };
        var date = parse.GetValue(meetingOption)!.Value;
        var inCalendar = calendar.On(date);
        var freeze = parse.GetValue(freezeOption) ?? inCalendar?.FreezeDays ?? calendar.DefaultFreezeDays;
        if (freeze is < 0 or > 365)
        {
            Console.Error.WriteLine($"error: --freeze-days expects a whole number of days from 0 to 365, got {freeze}");
            return ExitCodes.Usage;
        }
        var meeting = new Meeting(date, parse.GetValue(kindOption) ?? inCalendar?.Kind ?? "koersoverleg", freeze, parse.GetValue(asOfOption));
        var today = PipelineRunner.RunDay(DateTimeOffset.UtcNow);
        if (meeting.FreezeDate > today)
        {
            Console.Error.WriteLine($"error: the data of the meeting of {Meeting.Text(date)} is frozen on {Meeting.Text(meeting.FreezeDate)}, after today ({Meeting.Text(today)}): " +
                                    "an edition holds only data up to its freeze date, so it cannot be made yet. For a rehearsal pass --as-of with today's date " +
                                    "and an --out of its own (an edition is never replaced, so a rehearsal in the real output directory would keep the real one from being made)");
            return ExitCodes.Usage;
        }
        if (!request.Steps.Contains(PipelineSteps.Report))
        {
            Console.Error.WriteLine("error: the pipeline's steps have no report step, and an edition is a report; add report to steps");
            return ExitCodes.Usage;
        }
        var folder = MeetingEditions.PathOf(request.OutDir, date);
        if (Exists(request.OutDir, meeting) is { } existing)
        {
            Console.Error.WriteLine($"error: {existing}; an edition is made once and never replaced. Nothing was run. " +
                                    "For a rehearsal pass an --out of its own");
            return ExitCodes.EditionExists;
        }

        // The meeting joins the calendar of this run (replacing the calendar's entry for that date): the run makes it as it would any due edition.
        request = request with { Meetings = [.. request.Meetings.Where(m => m.Date != date), meeting] };
        var result = Steps.Runner().Run(request, new ConsoleRunObserver(), ct);
        if (result.ExitCode == ExitCodes.Usage)
        {
            Console.Error.WriteLine($"error: {result.Message}");
            return result.ExitCode;
        }
        Printing.RunSummary(result);
        if (result.ExitCode is not (ExitCodes.Success or ExitCodes.DataProblems))
        {
            if (result.ExitCode == ExitCodes.Failure) Console.Error.WriteLine($"error: run {result.RunId} failed: {result.Message}");
            Console.Error.WriteLine($"error: no edition was made for the meeting of {Meeting.Text(date)}");
            return result.ExitCode;
        }
        var manifest = Path.Combine(folder, MeetingEditions.ManifestFile);
        if (!File.Exists(manifest) || MeetingEditions.ReadManifest(manifest).RunId != result.RunId)
        {
            // Published, but without this edition: its checks blocked it (the run's editions step says why), or another run made it first.
            var why = result.Steps.FirstOrDefault(s => s.Name == MeetingEditions.StepName)?.Message ?? "see 'monitor status'";
            Console.Error.WriteLine($"error: run {result.RunId} did not make the edition for the meeting of {Meeting.Text(date)}: {why}");
            return File.Exists(manifest) ? ExitCodes.EditionExists : ExitCodes.Failure;
        }
        Console.WriteLine($"edition: {folder} ({meeting.Kind}, data as of {Meeting.Text(meeting.FreezeDate)})");
        return result.ExitCode;
    }

    /// <summary>What is there already for this meeting: its folder, or its row in the published warehouse; NULL when neither.</summary>
    static string? Exists(string outDir, Meeting meeting)
    {
        var folder = MeetingEditions.PathOf(outDir, meeting.Date);
        var manifest = Path.Combine(folder, MeetingEditions.ManifestFile);
        if (File.Exists(manifest))
        {
            var m = MeetingEditions.ReadManifest(manifest);
            return $"the edition for the meeting of {Meeting.Text(meeting.Date)} exists already in {folder} (made by run {m.RunId}, data as of {m.AsOf})";
        }
        if (Directory.Exists(folder) || File.Exists(folder))
            return $"{folder} exists already (it holds no {MeetingEditions.ManifestFile}, so it is no edition the monitor made, but it is not replaced either)";
        var published = Path.Combine(outDir, "warehouse.duckdb");
        if (!File.Exists(published)) return null;
        Monitor.Indicators.Edition? recorded;
        try
        {
            using var db = Monitor.Warehouse.WarehouseDb.OpenReadOnly(published);
            recorded = Monitor.Indicators.Changes.Editions(db.Connection).FirstOrDefault(e => e.EditionId == meeting.EditionId);
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            // Held by a running run: the run this command starts looks again under the lock, and never replaces an edition.
            return null;
        }
        return recorded is null ? null
            : $"the edition {recorded.EditionId} is recorded in {published} (made by run {recorded.RunId}), though its folder {folder} is missing";
    }

    static DateOnly? ParseDate(System.CommandLine.Parsing.ArgumentResult r, string option)
    {
        var text = r.Tokens.Single().Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        r.AddError($"{option} expects a date as YYYY-MM-DD, got '{text}'");
        return null;
    }

    static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };
}
