using FluentAssertions;
using MlaRequests.Domain.Measures;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using NodaTime;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>The rules of a provisional measure's decision (<see cref="ProvisionalMeasureRules"/>) without a node.</summary>
public sealed class When_a_provisional_measure_is_decided
{
    static readonly InputLimits Limits = new();
    static readonly string[] Known = ["DUAL_CRIMINALITY", "SOVEREIGNTY"];
    static readonly Instant Received = Instant.FromUtc(2026, 3, 2, 9, 0);
    static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 15, 0);
    static readonly Instant Decided = Instant.FromUtc(2026, 3, 2, 14, 0);

    // Measure 1 a hearing, 2 a freezing, 3 a preservation of evidence.
    static readonly bool[] Provisional = [false, true, true];

    static Dictionary<string, string[]> Check(int? measure = 2, string? outcome = "Ordered", Instant? decidedAt = null, string? authority = "Almaty city court",
        IReadOnlyList<string>? grounds = null, string? reasons = null, MeasureResult? current = null, bool noTime = false) =>
        ProvisionalMeasureRules.Problems(measure, Provisional, outcome, noTime ? null : decidedAt ?? Decided, authority, grounds, reasons, current, Received, Now, Known, Limits);

    [Fact]
    public void An_order_with_its_time_and_authority_is_complete()
    {
        Check().Should().BeEmpty();
        Check(measure: 3, outcome: "ordered").Should().BeEmpty("the outcome is read without regard to case");
        ProvisionalMeasureRules.Parse("ordered").Should().Be(ProvisionalMeasureRules.Ordered);
    }

    [Fact]
    public void A_refusal_needs_reasons_and_may_give_known_grounds()
    {
        Check(outcome: "Refused").Keys.Should().Equal("reasons");
        Check(outcome: "Refused", reasons: "The account was closed in 2024.").Should().BeEmpty("grounds are optional");
        Check(outcome: "Refused", reasons: "Not an offence here.", grounds: ["DUAL_CRIMINALITY"]).Should().BeEmpty();
        Check(outcome: "Refused", reasons: "Not an offence here.", grounds: ["NO_SUCH"]).Keys.Should().Equal("grounds");
        Check(outcome: "Refused", reasons: "Taxes.", grounds: ["FISCAL"]).Keys.Should().Equal("grounds");
        Check(grounds: ["DUAL_CRIMINALITY"]).Keys.Should().Equal("grounds");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(1)]
    public void A_measure_the_case_does_not_have_or_one_that_is_not_provisional_is_refused_naming_measure(int? measure)
    {
        Check(measure: measure).Keys.Should().Equal("measure");
    }

    [Fact]
    public void A_measure_is_decided_once()
    {
        var decided = new MeasureResult { Measure = 2, ProvisionalOutcome = ProvisionalMeasureRules.Refused };
        Check(current: decided)["measure"].Should().Equal(MeasureTexts.AlreadyDecided.Format(2, "Refused"));
        Check(current: new MeasureResult { Measure = 2, Status = MeasureStatus.InExecution }).Should().BeEmpty("a recorded result is not a decision");
    }

    [Theory]
    [InlineData("Granted")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_ordered_or_refused_is_an_outcome(string? outcome)
    {
        Check(outcome: outcome).Keys.Should().Equal("outcome");
    }

    [Fact]
    public void The_decision_s_time_is_required_and_lies_between_the_arrival_and_now()
    {
        Check(noTime: true).Keys.Should().Equal("decidedAt");
        Check(decidedAt: Now.Plus(Duration.FromMinutes(1))).Keys.Should().Equal("decidedAt");
        Check(decidedAt: Received.Minus(Duration.FromMinutes(1))).Keys.Should().Equal("decidedAt");
        Check(decidedAt: Received).Should().BeEmpty();
        Check(decidedAt: Now).Should().BeEmpty();
    }

    [Fact]
    public void The_authority_is_required_and_a_name()
    {
        Check(authority: " ").Keys.Should().Equal("authority");
        Check(authority: new string('a', Limits.NameLength + 1)).Keys.Should().Equal("authority");
    }

    [Fact]
    public void The_provisional_positions_are_freezing_and_preservation()
    {
        MeasureRequested M(MeasureType t) => new() { Type = t };
        ProvisionalMeasureRules.Positions([M(MeasureType.Hearing), M(MeasureType.FreezeAssets), M(MeasureType.SearchAndSeizure), M(MeasureType.PreserveEvidence)])
            .Should().Equal(2, 4);
        ProvisionalMeasureRules.Positions([M(MeasureType.Hearing)]).Should().BeEmpty();
    }
}
