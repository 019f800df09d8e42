using FluentAssertions;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Tests.Infrastructure;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>The rules of a supplementary request and of a new request after a refusal, and what their drafts start with.</summary>
public sealed class When_a_request_follows_an_earlier_one
{
    [Theory]
    [InlineData("Transmitted")]
    [InlineData("InExecution")]
    [InlineData("Completed")]
    [InlineData("Refused")]
    public void A_supplementary_request_follows_any_branch_not_withdrawn(string status) =>
        FollowUpRules.NotAllowed(FollowUpKind.Supplementary, status, status == "Refused", withdrawn: false).Should().BeNull();

    [Fact]
    public void A_supplementary_request_does_not_follow_a_withdrawn_branch() =>
        FollowUpRules.NotAllowed(FollowUpKind.Supplementary, "Withdrawn", refused: false, withdrawn: true).Should().Be(ProblemTexts.SupplementaryWithdrawn.Format());

    [Theory]
    [InlineData("InExecution")]
    [InlineData("Withdrawn")]
    public void A_new_request_after_a_refusal_starts_only_from_a_refused_branch(string status)
    {
        FollowUpRules.NotAllowed(FollowUpKind.AfterRefusal, status, refused: false, withdrawn: status == "Withdrawn").Should()
            .Be(ProblemTexts.AfterRefusalOnly.Format(status));
        FollowUpRules.NotAllowed(FollowUpKind.AfterRefusal, "Refused", refused: true, withdrawn: false).Should().BeNull();
    }

    [Fact]
    public void The_draft_goes_to_that_country_only_and_is_linked_to_the_earlier_branch()
    {
        var earlier = TestContent.Complete(LegalBasis.Untoc, "KG", "TJ");
        var earlierId = Guid.NewGuid();

        var supplementary = FollowUpRules.Prefill(earlier, FollowUpKind.Supplementary, earlierId, "KZ-2026-000012", "TJ");
        var afterRefusal = FollowUpRules.Prefill(earlier, FollowUpKind.AfterRefusal, earlierId, "KZ-2026-000012", "TJ");

        supplementary.Targets.Should().Equal("TJ");
        supplementary.Measures.Should().BeEmpty("the prosecutor adds the new measures");
        supplementary.Facts.Should().Be(earlier.Facts);
        supplementary.FollowsUp.Should().BeEquivalentTo(new FollowUp
        {
            Kind = FollowUpKind.Supplementary, EarlierRequestId = earlierId, EarlierBranchId = DeterministicGuid.Branch(earlierId, "TJ"),
            EarlierReference = "KZ-2026-000012",
        });
        afterRefusal.Measures.Should().HaveSameCount(earlier.Measures, "a new request after a refusal starts from everything, to be amended");
        afterRefusal.FollowsUp!.Kind.Should().Be(FollowUpKind.AfterRefusal);
        earlier.Targets.Should().Equal(["KG", "TJ"], "the earlier request is not changed");
    }

    [Fact]
    public void A_client_may_leave_the_link_out_or_send_it_back_unchanged_but_never_set_or_change_it()
    {
        var stored = FollowUpRules.Prefill(TestContent.Complete(LegalBasis.Untoc, "KG"), FollowUpKind.Supplementary, Guid.NewGuid(), "KZ-2026-000012", "KG").FollowsUp!;
        var sameAgain = new FollowUp
        {
            Kind = stored.Kind, EarlierRequestId = stored.EarlierRequestId, EarlierBranchId = stored.EarlierBranchId, EarlierReference = stored.EarlierReference,
        };
        var changed = new FollowUp
        {
            Kind = FollowUpKind.AfterRefusal, EarlierRequestId = stored.EarlierRequestId, EarlierBranchId = stored.EarlierBranchId, EarlierReference = stored.EarlierReference,
        };

        FollowUpRules.InputProblems(null, stored).Should().BeEmpty();
        FollowUpRules.InputProblems(sameAgain, stored).Should().BeEmpty();
        FollowUpRules.InputProblems(changed, stored).Keys.Should().Equal("followsUp");
        FollowUpRules.InputProblems(sameAgain, null)["followsUp"].Should().Equal(ProblemTexts.FollowUpSetByNode.Format());
    }
}
