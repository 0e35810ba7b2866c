using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using Monitor.Pipeline;
using Monitor.Serving;

namespace Monitor.Cli.Commands;

/// <summary>`monitor serve`: previews the published site on http://127.0.0.1:PORT/ until Ctrl-C.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var @out = CommonOptions.Out();
        var port = new Option<int>("--port")
        {
            Description = "Port on 127.0.0.1 (0 picks a free one and prints it)",
            DefaultValueFactory = _ => 8080,
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 65535) return n;
                r.AddError($"--port expects a number from 0 to 65535, got '{text}'");
                return 0;
            },
        };
        var command = new Command("serve", "Serve the published site (<out>/site/) on 127.0.0.1 for a preview, until Ctrl-C") { @out, port };
        // System.CommandLine cancels the token on Ctrl-C (SIGINT) and SIGTERM; stopping takes milliseconds.
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(@out)!, parse.GetValue(port), cancel));
        return command;
    }

    public static async Task<int> RunAsync(string outDir, int port, CancellationToken cancel)
    {
        var site = Path.Combine(outDir, "site");
        if (!Directory.Exists(site))
        {
            Console.Error.WriteLine($"error: no site published in {outDir}: run 'monitor run' first");
            return ExitCodes.Usage;
        }

        StaticSiteServer server;
        try
        {
            server = StaticSiteServer.Start(site, port, r => Console.WriteLine($"{r.Status} {r.Method} {r.Target}"));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            Console.Error.WriteLine($"error: port {port} on 127.0.0.1 is in use: choose another with --port N, or --port 0 for a free one");
            return ExitCodes.Usage;
        }

        await using (server)
        {
            Console.WriteLine($"Serving {server.Root} at {server.Url}");
            Console.WriteLine("Reachable from this machine only. Press Ctrl-C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
            }
            await server.StopAsync();
            Console.WriteLine("Stopped.");
        }
        return ExitCodes.Success;
    }
}
