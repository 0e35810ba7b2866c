using Spectre.Console;

namespace Monitor.Tests.Support;

/// <summary>Runs the `monitor` program in-process with its console output captured.</summary>
public static class MonitorCli
{
    static readonly object ConsoleGate = new();

    static IAnsiConsole ConsoleOver(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Out = new AnsiConsoleOutput(writer),
    });

    public static (int ExitCode, string Out, string Error) Invoke(params string[] args)
    {
        lock (ConsoleGate)
        {
            var (stdout, stderr) = (Console.Out, Console.Error);
            using var o = new StringWriter();
            using var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            // Spectre.Console keeps the writer it was created with; point it at the capture and back afterwards.
            AnsiConsole.Console = ConsoleOver(o);
            try
            {
                var exit = Monitor.Cli.CliApp.RunAsync(args).GetAwaiter().GetResult();
                return (exit, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
                AnsiConsole.Console = ConsoleOver(stdout);
            }
        }
    }
}
