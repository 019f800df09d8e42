using FluentAssertions;
using MlaRequests.Domain.Requests.Validation;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>The four-eyes rule of a refusal, without a node.</summary>
public sealed class When_a_refusal_is_signed_off
{
    [Theory]
    [InlineData("kz.liaison")]
    [InlineData("KZ.Liaison")]
    public void The_proposer_may_not_sign_it_off(string signer) =>
        RefusalSignOffRules.Problem("kz.liaison", signer).Should().Be(ProblemTexts.OwnRefusal.Format());

    [Fact]
    public void Someone_else_may() => RefusalSignOffRules.Problem("kz.liaison", "kz.supervisor").Should().BeNull();
}
