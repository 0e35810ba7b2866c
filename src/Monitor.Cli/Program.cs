// The `monitor` command: argument parsing and printing only; the work happens in the Monitor library.
using System.CommandLine;
using Monitor.Cli.Commands;
using Monitor.Pipeline;

// Colour codes only for a terminal: logs and CI output stay readable.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Capabilities.Ansi = false;
    Spectre.Console.AnsiConsole.Profile.Width = 200;
}

var root = new RootCommand("Monitor: the data pipeline of the Actieplan Groene en Digitale Banen monitor.");
foreach (var command in CommandCatalog.All())
    root.Add(command);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run 'monitor --help' for usage.");
    return ExitCodes.Usage;
}
return await parse.InvokeAsync();
