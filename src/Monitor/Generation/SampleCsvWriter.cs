// Writes one extract file in the contract's format. A cell containing ';' is quoted (the contract
// allows ';' inside quotes); a cell with a '"' or a line break cannot be written and is refused.
using System.Globalization;
using System.Text;

namespace Monitor.Generation;

/// <summary>How a generated file is encoded. Almost all are UTF-8 with LF; one of each variant exercises the loader.</summary>
public sealed record FileFormat(bool Bom = false, bool Crlf = false)
{
    public static readonly FileFormat Default = new();
}

sealed class SampleCsvWriter : IDisposable
{
    readonly StreamWriter writer;
    readonly string newLine;
    readonly int columns;
    readonly string filePath;

    public long Rows { get; private set; }

    public SampleCsvWriter(string path, IReadOnlyList<string> header, FileFormat format)
    {
        filePath = path;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: format.Bom), bufferSize: 1 << 16);
        newLine = format.Crlf ? "\r\n" : "\n";
        columns = header.Count;
        WriteLine(header);
    }

    public void Row(params object?[] cells)
    {
        if (cells.Length != columns)
            throw new InvalidOperationException($"{filePath}: row has {cells.Length} cells, header has {columns}");
        WriteLine(cells.Select(Format).ToArray());
        Rows++;
    }

    void WriteLine(IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny("\"\r\n") >= 0)
                throw new InvalidOperationException($"{filePath}: cell '{cell}' contains a quote or a line break, which the contract cannot carry");
            if (i > 0) writer.Write(';');
            if (cell.Contains(';'))
            {
                writer.Write('"');
                writer.Write(cell);
                writer.Write('"');
            }
            else writer.Write(cell);
        }
        writer.Write(newLine);
    }

    static string Format(object? cell) => cell switch
    {
        string s => s,
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        // The contract's decimal comma; two decimals are all the indicator needs.
        double d => d.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ','),
        Suppressed => "x",
        // One decimal, decimal comma (CBS percentages).
        Tenths t => t.ToString(),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // An empty date cell (Gereed of an action not finished).
        null => "",
        _ => throw new InvalidOperationException($"no CSV format for {cell.GetType().Name}"),
    };

    public void Dispose() => writer.Dispose();
}

/// <summary>A cell withheld for confidentiality, written as <c>x</c> (CBS convention).</summary>
sealed class Suppressed
{
    public static readonly Suppressed Cell = new();
}
