using Monitor.Tests.Support;

namespace Monitor.Tests.Browser;

/// <summary>
/// What the browser tests need from the machine: the system Chromium and axe-core from tests/browser/node_modules.
/// On a developer's machine a missing one skips the test with a message saying how to install it; with CI=true it
/// fails the test, so that CI never passes by skipping its browser tests.
/// </summary>
public static class BrowserRequirements
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>/usr/bin/chromium, or the MONITOR_CHROMIUM environment variable where a developer keeps it elsewhere.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("MONITOR_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    /// <summary>axe-core's browser bundle as `npm ci` in tests/browser/ installs it.</summary>
    public static string AxePath => Path.Combine(Fixtures.RepoRoot, "tests", "browser", "node_modules", "axe-core", "axe.min.js");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public enum Verdict { Present, Skip, Fail }

    /// <summary>The rule in one place: present is fine; missing skips, except in CI where it fails.</summary>
    public static Verdict Judge(bool present, bool inCi) => present ? Verdict.Present : inCi ? Verdict.Fail : Verdict.Skip;

    /// <summary>The Chromium executable; skips or fails the current test (see the class summary) when it is missing.</summary>
    public static string RequireChromium()
    {
        var path = ChromiumPath;
        Enforce(File.Exists(path), $"chromium not found at {path}: apt-get install chromium");
        return path;
    }

    /// <summary>The axe-core bundle; skips or fails the current test when it is missing.</summary>
    public static string RequireAxe()
    {
        var path = AxePath;
        Enforce(File.Exists(path), $"axe-core not found at {path}: run 'npm ci' in tests/browser");
        return path;
    }

    static void Enforce(bool present, string message)
    {
        switch (Judge(present, InCi))
        {
            case Verdict.Skip:
                Assert.Ignore(message);
                break;
            case Verdict.Fail:
                Assert.Fail($"{message} (CI=true: a missing browser or axe-core is a failure, not a skip)");
                break;
        }
    }
}
