// A flowing A4 document: a cursor that moves down the page and a new page when the next block does not fit.
using SkiaSharp;

namespace Monitor.Reporting.Layout;

public sealed class PageWriter : IDisposable
{
    /// <summary>A4 in PostScript points.</summary>
    public const float PageWidth = 595f, PageHeight = 842f;

    public const float Left = 62f, Right = PageWidth - 62f, Top = 74f, Bottom = PageHeight - 62f;
    public const float Width = Right - Left;

    readonly SKDocument document;
    readonly List<(string Title, int Page)> marks = [];
    SKCanvas? canvas;

    public PageWriter(SKDocument document) => this.document = document;

    /// <summary>Draws the running header and footer; called once per page just before the page is closed.</summary>
    public Action<PageWriter>? DecoratePage { get; set; }

    public SKCanvas Canvas => canvas ?? throw new InvalidOperationException("no page is open");
    public int PageNumber { get; private set; }
    public float Y { get; set; }
    public float Remaining => Bottom - Y;

    /// <summary>The current page is a cover or similar: no running header and footer.</summary>
    public bool Plain { get; set; }

    /// <summary>Section starts in reading order, for the table of contents.</summary>
    public IReadOnlyList<(string Title, int Page)> Marks => marks;

    public void NewPage()
    {
        if (canvas is not null) EndPage();
        canvas = document.BeginPage(PageWidth, PageHeight);
        PageNumber++;
        Plain = false;
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits below the cursor.</summary>
    public void EnsureSpace(float height)
    {
        if (canvas is null || Y + height > Bottom) NewPage();
    }

    public void Mark(string title)
    {
        marks.Add((title, PageNumber));
        // A named destination lets the table of contents link to the section.
        Canvas.DrawNamedDestinationAnnotation(new SKPoint(Left, Y), Anchor(title));
    }

    public static string Anchor(string title) =>
        "s-" + new string(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    public void Space(float points) => Y = Math.Min(Y + points, Bottom);

    public void Close()
    {
        if (canvas is not null) EndPage();
        document.Close();
    }

    void EndPage()
    {
        if (!Plain) DecoratePage?.Invoke(this);
        document.EndPage();
        canvas = null;
    }

    public void Dispose() => document.Dispose();
}
