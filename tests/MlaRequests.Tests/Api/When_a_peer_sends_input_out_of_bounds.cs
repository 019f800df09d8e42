using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The border applies the API's bounds to what a trusted peer signs: a transmitted request with an
/// undefined kind, content over the limits or null entries, and any contract with null entries or
/// oversized texts, is quarantined with the reason and never becomes a case or reaches a workflow.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_peer_sends_input_out_of_bounds(ApiNode api) : IClassFixture<ApiNode>
{
    RequestTransmitted Request(Func<RequestTransmitted, RequestTransmitted>? change = null, Action<JsonObject>? content = null)
    {
        var json = JsonNode.Parse(RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Chisinau2002, "KZ")))!.AsObject();
        content?.Invoke(json);
        var request = new RequestTransmitted(Guid.NewGuid(), Guid.NewGuid(), "KG-2026-000777", "KG", "KZ", "ClassicMla", "Chisinau2002", false, false,
            RequestContentJson.Version, json.ToJsonString(), "kg.liaison", api.Now);
        return change?.Invoke(request) ?? request;
    }

    public static TheoryData<string, string> BadRequests() => new()
    {
        { "kind 999", "unknown request kind '999'" },
        { "basis 3", "unknown legal basis '3'" },
        { "content kind 999", "content over the input limits: kind" },
        { "5 MB facts", "over the input limits: ContentJson" },
        { "20,001 characters of facts", "content over the input limits: facts" },
        { "a null person", "content over the input limits: persons[0]" },
        { "10,000 persons", "content over the input limits: persons" },
        { "a birth date in 2090", "content over the input limits: persons[0].dateOfBirth" },
        { "a 1 MB actor", "over the input limits: Actor" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_transmitted_request_out_of_bounds_is_quarantined_and_no_case_opens(string what, string reason)
    {
        var request = what switch
        {
            "kind 999" => Request(r => r with { Kind = "999" }, c => c["kind"] = 999),
            "basis 3" => Request(r => r with { LegalBasis = "3" }),
            "content kind 999" => Request(content: c => c["kind"] = 999),
            "5 MB facts" => Request(content: c => c["facts"] = new string('f', 5 * 1024 * 1024)),
            "20,001 characters of facts" => Request(content: c => c["facts"] = new string('f', 20_001)),
            "a null person" => Request(content: c => c["persons"]!.AsArray().Insert(0, null)),
            "10,000 persons" => Request(content: c => c["persons"] = new JsonArray(Enumerable.Range(0, 10_000).Select(_ => (JsonNode)new JsonObject()).ToArray())),
            "a birth date in 2090" => Request(content: c => c["persons"]![0]!["dateOfBirth"] = "2090-01-01"),
            "a 1 MB actor" => Request(r => r with { Actor = new string('a', 1024 * 1024) }),
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
        };

        var quarantined = await DeliverAndQuarantine(TestEnvelopes.Signed("KG", "KZ", request, api.Now));

        quarantined.Should().StartWith(reason);
        (await api.Node.Query(db => db.IncomingCases.AnyAsync(c => c.Id == request.BranchId))).Should().BeFalse();
        (await api.Node.Incoming(request.BranchId)).Should().BeNull("no workflow started");
    }

    [Fact]
    public async Task A_refusal_with_a_null_ground_is_quarantined()
    {
        var refusal = new IncomingRequestRefused(Guid.NewGuid(), "KG", ["DUAL_CRIMINALITY", null!], "No.", "kg.liaison", api.Now);

        var quarantined = await DeliverAndQuarantine(TestEnvelopes.Signed("KG", "KZ", refusal, api.Now));

        quarantined.Should().StartWith("over the input limits: Grounds");
    }

    [Theory]
    [InlineData("P1Y10D")]
    [InlineData("P31D")]
    [InlineData("PT5H")]
    public async Task A_recognition_extension_beyond_the_cap_is_quarantined(string extension)
    {
        var extended = new RecognitionPeriodExtended(Guid.NewGuid(), "KG", NodaTime.Text.PeriodPattern.NormalizingIso.Parse(extension).Value, "More time.",
            "kg.liaison", api.Now);

        var quarantined = await DeliverAndQuarantine(TestEnvelopes.Signed("KG", "KZ", extended, api.Now));

        quarantined.Should().StartWith("over the input limits: Extension");
    }

    [Fact]
    public async Task A_request_within_the_bounds_still_opens_a_case()
    {
        var request = Request();

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", request, api.Now));

        await api.Node.IncomingIn(request.BranchId, "Received");
    }

    async Task<string> DeliverAndQuarantine(CrossBorderEnvelope envelope)
    {
        await TestEnvelopes.DeliverAsync(api.Node, envelope);
        return await Eventually.Until(
            () => api.Node.Query(db => db.QuarantinedMessages.Where(q => q.MessageId == envelope.MessageId).Select(q => q.Reason).SingleOrDefaultAsync()),
            r => r is not null, TestTimeouts.Workflow, $"envelope {envelope.MessageId} to be quarantined") ?? string.Empty;
    }
}
