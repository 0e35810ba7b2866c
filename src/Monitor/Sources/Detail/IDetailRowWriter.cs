// Where DetailValidator's cursors hand the valid rows of a detail file (DetailScanFunction writes them into DuckDB's vectors).
namespace Monitor.Sources.Detail;

/// <summary>Receives the valid rows of a detail file, one call a row, from one cursor (one thread).</summary>
public interface IDetailRowWriter
{
    /// <summary>
    /// One valid row: the id as UTF-8, the dates as days since 1970-01-01 (<paramref name="filled"/> is
    /// <see cref="DetailValidator.NoDate"/> when there is none),
    /// the two-digit class and the four-letter region code as ASCII.
    /// </summary>
    void Write(long line, ReadOnlySpan<byte> id, int arisen, int filled, ReadOnlySpan<byte> klasse, ReadOnlySpan<byte> regio, long posities);
}
