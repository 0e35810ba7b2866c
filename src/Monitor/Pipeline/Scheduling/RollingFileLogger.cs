// Log lines for the scheduler (and anything else that logs): a dated file per day, kept for a number of days,
// and the same lines on a text writer (stderr, which systemd's journal captures).
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Monitor.Pipeline.Scheduling;

static class LogLines
{
    public static string Format(DateTimeOffset localTime, LogLevel level, string category, string message, Exception? exception)
    {
        var text = new StringBuilder()
            .Append(localTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture))
            .Append(' ').Append(Level(level)).Append(' ')
            .Append(ShortCategory(category)).Append(": ")
            .Append(message);
        if (exception is not null)
            foreach (var line in exception.ToString().Split('\n'))
                text.Append(Environment.NewLine).Append("    ").Append(line.TrimEnd('\r'));
        return text.ToString();
    }

    static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO ",
        LogLevel.Warning => "WARN ",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "     ",
    };

    static string ShortCategory(string category) => category.StartsWith("Monitor.", StringComparison.Ordinal) ? category[8..] : category;
}

/// <summary>
/// Writes &lt;directory&gt;/&lt;prefix&gt;-YYYYMMDD.log (the local date of the clock), switching files at midnight and
/// deleting files of the same prefix whose date is more than <c>retainDays</c> days old. Each line is flushed at
/// once, so a crash loses nothing that was logged and `tail -f` shows it as it happens.
/// </summary>
public sealed class RollingFileLoggerProvider : ILoggerProvider
{
    readonly string directory;
    readonly string prefix;
    readonly int retainDays;
    readonly TimeProvider clock;
    readonly LogLevel minimum;
    readonly object gate = new();
    StreamWriter? writer;
    DateOnly? currentDate;

    public RollingFileLoggerProvider(string directory, string prefix = "monitor", int retainDays = 14, TimeProvider? clock = null, LogLevel minimum = LogLevel.Information)
    {
        if (retainDays < 1) throw new ArgumentOutOfRangeException(nameof(retainDays), retainDays, "keep at least one day of logs");
        this.directory = Path.GetFullPath(directory);
        this.prefix = prefix;
        this.retainDays = retainDays;
        this.clock = clock ?? TimeProvider.System;
        this.minimum = minimum;
    }

    /// <summary>The file today's lines go to.</summary>
    public string CurrentPath => PathFor(DateOnly.FromDateTime(LocalNow().DateTime));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        lock (gate)
        {
            writer?.Dispose();
            writer = null;
        }
    }

    string PathFor(DateOnly date) => Path.Combine(directory, $"{prefix}-{date:yyyyMMdd}.log");

    DateTimeOffset LocalNow() => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone);

    void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var now = LocalNow();
        var line = LogLines.Format(now, level, category, message, exception);
        var today = DateOnly.FromDateTime(now.DateTime);
        lock (gate)
        {
            try
            {
                if (writer is null || currentDate != today)
                {
                    writer?.Dispose();
                    Directory.CreateDirectory(directory);
                    var stream = new FileStream(PathFor(today), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                    writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
                    currentDate = today;
                    Prune(today);
                }
                writer.WriteLine(line);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Logging must never take the scheduler down; the same line still goes to stderr.
                writer?.Dispose();
                writer = null;
            }
        }
    }

    void Prune(DateOnly today)
    {
        var oldestKept = today.AddDays(-(retainDays - 1));
        foreach (var file in Directory.EnumerateFiles(directory, prefix + "-*.log"))
        {
            var stamp = Path.GetFileNameWithoutExtension(file)[(prefix.Length + 1)..];
            if (DateOnly.TryParseExact(stamp, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date < oldestKept)
                File.Delete(file);
        }
    }

    sealed class Logger(RollingFileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                provider.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}

/// <summary>The same log lines on a text writer, normally stderr.</summary>
public sealed class TextWriterLoggerProvider(TextWriter output, TimeProvider? clock = null, LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    readonly TimeProvider clock = clock ?? TimeProvider.System;
    readonly TextWriter output = output;
    readonly LogLevel minimum = minimum;
    readonly object gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    sealed class Logger(TextWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var now = TimeZoneInfo.ConvertTime(provider.clock.GetUtcNow(), provider.clock.LocalTimeZone);
            var line = LogLines.Format(now, logLevel, category, formatter(state, exception), exception);
            lock (provider.gate) provider.output.WriteLine(line);
        }
    }
}
