// The `monitor` program as a function of its arguments, so that tests run exactly what the command line runs.
using System.CommandLine;
using Monitor.Cli.Commands;
using Monitor.Pipeline;

namespace Monitor.Cli;

public static class CliApp
{
    public static RootCommand Root()
    {
        var root = new RootCommand("Monitor: the data pipeline of the Actieplan Groene en Digitale Banen monitor.");
        foreach (var command in CommandCatalog.All())
            root.Add(command);
        return root;
    }

    /// <summary>Parses and runs one command; anything the parser rejects is a usage error (exit code 2).</summary>
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
        return await parse.InvokeAsync();
    }
}
