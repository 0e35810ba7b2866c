// Working out how a supplier's bytes are encoded: UTF-8 (with or without BOM) or Excel's Windows-1252.
// UTF-16, and a UTF-8 byte order mark in front of bytes that are not UTF-8, are file errors with a clear message.
using System.Text;

namespace Monitor.Sources;

public sealed record DecodedText(string Text, string Encoding, string LineEnding, bool EndsWithNewline);

public static class TextDecoding
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    static Encoding? windows1252;

    /// <summary>How to save a file so that it can be read: the end of every encoding message.</summary>
    public const string HowToSave = "save it as UTF-8, or from Excel as \"CSV (puntkomma gescheiden)\" (Windows-1252)";

    /// <summary>Windows-1252, the encoding of a file that is not UTF-8 (shared with the fast detail path).</summary>
    internal static Encoding Windows1252
    {
        get
        {
            if (windows1252 is null)
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                windows1252 = Encoding.GetEncoding(1252);
            }
            return windows1252;
        }
    }

    /// <summary>
    /// A BOM means UTF-8; bytes that are valid UTF-8 are UTF-8; anything else is read as Windows-1252,
    /// the code page Excel on Windows exports with. UTF-16 and a BOM before non-UTF-8 bytes throw
    /// <see cref="InvalidDataException"/> with the message of <see cref="TryDecode"/>.
    /// </summary>
    public static DecodedText Decode(byte[] bytes) => TryDecode(bytes, out var problem) ?? throw new InvalidDataException(problem);

    /// <summary>The decoded text, or null with <paramref name="problem"/> saying why the bytes cannot be read.</summary>
    public static DecodedText? TryDecode(byte[] bytes, out string? problem)
    {
        problem = Utf16Problem(bytes);
        if (problem is not null) return null;
        string text;
        string encoding;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            try
            {
                text = StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
            }
            catch (DecoderFallbackException)
            {
                problem = BomBeforeNonUtf8(bytes);
                return null;
            }
            encoding = "utf-8-bom";
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
                encoding = "utf-8";
            }
            catch (DecoderFallbackException)
            {
                text = Windows1252.GetString(bytes);
                encoding = "windows-1252";
            }
        }
        return new DecodedText(text, encoding, LineEndingOf(text), text.EndsWith('\n'));
    }

    /// <summary>
    /// A message when the bytes look like UTF-16: a UTF-16 byte order mark, or NUL bytes in every other position of
    /// the first 4 KiB (ASCII text in UTF-16). Null otherwise; a few NUL bytes in cells are row errors, not this.
    /// </summary>
    public static string? Utf16Problem(ReadOnlySpan<byte> bytes)
    {
        string? what = null;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) what = "byte order mark FF FE, UTF-16 little endian";
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) what = "byte order mark FE FF, UTF-16 big endian";
        else
        {
            var head = bytes[..Math.Min(bytes.Length, 4096)];
            int even = 0, odd = 0;
            for (var i = 0; i < head.Length; i++)
                if (head[i] == 0) { if ((i & 1) == 0) even++; else odd++; }
            var pairs = head.Length / 2;
            if (pairs >= 2 && (odd * 3 > pairs * 2 || even * 3 > pairs * 2)) what = "NUL bytes in every other position";
        }
        return what is null ? null : $"the file is UTF-16 ({what}); UTF-16 is not supported: {HowToSave}";
    }

    /// <summary>Where a file that starts with a UTF-8 BOM stops being UTF-8.</summary>
    static string BomBeforeNonUtf8(byte[] bytes)
    {
        var offset = 3;
        var rest = bytes.AsSpan(3);
        while (!rest.IsEmpty && System.Text.Rune.DecodeFromUtf8(rest, out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            rest = rest[consumed..];
            offset += consumed;
        }
        var line = bytes.AsSpan(0, offset).Count((byte)'\n') + 1;
        var value = offset < bytes.Length ? $"byte 0x{bytes[offset]:X2}" : "an incomplete character";
        return $"the file starts with a UTF-8 byte order mark, but {value} at offset {offset} (line {line}) is not UTF-8: it looks like Windows-1252 text saved with a UTF-8 byte order mark; {HowToSave} without a byte order mark";
    }

    static string LineEndingOf(string text)
    {
        int crlf = 0, lf = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            if (i > 0 && text[i - 1] == '\r') crlf++; else lf++;
        }
        return (crlf, lf) switch
        {
            (0, 0) => "none",
            (> 0, 0) => "crlf",
            (0, > 0) => "lf",
            _ => "mixed",
        };
    }
}
