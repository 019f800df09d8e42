using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using NodaTime;

namespace MlaRequests.FastTests.Rules;

/// <summary>A multilateral JIT agreement is in force when every party has signed (UNTOC Art. 19; issue 14); who is still awaited, and which relays a requested node takes.</summary>
public sealed class When_the_parties_of_a_JIT_agreement_are_counted
{
    static readonly Instant At = Instant.FromUtc(2027, 3, 1, 9, 0);

    static JitProposal Agreement(params string[] countries) => new()
    {
        Members = [.. countries.Select(c => new JitMember { Country = c, Name = $"Leader {c}", Leader = true }),
            new JitMember { Country = countries[0], Name = "Second member" }],
    };

    static JitPartySignature Signed(string party) => new() { BranchId = Guid.Empty, Party = party, Actor = $"{party.ToLowerInvariant()}.liaison", SignedAt = At };

    static JitPartySignature Left(string party) => new() { BranchId = Guid.Empty, Party = party, LeftAt = At, LeftAs = "AgreementDeclined" };

    [Fact]
    public void The_parties_are_the_members_countries_once_each_in_the_order_named() =>
        JitPartiesRules.Parties(Agreement("KZ", "KG", "TJ")).Should().Equal("KZ", "KG", "TJ");

    [Fact]
    public void A_bilateral_agreement_awaits_nobody_besides_the_two() =>
        JitPartiesRules.Awaited(Agreement("KZ", "KG"), "KG", "KZ", []).Should().BeEmpty();

    [Fact]
    public void A_requested_country_awaits_every_other_requested_country_until_its_signature_is_relayed()
    {
        var agreement = Agreement("KZ", "KG", "TJ", "UZ");
        JitPartiesRules.Awaited(agreement, "KG", "KZ", []).Should().Equal("TJ", "UZ");
        JitPartiesRules.Awaited(agreement, "KG", "KZ", [Signed("TJ")]).Should().Equal("UZ");
        JitPartiesRules.Awaited(agreement, "KG", "KZ", [Signed("TJ"), Signed("UZ")]).Should().BeEmpty();
    }

    [Fact]
    public void A_party_that_left_is_no_longer_awaited_and_a_row_without_signature_still_is()
    {
        var agreement = Agreement("KZ", "KG", "TJ", "UZ");
        JitPartiesRules.Awaited(agreement, "KG", "KZ", [Left("TJ"), new JitPartySignature { Party = "UZ" }]).Should().Equal("UZ");
    }

    [Fact]
    public void An_agreement_without_members_awaits_nobody() =>
        JitPartiesRules.Awaited(null, "KG", "KZ", []).Should().BeEmpty();

    [Theory]
    [InlineData("KG", "the receiving country itself")]
    [InlineData("KZ", "the requesting country")]
    [InlineData("UZ", "UZ is not a party to this agreement (parties: KZ, KG, TJ)")]
    [InlineData(" ", "names no party")]
    public void A_relay_naming_this_country_the_requesting_country_or_a_non_party_is_refused(string party, string reason) =>
        JitPartiesRules.RelayProblem(Agreement("KZ", "KG", "TJ"), "KG", "KZ", party).Should().Contain(reason);

    [Fact]
    public void A_relay_naming_another_party_is_taken() =>
        JitPartiesRules.RelayProblem(Agreement("KZ", "KG", "TJ"), "KG", "KZ", "TJ").Should().BeNull();
}
