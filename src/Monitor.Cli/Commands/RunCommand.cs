using System.CommandLine;
using Monitor.Pipeline;

namespace Monitor.Cli.Commands;

/// <summary>`monitor run`: the main job (ingest, indicators, checks, report, export, publish).</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var @out = CommonOptions.Out();
        var asOf = CommonOptions.AsOf();
        var threshold = CommonOptions.Threshold();
        var generatedAt = CommonOptions.GeneratedAt();
        var force = new Option<bool>("--force") { Description = "Rebuild even when the input is unchanged since the last published run" };
        var command = new Command("run", "Run the pipeline once: load new extracts, compute indicators, check, report, publish")
        {
            data, @out, asOf, threshold, generatedAt, force,
        };
        command.SetAction((parse, ct) =>
        {
            var request = new RunRequest
            {
                DataDir = parse.GetValue(data)!,
                OutDir = parse.GetValue(@out)!,
                AsOf = parse.GetValue(asOf),
                BadRowThreshold = parse.GetValue(threshold),
                GeneratedAt = parse.GetValue(generatedAt),
                Force = parse.GetValue(force),
            };
            if (request.BadRowThreshold is < 0 or > 1)
            {
                Console.Error.WriteLine($"error: --bad-row-threshold must be between 0 and 1, got {request.BadRowThreshold}");
                return Task.FromResult(ExitCodes.Usage);
            }
            var runner = Steps.Runner();
            var result = runner.Run(request, new ConsoleRunObserver(), ct);
            Printing.RunSummary(result);
            return Task.FromResult(result.ExitCode);
        });
        return command;
    }
}
