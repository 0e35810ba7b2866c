// Small helpers for the operations tests: clocks set to chosen dates, a log recorder, waiting without timing.
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Monitor.Tests.Pipeline;

/// <summary>A clock that stands still until the test moves it.</summary>
sealed class ManualClock(DateTimeOffset now, TimeZoneInfo? localZone = null) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => localZone ?? TimeZoneInfo.Utc;
    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>A clock that runs at normal speed from a chosen start, for code that also waits (Quartz).</summary>
sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    readonly Stopwatch elapsed = Stopwatch.StartNew();
    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + elapsed.Elapsed;
}

/// <summary>Keeps every log line, so tests can assert what an operator would read.</summary>
sealed class RecordingLogger : ILogger
{
    readonly List<(LogLevel Level, string Message)> entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get { lock (entries) return entries.ToList(); }
    }

    public IReadOnlyList<string> Messages => Entries.Select(e => e.Message).ToList();

    public bool Contains(string text) => Messages.Any(m => m.Contains(text, StringComparison.Ordinal));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (entries) entries.Add((logLevel, formatter(state, exception)));
    }
}

static class Wait
{
    /// <summary>Polls until the condition holds; a guard against hanging, not a timing assertion.</summary>
    public static void Until(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(seconds))
                NUnit.Framework.Assert.Fail($"gave up waiting for {what}");
            Thread.Sleep(20);
        }
    }

    public static async Task<T> For<T>(Task<T> task, string what, int seconds = 20)
    {
        var done = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        if (done != task) NUnit.Framework.Assert.Fail($"gave up waiting for {what}");
        return await task;
    }
}
