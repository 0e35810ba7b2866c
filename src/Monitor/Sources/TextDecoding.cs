// Working out how a supplier's bytes are encoded: UTF-8 (with or without BOM) or Excel's Windows-1252.
using System.Text;

namespace Monitor.Sources;

public sealed record DecodedText(string Text, string Encoding, string LineEnding, bool EndsWithNewline);

public static class TextDecoding
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    static Encoding? windows1252;

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
    /// the code page Excel on Windows exports with. Windows-1252 maps every byte, so this never fails.
    /// </summary>
    public static DecodedText Decode(byte[] bytes)
    {
        string text;
        string encoding;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            text = StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
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
