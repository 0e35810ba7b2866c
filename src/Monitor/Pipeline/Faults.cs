// How a fault is put in words for the ledger and the console, and the hooks that stop or simulate one.
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using Monitor.Pipeline.Resilience;

namespace Monitor.Pipeline;

public static class Faults
{
    /// <summary>
    /// One line saying what went wrong and where (the system's message names the file): a full disk and a permission
    /// problem are called that, whichever layer (.NET or DuckDB) noticed them.
    /// </summary>
    public static string Describe(Exception e)
    {
        var first = FirstLine(e.Message);
        return e switch
        {
            IOException io when IoErrors.IsDiskFull(io) => $"the disk is full ({first})",
            UnauthorizedAccessException => $"permission denied ({first})",
            DuckDBException when first.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) => $"the disk is full ({first})",
            DuckDBException when first.Contains("Permission denied", StringComparison.OrdinalIgnoreCase) => $"permission denied ({first})",
            _ => first,
        };
    }

    static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }

    /// <summary>Test seam: the exception a test throws to stop a run dead, as kill -9 would; the runner does not handle it.</summary>
    internal static bool IsSimulatedCrash(Exception e) => e is SimulatedCrashException;

    /// <summary>Interrupts the statement a connection is running (it then fails with an interrupt error); harmless when idle.</summary>
    public static void Interrupt(DuckDBConnection connection)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
                duckdb_interrupt(connection.NativeConnection.DangerousGetHandle());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or ObjectDisposedException or InvalidOperationException)
        {
            // Without the native call the step still stops at its next check of the token.
        }
    }

    [DllImport("duckdb")]
    static extern void duckdb_interrupt(IntPtr connection);
}

/// <summary>Thrown by tests through a seam to simulate the process dying at that point (no clean-up runs).</summary>
sealed class SimulatedCrashException(string where) : Exception($"simulated crash at {where}");
