// The meeting calendar of a pipeline file: which meetings get a frozen edition of the report, and from when.
using System.Globalization;

namespace Monitor.Pipeline.Editions;

/// <summary>
/// A meeting that gets its own edition. Its data is frozen <see cref="FreezeDays"/> days before <see cref="Date"/>
/// (or at <see cref="AsOf"/> when that is given, for an edition made by hand): the edition is computed with
/// as-of = <see cref="FreezeDate"/>, so a vintage published after that day is not in it.
/// </summary>
public sealed record Meeting(DateOnly Date, string Kind, int FreezeDays, DateOnly? AsOf = null)
{
    /// <summary>The kinds of meeting the monitor makes editions for (the words the report uses for them).</summary>
    public static readonly IReadOnlyList<string> KnownKinds = ["koersoverleg", "kerngroep", "informatiebijeenkomst"];

    /// <summary>The as-of date of the edition: the first run on or after it makes the edition.</summary>
    public DateOnly FreezeDate => AsOf ?? Date.AddDays(-FreezeDays);

    /// <summary>meeting-yyyy-MM-dd, the edition's id in meta.editions.</summary>
    public string EditionId => EditionIdFor(Date);

    /// <summary>The folder name under &lt;out&gt;/editions/: the meeting date, yyyy-MM-dd.</summary>
    public string FolderName => Text(Date);

    public static string EditionIdFor(DateOnly date) => "meeting-" + Text(date);

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The meetings of a pipeline file (meetings: in the YAML), oldest first, and the default freeze period.</summary>
public sealed record MeetingCalendar(int DefaultFreezeDays, IReadOnlyList<Meeting> Meetings)
{
    /// <summary>Days before a meeting that its data is frozen when neither the calendar nor the meeting says otherwise.</summary>
    public const int StandardFreezeDays = 7;

    public static readonly MeetingCalendar None = new(StandardFreezeDays, []);

    public Meeting? On(DateOnly date) => Meetings.FirstOrDefault(m => m.Date == date);
}
