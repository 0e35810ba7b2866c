// The `monitor` program as a function of its arguments, so that tests run exactly what the command line runs.
using System.CommandLine;
using Monitor.Cli.Commands;
using Monitor.Pipeline;

namespace Monitor.Cli;

public static class CliApp
{
    /// <summary>Prints the stack trace of an unexpected error as well (every command accepts it).</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "On an unexpected error, print its stack trace too", Recursive = true };

    public static RootCommand Root()
    {
        var root = new RootCommand("Monitor: the data pipeline of the Actieplan Groene en Digitale Banen monitor.");
        root.Add(Verbose);
        foreach (var command in CommandCatalog.All())
            root.Add(command);
        return root;
    }

    /// <summary>
    /// Parses and runs one command; anything the parser rejects is a usage error (exit code 2). An exception no command
    /// handled becomes one line on stderr naming the command and what went wrong (the stack trace only with --verbose)
    /// and exit code 1; a run has recorded its own failure in the ledger before it gets here.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Root().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run 'monitor --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var command = parse.CommandResult.Command.Name;
            Console.Error.WriteLine($"error: monitor {command} failed: {Faults.Describe(e)} ({e.GetType().Name})" +
                                    (parse.GetValue(Verbose) ? "" : "; --verbose prints the stack trace"));
            if (parse.GetValue(Verbose)) Console.Error.WriteLine(e.ToString());
            return ExitCodes.Failure;
        }
    }
}
