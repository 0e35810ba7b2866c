// The words meta.runs.status, meta.run_steps.status and last-run.json store are the ones runs wrote before the states
// became enums: older warehouses and the operators' scripts read them. The words are listed here by hand.
using Monitor.Pipeline;
using NUnit.Framework;

namespace Monitor.Tests.Pipeline;

public class RunStateTests
{
    static readonly (RunState State, string Word)[] RunWords =
    [
        (RunState.Running, "running"),
        (RunState.Succeeded, "succeeded"),
        (RunState.SucceededWithDataProblems, "succeeded_with_data_problems"),
        (RunState.Blocked, "blocked"),
        (RunState.Failed, "failed"),
        (RunState.Cancelled, "cancelled"),
        (RunState.Busy, "busy"),
        (RunState.Usage, "usage"),
        (RunState.SkippedUnchanged, "skipped_unchanged"),
    ];

    static readonly (StepState State, string Word)[] StepWords =
    [
        (StepState.Succeeded, "succeeded"),
        (StepState.Failed, "failed"),
    ];

    [Test]
    public void Every_run_state_is_stored_as_the_word_used_before()
    {
        Assert.That(RunWords.Select(w => w.State.ToLedgerValue()), Is.EqualTo(RunWords.Select(w => w.Word)));
        Assert.That(RunWords.Select(w => LedgerValues.RunStateFromLedgerValue(w.Word)), Is.EqualTo(RunWords.Select(w => w.State)));
        Assert.That(Enum.GetValues<RunState>(), Is.EquivalentTo(RunWords.Select(w => w.State)), "a new state needs its word listed here");
    }

    [Test]
    public void Every_step_state_is_stored_as_the_word_used_before()
    {
        Assert.That(StepWords.Select(w => w.State.ToLedgerValue()), Is.EqualTo(StepWords.Select(w => w.Word)));
        Assert.That(StepWords.Select(w => LedgerValues.StepStateFromLedgerValue(w.Word)), Is.EqualTo(StepWords.Select(w => w.State)));
        Assert.That(Enum.GetValues<StepState>(), Is.EquivalentTo(StepWords.Select(w => w.State)));
    }

    [Test]
    public void A_word_that_is_no_state_is_refused_with_the_words_that_are()
    {
        var e = Assert.Throws<ArgumentException>(() => LedgerValues.RunStateFromLedgerValue("Succeeded"))!;
        Assert.That(e.Message, Does.StartWith("'Succeeded' is not a run status (running, succeeded, succeeded_with_data_problems, blocked, failed, cancelled, busy, usage, skipped_unchanged)"));
        Assert.Throws<ArgumentException>(() => LedgerValues.StepStateFromLedgerValue("skipped"));
    }

    [Test]
    public void The_string_status_of_a_result_and_a_step_is_the_ledger_word()
    {
        var at = new DateTimeOffset(2026, 3, 30, 2, 0, 0, TimeSpan.Zero);
        var step = new StepRecord("ingest", at, at.AddSeconds(3), StepState.Failed, null, "x");
        var result = new RunResult("r", RunState.SucceededWithDataProblems, ExitCodes.DataProblems, null, [step], null, null);
        Assert.That((result.Status, step.Status), Is.EqualTo(("succeeded_with_data_problems", "failed")));
        Assert.That(UnchangedInput.SkippedStatus, Is.EqualTo("skipped_unchanged"));
    }
}
