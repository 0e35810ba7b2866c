// The shipped DejaVu fonts, loaded from the assembly so that no installed font is ever used:
// the PDF, the PNG and the SVG look the same on every machine.
using Monitor.Warehouse;
using SkiaSharp;

namespace Monitor.Reporting.Layout;

public static class ReportFonts
{
    /// <summary>The family name inside the font files; SVG output refers to it by this name.</summary>
    public const string FamilyName = "DejaVu Sans";

    static readonly Lazy<SKData> RegularData = new(() => Load("fonts/DejaVuSans.ttf"));
    static readonly Lazy<SKData> BoldData = new(() => Load("fonts/DejaVuSans-Bold.ttf"));
    static readonly Lazy<SKTypeface> RegularFace = new(() => Create(RegularData.Value));
    static readonly Lazy<SKTypeface> BoldFace = new(() => Create(BoldData.Value));

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    static SKData Load(string resource)
    {
        using var stream = SqlResources.Open(resource);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return SKData.CreateCopy(copy.ToArray());
    }

    static SKTypeface Create(SKData data) =>
        SKTypeface.FromData(data) ?? throw new InvalidOperationException("the embedded DejaVu font could not be read");
}
