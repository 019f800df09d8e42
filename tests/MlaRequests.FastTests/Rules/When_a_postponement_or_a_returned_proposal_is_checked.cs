using FluentAssertions;
using MlaRequests.Domain;
using MlaRequests.Domain.Measures;
using MlaRequests.Domain.Requests.Validation;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>The coded grounds of a postponement and the sending back of a measure's refusal proposal, without a node.</summary>
public sealed class When_a_postponement_or_a_returned_proposal_is_checked
{
    static readonly InputLimits Limits = new();
    static readonly string[] Known = ["ONGOING_INVESTIGATION", "ONGOING_PROSECUTION", "ONGOING_PROCEEDINGS"];

    [Fact]
    public void A_postponement_on_an_unknown_ground_is_refused_naming_grounds_and_listing_the_known_ones()
    {
        PostponementRules.GroundProblems(["ONGOING_INVESTIGATION", "DUAL_CRIMINALITY"], Known)["grounds"]
            .Should().Equal("Unknown ground(s): DUAL_CRIMINALITY. Known: ONGOING_INVESTIGATION, ONGOING_PROSECUTION, ONGOING_PROCEEDINGS.");
    }

    [Fact]
    public void A_postponement_without_grounds_stays_valid_for_clients_of_the_previous_release()
    {
        PostponementRules.GroundProblems(null, Known).Should().BeEmpty();
        PostponementRules.GroundProblems([], Known).Should().BeEmpty();
        PostponementRules.GroundProblems(["ONGOING_PROCEEDINGS"], Known).Should().BeEmpty();
    }

    [Fact]
    public void A_proposal_goes_back_only_with_reasons_for_a_measure_that_has_one()
    {
        var waiting = new MeasureResult { Measure = 1, Status = MeasureStatus.Pending, ProposedBy = "kz.executor", ProposedGrounds = "DUAL_CRIMINALITY", ProposedReasons = "No." };

        MeasureRefusalReturnRules.Problems(1, 2, waiting, "It is an offence.", Limits).Should().BeEmpty();
        MeasureRefusalReturnRules.Problems(1, 2, waiting, " ", Limits).Keys.Should().Equal("reasons");
        MeasureRefusalReturnRules.Problems(1, 2, null, "Why.", Limits)["measure"].Should().Equal(MeasureTexts.NoProposal.Format(1));
        MeasureRefusalReturnRules.Problems(3, 2, waiting, "Why.", Limits).Keys.Should().Equal("measure");
        MeasureRefusalReturnRules.Problems(null, 2, null, null, Limits).Keys.Should().BeEquivalentTo("measure", "reasons");
    }
}
