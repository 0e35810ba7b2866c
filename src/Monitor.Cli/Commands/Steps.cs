using Monitor.Pipeline;

namespace Monitor.Cli.Commands;

/// <summary>Plugs the implementations of the steps after ingest into a runner.</summary>
public static class Steps
{
    public static PipelineRunner Configure(PipelineRunner runner) => runner;
}
