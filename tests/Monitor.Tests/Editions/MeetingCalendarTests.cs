// The meetings: field of a pipeline file: read into meetings with their freeze dates, and every mistake named with its line.
using Monitor.Pipeline.Definition;
using Monitor.Pipeline.Editions;

namespace Monitor.Tests.Editions;

public class MeetingCalendarTests
{
    const string Source = "/srv/monitor/pipelines/test.yaml";
    const string Head = "name: n\ndata_dir: d\nout_dir: o\n";

    static PipelineDefinitionException Fails(string yaml) =>
        Assert.Throws<PipelineDefinitionException>(() => PipelineDefinition.Parse(Head + yaml, Source))!;

    [Test]
    public void A_calendar_reads_into_meetings_with_their_freeze_dates_oldest_first()
    {
        var p = PipelineDefinition.Parse(Head + """
            meetings:
              freeze_days: 10
              dates:
                - { date: 2026-05-20, kind: informatiebijeenkomst, freeze_days: 14 }
                - date: 2026-03-12
                  kind: koersoverleg
                - { date: 2026-03-01, kind: kerngroep, freeze_days: 0 }
            """, Source);
        Assert.That(p.Meetings.DefaultFreezeDays, Is.EqualTo(10));
        Assert.That(p.Meetings.Meetings, Is.EqualTo(new[]
        {
            new Meeting(new DateOnly(2026, 3, 1), "kerngroep", 0),
            new Meeting(new DateOnly(2026, 3, 12), "koersoverleg", 10),
            new Meeting(new DateOnly(2026, 5, 20), "informatiebijeenkomst", 14),
        }));
        // 12 March minus 10 days, 20 May minus 14 days; a freeze of 0 days is the meeting day itself.
        Assert.That(p.Meetings.Meetings.Select(m => m.FreezeDate), Is.EqualTo(new[] { new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), new DateOnly(2026, 5, 6) }));
        Assert.That(p.Meetings.Meetings.Select(m => m.EditionId), Is.EqualTo(new[] { "meeting-2026-03-01", "meeting-2026-03-12", "meeting-2026-05-20" }));
        // The run gets the meetings from the file.
        Assert.That(Monitor.Pipeline.StandardSteps.RequestFor(p, Monitor.Pipeline.Scheduling.RunTrigger.Manual).Meetings, Is.EqualTo(p.Meetings.Meetings));
    }

    [Test]
    public void Without_meetings_there_is_no_calendar_and_the_default_freeze_is_seven_days()
    {
        var p = PipelineDefinition.Parse(Head, Source);
        Assert.That(p.Meetings.Meetings, Is.Empty);
        var q = PipelineDefinition.Parse(Head + "meetings:\n  dates:\n    - { date: 2026-03-12, kind: koersoverleg }\n", Source);
        Assert.That(q.Meetings.Meetings.Single().FreezeDate, Is.EqualTo(new DateOnly(2026, 3, 5)));
    }

    [Test]
    public void Every_mistake_in_the_calendar_is_named_with_its_line()
    {
        var e = Fails("""
            meetings:
              freeze_days: 400
              dates:
                - { date: 2026-02-30, kind: koersoverleg }
                - { date: 2026-03-12, kind: overleg }
                - { date: 2026-05-20, kind: kerngroep, freeze_days: -1 }
                - { date: 2026-06-01, kind: koersoverleg }
                - { date: 2026-06-01, kind: kerngroep }
                - { kind: koersoverleg, when: 2026-07-01 }
            """);
        var p = e.Problems.Select(x => (x.Line, x.Field)).ToList();
        Assert.That(p, Is.EqualTo(new (int?, string)[]
        {
            (5, "meetings.freeze_days"), (7, "meetings.dates.date"), (8, "meetings.dates.kind"), (9, "meetings.dates.freeze_days"),
            (11, "meetings.dates"), (12, "meetings.dates.date"), (12, "meetings.dates.when"),
        }));
        Assert.That(e.Message, Does.Contain($"{Source}:5:16: meetings.freeze_days: expected a whole number of days from 0 to 365, got '400'"));
        Assert.That(e.Message, Does.Contain("meetings.dates.date: expected a date as YYYY-MM-DD, got '2026-02-30'"));
        Assert.That(e.Message, Does.Contain("unknown kind of meeting 'overleg'; the kinds are koersoverleg, kerngroep, informatiebijeenkomst"));
        Assert.That(e.Message, Does.Contain($"{Source}:11:7: meetings.dates: the meeting of 2026-06-01 is listed twice (also on line 10)"));
        Assert.That(e.Message, Does.Contain("meetings.dates.date: is required but missing"));
    }

    [Test]
    public void A_calendar_that_is_no_mapping_or_has_no_dates_says_what_is_expected()
    {
        Assert.That(Fails("meetings: [2026-03-12]\n").Message, Does.Contain("meetings: expected a mapping with freeze_days and dates"));
        Assert.That(Fails("meetings:\n  freeze_days: 7\n").Message, Does.Contain("meetings.dates: is required but missing"));
        Assert.That(Fails("meetings:\n  dates: 2026-03-12\n").Message, Does.Contain("meetings.dates: expected a list of meetings"));
        Assert.That(Fails("meetings:\n  dates: [2026-03-12]\n").Message, Does.Contain("expected a meeting as a mapping"));
    }
}
