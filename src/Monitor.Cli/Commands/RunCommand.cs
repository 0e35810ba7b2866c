using System.CommandLine;

namespace Monitor.Cli.Commands;

// Placeholder while the skeleton is laid; replaced by the real command in the next commits.
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "not built yet");
        command.SetAction(_ => { Console.Error.WriteLine("not built yet"); return 1; });
        return command;
    }
}
