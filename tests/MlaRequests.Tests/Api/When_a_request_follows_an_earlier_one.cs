using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// A supplementary request and a new request after a refusal: started from the earlier request's branch by its office's prosecutor,
/// a draft of its own to that country only, linked both ways on the timelines, approved like any request and carried to the country
/// as its own branch, where it opens a new case linked to the case of the earlier request.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_request_follows_an_earlier_one(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task A_supplementary_request_is_a_linked_draft_to_that_country_whose_link_survives_editing()
    {
        var (id, _) = await api.BranchIn("InExecution");
        var prosecutor = await api.As(Prosecutor);
        var earlier = await prosecutor.GetAsync($"/api/requests/{id}");

        var response = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/supplementary");

        await response.ShouldBeAsync(HttpStatusCode.Created);
        var created = await response.JsonAsync();
        var newId = created.GetProperty("id").GetGuid();
        var reference = created.GetProperty("reference").GetString()!;
        await api.Node.RequestIn(newId, "Draft");
        await api.Settled();
        var draft = await prosecutor.GetAsync($"/api/requests/{newId}");
        draft.GetProperty("content").GetProperty("targets").EnumerateArray().Select(t => t.GetString()).Should().Equal("KG");
        draft.GetProperty("content").GetProperty("measures").GetArrayLength().Should().Be(0, "the prosecutor adds the new measures");
        var follows = draft.GetProperty("content").GetProperty("followsUp");
        follows.GetProperty("kind").GetString().Should().Be("Supplementary");
        follows.GetProperty("earlierBranchId").GetGuid().Should().Be(DeterministicGuid.Branch(id, "KG"));
        Actions(draft).Should().Contain(("Supplementary to an earlier request", earlier.GetProperty("reference").GetString()));
        Actions(await prosecutor.GetAsync($"/api/requests/{id}")).Should().Contain(("Supplementary request drafted", reference));

        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        var edited = await prosecutor.Client.PutAsJsonAsync($"/api/requests/{newId}", content, RequestContentJson.Options);
        await edited.ShouldBeAsync(HttpStatusCode.OK);
        (await prosecutor.GetAsync($"/api/requests/{newId}")).GetProperty("content").GetProperty("followsUp").GetProperty("earlierReference").GetString()
            .Should().Be(earlier.GetProperty("reference").GetString(), "editing keeps the link the node set");
    }

    [Fact]
    public async Task A_new_request_after_a_refusal_goes_to_the_country_as_its_own_branch_with_its_own_clocks_and_the_link()
    {
        var (id, branch) = await api.BranchIn("UnderRecognition");
        await api.Node.Bus.Publish(new IncomingRequestRefused(branch, "KG", ["DUAL_CRIMINALITY"], "Not an offence here.", "kg.liaison", api.Now));
        await api.Node.BranchIn(branch, "Refused");
        var prosecutor = await api.As(Prosecutor);

        var response = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/after-refusal");
        await response.ShouldBeAsync(HttpStatusCode.Created);
        var newId = (await response.JsonAsync()).GetProperty("id").GetGuid();
        await api.Node.RequestIn(newId, "Draft");
        await prosecutor.StepAsync($"/api/requests/{newId}/submit");
        await api.Node.RequestIn(newId, "InReview");
        await (await api.As(Liaison)).StepAsync($"/api/requests/{newId}/approve");

        var newBranch = DeterministicGuid.Branch(newId, "KG");
        var transmitted = await api.Kg.Receives<RequestTransmitted>(newBranch);
        var link = RequestContentJson.Deserialize(transmitted.ContentJson).FollowsUp!;
        link.Kind.Should().Be(FollowUpKind.AfterRefusal);
        link.EarlierBranchId.Should().Be(branch, "KG's node links the new case to its case of the refused request");
        await Eventually.Until(() => api.Node.Clocks(newId), cs => cs.Any(c => c.BranchId == newBranch && c.CurrentState == "Running"),
            TestTimeouts.Workflow, "the new branch's own acknowledgement clock");
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("Refused", "the refused branch stays as it is");
    }

    [Fact]
    public async Task Only_its_office_s_prosecutor_starts_one_and_only_from_a_branch_that_allows_it()
    {
        var (id, branch) = await api.BranchIn("Acknowledged");

        await (await (await api.As(Liaison)).PostAsync($"/api/requests/{id}/targets/KG/supplementary")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await (await api.As(OtherOfficeProsecutor)).PostAsync($"/api/requests/{id}/targets/KG/supplementary")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/TJ/supplementary")).ShouldBeAsync(HttpStatusCode.NotFound);
        var notRefused = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/KG/after-refusal");
        await notRefused.ShouldBeAsync(HttpStatusCode.Conflict);
        (await notRefused.JsonAsync()).GetProperty("detail").GetString().Should().Contain("this one is Acknowledged");

        await (await api.As(Prosecutor)).StepAsync($"/api/requests/{id}/targets/KG/withdraw-country", new { reason = "Heard at home." });
        await api.Node.BranchIn(branch, "Withdrawn");
        await (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/KG/supplementary")).ShouldBeAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_call_again_with_its_idempotency_key_drafts_one_request()
    {
        var (id, _) = await api.BranchIn("Acknowledged");
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString();

        var first = await Send(prosecutor, $"/api/requests/{id}/targets/KG/supplementary", key);
        var again = await Send(prosecutor, $"/api/requests/{id}/targets/KG/supplementary", key);

        await first.ShouldBeAsync(HttpStatusCode.Created);
        await again.ShouldBeAsync(HttpStatusCode.Created);
        (await again.JsonAsync()).GetProperty("id").GetGuid().Should().Be((await first.JsonAsync()).GetProperty("id").GetGuid());
        Actions(await prosecutor.GetAsync($"/api/requests/{id}")).Count(a => a.Action == "Supplementary request drafted").Should().Be(1);
    }

    [Fact]
    public async Task A_link_a_client_sends_is_refused_naming_followsUp_and_one_read_back_unchanged_is_kept()
    {
        var content = TestContent.Complete(LegalBasis.Untoc, "KG");
        content.FollowsUp = new FollowUp { Kind = FollowUpKind.Supplementary, EarlierBranchId = Guid.NewGuid(), EarlierReference = "KZ-2026-999999" };
        var prosecutor = await api.As(Prosecutor);

        var created = await prosecutor.Client.PostAsJsonAsync("/api/requests", content, RequestContentJson.Options);

        (await created.ErrorFieldsAsync()).Should().Equal("followsUp");
        var (id, _) = await api.BranchIn("Acknowledged");
        var draft = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/supplementary");
        var newId = (await draft.JsonAsync()).GetProperty("id").GetGuid();
        await api.Node.RequestIn(newId, "Draft");
        var stored = RequestContentJson.Deserialize((await prosecutor.GetAsync($"/api/requests/{newId}")).GetProperty("content").GetRawText());
        (await (await prosecutor.Client.PutAsJsonAsync($"/api/requests/{newId}", stored, RequestContentJson.Options)).JsonAsync()).GetProperty("revision")
            .GetInt32().Should().Be(2, "the link read back unchanged is accepted");
        stored.FollowsUp!.EarlierReference = "KZ-2026-999999";
        var changed = await prosecutor.Client.PutAsJsonAsync($"/api/requests/{newId}", stored, RequestContentJson.Options);
        (await changed.ErrorFieldsAsync()).Should().Equal("followsUp");
    }

    [Fact]
    public async Task A_supplementary_request_KG_sends_is_a_new_case_linked_to_KZ_s_case_of_the_earlier_one_and_another_country_cannot_link_to_it()
    {
        var earlier = await api.ReceiveFromKg();
        var earlierCase = await api.Node.Query(db => db.IncomingCases.SingleAsync(c => c.Id == earlier));
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.FollowsUp = new FollowUp { Kind = FollowUpKind.Supplementary, EarlierBranchId = earlier, EarlierRequestId = Guid.NewGuid(), EarlierReference = "KG-2026-000001" };

        var later = await Receive("KG", content);
        var fromUz = await Receive("UZ", content);

        (await api.Timeline(later)).Should().Contain(e => e.Action == "Supplementary to an earlier request" && e.Details == earlierCase.Reference);
        (await api.Timeline(earlier)).Should().Contain(e => e.Action == "Supplementary request received");
        (await api.Timeline(fromUz)).Should().NotContain(e => e.Action == "Supplementary to an earlier request", "UZ's request does not follow KG's case");
        (await api.Timeline(earlier)).Count(e => e.Action == "Supplementary request received").Should().Be(1);
    }

    async Task<Guid> Receive(string from, RequestContent content)
    {
        var caseId = Guid.NewGuid();
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed(from, "KZ", new RequestTransmitted(caseId, Guid.NewGuid(), $"{from}-2026-000777", from, "KZ",
            content.Kind.ToString(), content.LegalBasis!.Value.ToString(), false, false, RequestContentJson.Version, RequestContentJson.Serialize(content),
            $"{from.ToLowerInvariant()}.liaison", api.Now), api.Now));
        await api.Node.IncomingIn(caseId, "Received");
        await api.Settled();
        return caseId;
    }

    static List<(string? Action, string? Details)> Actions(JsonElement request) =>
        request.GetProperty("timeline").EnumerateArray()
            .Select(t => (t.GetProperty("action").GetString(), t.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null))
            .ToList();

    static Task<HttpResponseMessage> Send(NodeApi user, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
