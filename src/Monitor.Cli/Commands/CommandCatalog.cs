using System.CommandLine;

namespace Monitor.Cli.Commands;

/// <summary>Every subcommand of `monitor`, one file each in this folder.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        RunCommand.Create(),
        ValidateCommand.Create(),
        StatusCommand.Create(),
        QueryCommand.Create(),
        GenerateCommand.Create(),
        IndicatorsCommand.Create(),
        ExplainCommand.Create(),
        ChangesCommand.Create(),
        EditionCommand.Create(),
        ExportCommand.Create(),
        ScheduleCommand.Create(),
        ReportCommand.Create(),
        SiteCommand.Create(),
        ServeCommand.Create(),
    ];
}
