using FluentAssertions;
using MlaRequests.Domain.Measures;
using MlaRequests.Domain.Requests.Validation;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>The per-measure rules (<see cref="MeasureRules"/>) without a node.</summary>
public sealed class When_a_measure_s_result_is_checked
{
    static readonly InputLimits Limits = new();
    static readonly string[] Known = ["DUAL_CRIMINALITY", "SOVEREIGNTY"];

    [Theory]
    [InlineData(null, "measure")]
    [InlineData(0, "measure")]
    [InlineData(4, "measure")]
    public void A_measure_the_case_does_not_have_is_refused_naming_measure(int? measure, string field)
    {
        MeasureRules.RecordProblems(measure, 3, "Executed", "Heard.", null, null, Limits).Keys.Should().Equal(field);
    }

    [Theory]
    [InlineData("Refused", "a refusal is proposed and signed off, never recorded")]
    [InlineData("Pending", "nothing to record")]
    [InlineData("1", "a number is not a status name")]
    [InlineData("Finished", "no such status")]
    [InlineData(null, "a status is required")]
    public void Only_a_recordable_status_is_taken(string? status, string because)
    {
        MeasureRules.RecordProblems(1, 3, status, "Heard.", null, null, Limits).Keys.Should().Equal(["status"], because);
    }

    [Fact]
    public void An_executed_measure_needs_a_summary_and_an_impossible_one_reasons_too()
    {
        MeasureRules.RecordProblems(1, 3, "executed", " ", null, null, Limits).Keys.Should().Equal("summary");
        MeasureRules.RecordProblems(1, 3, "Impossible", "Searched the address.", null, null, Limits).Keys.Should().Equal("reasons");
        MeasureRules.RecordProblems(1, 3, "Impossible", "Searched the address.", "The person left the country.", null, Limits).Should().BeEmpty();
        MeasureRules.RecordProblems(1, 3, "InExecution", null, null, null, Limits).Should().BeEmpty("starting a measure needs no summary");
    }

    [Fact]
    public void A_final_measure_is_not_recorded_again()
    {
        var done = new MeasureResult { Measure = 2, Status = MeasureStatus.Executed };

        MeasureRules.RecordProblems(2, 3, "PartiallyExecuted", "Less.", null, done, Limits)["status"]
            .Should().Equal(MeasureTexts.AlreadyFinal.Format(2, MeasureStatus.Executed));
    }

    [Fact]
    public void A_proposed_refusal_follows_the_refusal_rules()
    {
        MeasureRules.ProposalProblems(1, 1, ["FISCAL"], "Tax.", null, Known, Limits)["grounds"].Should().Equal(ProblemTexts.FiscalGround.Format());
        MeasureRules.ProposalProblems(1, 1, ["SOVEREIGNTY"], "", null, Known, Limits).Keys.Should().Equal("reasons");
        MeasureRules.ProposalProblems(1, 1, ["SOVEREIGNTY"], "Why.", null, Known, Limits).Should().BeEmpty();
    }

    [Fact]
    public void The_proposer_cannot_sign_off_their_own_refusal()
    {
        var proposed = new MeasureResult { Measure = 1, ProposedBy = "kg.supervisor", ProposedGrounds = "SOVEREIGNTY", ProposedReasons = "Why." };

        MeasureRules.SignOffProblems(1, 1, proposed, "KG.Supervisor")["measure"].Should().Equal(MeasureTexts.OwnProposal.Format());
        MeasureRules.SignOffProblems(1, 1, proposed, "kg.supervisor2").Should().BeEmpty();
        MeasureRules.SignOffProblems(1, 1, new MeasureResult { Measure = 1 }, "kg.supervisor2")["measure"].Should().Equal(MeasureTexts.NoProposal.Format(1));
        proposed.Status = MeasureStatus.Executed;
        MeasureRules.SignOffProblems(1, 1, proposed, "kg.supervisor2")["measure"].Should().Equal(new[] { MeasureTexts.AlreadyFinal.Format(1, MeasureStatus.Executed) },
            "a measure carried out after the proposal is not refused");
    }

    [Fact]
    public void A_case_is_executed_only_when_every_measure_is_final_unless_no_measure_was_recorded()
    {
        MeasureResult Row(int m, MeasureStatus s) => new() { Measure = m, Status = s, RecordedAt = NodaTime.Instant.FromUtc(2026, 3, 2, 9, 0) };

        MeasureRules.CompletionProblems(true, 3, []).Should().BeEmpty("a case recorded as a whole, as the earlier release did");
        MeasureRules.CompletionProblems(true, 3, [new MeasureResult { Measure = 2, ProvisionalOutcome = ProvisionalMeasureRules.Ordered }])
            .Should().BeEmpty("a provisional measure's decision is not a result of its execution");
        MeasureRules.CompletionProblems(true, 3, [Row(1, MeasureStatus.Executed), Row(2, MeasureStatus.InExecution)])["complete"]
            .Should().Equal(MeasureTexts.MeasuresOpen.Format("2, 3"));
        MeasureRules.CompletionProblems(false, 3, [Row(1, MeasureStatus.Executed)]).Should().BeEmpty("a partial report is always allowed");
        MeasureRules.CompletionProblems(true, 3, [Row(1, MeasureStatus.Executed), Row(2, MeasureStatus.Refused), Row(3, MeasureStatus.Impossible)])
            .Should().BeEmpty();
    }
}
