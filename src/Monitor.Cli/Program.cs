// The `monitor` command: argument parsing and printing only; the work happens in the Monitor library.
using Monitor.Cli;

// Colour codes only for a terminal: logs and CI output stay readable.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Capabilities.Ansi = false;
    Spectre.Console.AnsiConsole.Profile.Width = 200;
}

return await CliApp.RunAsync(args);
