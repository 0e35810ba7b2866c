// The meetings: field of a pipeline file, the calendar of meeting editions (see docs/operations.md).
using System.Globalization;
using Monitor.Pipeline.Editions;
using YamlDotNet.RepresentationModel;

namespace Monitor.Pipeline.Definition;

sealed partial class PipelineDefinitionReader
{
    const string MeetingsExample = "meetings: { freeze_days: 7, dates: [ { date: 2026-03-12, kind: koersoverleg } ] }";

    MeetingCalendar ReadMeetings(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(node, "meetings", $"expected a mapping with freeze_days and dates, e.g. {MeetingsExample}"));
            return MeetingCalendar.None;
        }
        var fields = Fields(map, "meetings.", ["freeze_days", "dates"]);
        var freezeDays = fields.TryGetValue("freeze_days", out var f)
            ? ReadInt(f, "meetings.freeze_days", 0, 365, "a whole number of days from 0 to 365") ?? MeetingCalendar.StandardFreezeDays
            : MeetingCalendar.StandardFreezeDays;
        if (!fields.TryGetValue("dates", out var datesNode))
        {
            problems.Add(Problem(map, "meetings.dates", $"is required but missing: list the meetings, e.g. {MeetingsExample}"));
            return MeetingCalendar.None;
        }
        if (datesNode is not YamlSequenceNode seq)
        {
            problems.Add(Problem(datesNode, "meetings.dates", "expected a list of meetings, each { date: YYYY-MM-DD, kind: koersoverleg }"));
            return MeetingCalendar.None;
        }
        var meetings = new List<Meeting>();
        var seen = new Dictionary<DateOnly, int>();
        foreach (var item in seq.Children)
        {
            if (ReadMeeting(item, freezeDays) is not { } meeting) continue;
            if (seen.TryGetValue(meeting.Date, out var line))
            {
                // One edition per meeting date: its folder is editions/<date>/.
                problems.Add(Problem(item, "meetings.dates", $"the meeting of {Meeting.Text(meeting.Date)} is listed twice (also on line {line}); a date has one edition"));
                continue;
            }
            seen[meeting.Date] = (int)item.Start.Line;
            meetings.Add(meeting);
        }
        return new MeetingCalendar(freezeDays, meetings.OrderBy(m => m.Date).ToList());
    }

    Meeting? ReadMeeting(YamlNode node, int defaultFreezeDays)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(node, "meetings.dates", "expected a meeting as a mapping, e.g. { date: 2026-03-12, kind: koersoverleg, freeze_days: 7 }"));
            return null;
        }
        var fields = Fields(map, "meetings.dates.", ["date", "kind", "freeze_days"]);
        var dateText = RequiredString(fields, map, "date", "meetings.dates.");
        DateOnly? date = null;
        if (dateText is not null)
        {
            if (DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else problems.Add(Problem(fields["date"], "meetings.dates.date", $"expected a date as YYYY-MM-DD, got '{dateText}'"));
        }
        var kind = RequiredString(fields, map, "kind", "meetings.dates.")?.Trim();
        if (kind is not null && !Meeting.KnownKinds.Contains(kind))
        {
            problems.Add(Problem(fields["kind"], "meetings.dates.kind", $"unknown kind of meeting '{kind}'; the kinds are {string.Join(", ", Meeting.KnownKinds)}"));
            kind = null;
        }
        var freezeDays = fields.TryGetValue("freeze_days", out var f)
            ? ReadInt(f, "meetings.dates.freeze_days", 0, 365, "a whole number of days from 0 to 365")
            : defaultFreezeDays;
        return date is { } day && kind is not null && freezeDays is { } days ? new Meeting(day, kind, days) : null;
    }
}
