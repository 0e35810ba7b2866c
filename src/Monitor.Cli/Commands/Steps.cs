using Monitor.Pipeline;
using Monitor.Pipeline.Resilience;

namespace Monitor.Cli.Commands;

/// <summary>The runner the commands use: every standard step.</summary>
public static class Steps
{
    public static PipelineRunner Runner(MonitorResilience? resilience = null) => StandardSteps.Runner(resilience: resilience);
}
