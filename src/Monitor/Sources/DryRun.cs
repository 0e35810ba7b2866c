namespace Monitor.Sources;

/// <summary>The checks of a run without a warehouse: what `monitor validate` does.</summary>
public static class DryRun
{
    public static IReadOnlyList<ExtractValidation> Validate(string dataDir, double badRowThreshold)
    {
        var reference = ReferenceLoader.Load(dataDir);
        var validator = new ExtractValidator(reference.Data, badRowThreshold);
        return ExtractDiscovery.Discover(dataDir).Select(validator.Validate).ToList();
    }
}
