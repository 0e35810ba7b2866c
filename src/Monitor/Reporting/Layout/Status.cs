using SkiaSharp;

namespace Monitor.Reporting.Layout;

/// <summary>The status of an indicator as the mart records it, with the words the report prints for it.</summary>
public enum Status { OnTrack, Behind, NoTarget, Incomplete }

public static class StatusText
{
    public static Status Parse(string? mart) => mart switch
    {
        "on_track" => Status.OnTrack,
        "behind" => Status.Behind,
        "incomplete" => Status.Incomplete,
        _ => Status.NoTarget,
    };

    public static string Word(this Status status) => status switch
    {
        Status.OnTrack => "op koers",
        Status.Behind => "achter",
        Status.Incomplete => "onvolledig",
        _ => "geen doel",
    };

    public static SKColor Colour(this Status status) => status switch
    {
        Status.OnTrack => Palette.OnTrack,
        Status.Behind => Palette.Behind,
        Status.Incomplete => Palette.Incomplete,
        _ => Palette.NoTarget,
    };
}
