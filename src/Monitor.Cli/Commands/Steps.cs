using Monitor.Pipeline;

namespace Monitor.Cli.Commands;

/// <summary>The runner the commands use: every standard step.</summary>
public static class Steps
{
    public static PipelineRunner Runner() => StandardSteps.Runner();
}
