// Colours of the report. Chosen so that every distinction also survives printing in black and white:
// series differ by grey value, line pattern and marker, statuses always carry their word.
using SkiaSharp;

namespace Monitor.Reporting.Layout;

public static class Palette
{
    public static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    public static readonly SKColor Muted = new(0x55, 0x55, 0x55);
    public static readonly SKColor Rule = new(0xB4, 0xB4, 0xB4);
    public static readonly SKColor Shade = new(0xF0, 0xF0, 0xF0);
    public static readonly SKColor HeaderShade = new(0xDD, 0xE3, 0xEA);
    public static readonly SKColor Accent = new(0x15, 0x42, 0x73);
    public static readonly SKColor AccentLight = new(0xE8, 0xEE, 0xF5);
    public static readonly SKColor Highlight = new(0xFF, 0xF4, 0xCC);

    public static readonly SKColor OnTrack = new(0x2E, 0x6B, 0x30);
    public static readonly SKColor Behind = new(0xA8, 0x23, 0x1B);
    public static readonly SKColor NoTarget = new(0x66, 0x66, 0x66);
    public static readonly SKColor Incomplete = new(0x8A, 0x5A, 0x00);
}
