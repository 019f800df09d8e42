using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Contracts;
using MlaRequests.Node.Accounts;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Shared;
using static MlaRequests.Tests.Api.IncomingSetup;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// A refusal takes two people on the receiving node: the liaison officer proposes it (also while the requesting country's
/// answer is awaited), a supervisor who did not propose it signs it off, and only then does KG hear of it; or the supervisor
/// sends it back and the case returns to where it was.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_refusal_is_proposed_and_signed_off(ApiNode api) : IClassFixture<ApiNode>
{
    static readonly object Refusal = new { grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "No answer in 60 days; the act is not an offence in Kazakhstan." };

    [Fact]
    public async Task A_refusal_proposed_while_information_is_awaited_reaches_KG_only_after_a_supervisor_signs_it_off()
    {
        var id = await api.CaseIn("AwaitingInformation");
        var told = api.Kg.About(id).Count;

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/refuse", Refusal);
        await api.Node.IncomingIn(id, "RefusalProposed");
        await api.Settled();
        api.Kg.About(id).Count.Should().Be(told, "a proposed refusal does not leave the node");
        AllowedSteps(await (await api.As(Supervisor)).GetAsync($"/api/incoming/{id}")).Should().BeEquivalentTo("sign-off-refusal", "return-refusal");
        AllowedSteps(await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).Should().Equal(["answer-enquiry"],
            "the liaison officer waits for the sign-off (a status enquiry can be answered in any status)");
        (await (await api.As(Supervisor)).GetAsync("/api/inbox")).EnumerateArray()
            .Should().Contain(t => t.GetProperty("subjectId").GetGuid() == id && t.GetProperty("task").GetString() == "Sign off or send back the proposed refusal",
                "the proposal is a task in the supervisors' inbox");
        (await api.Node.Clocks(id)).Should().Contain(c => c.CurrentState != "Cancelled" && c.CurrentState != "Met", "the decision clocks run on");

        var response = await (await api.As(Supervisor)).PostAsync($"/api/incoming/{id}/sign-off-refusal");

        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        var refused = await api.Kg.Receives<IncomingRequestRefused>(id);
        refused.Grounds.Should().Equal("DUAL_CRIMINALITY");
        refused.Reasons.Should().Be("No answer in 60 days; the act is not an offence in Kazakhstan.");
        refused.Actor.Should().Be(Supervisor);
        await api.Node.IncomingIn(id, "Refused");
        await api.Settled();
        api.Kg.About(id).Skip(told).Should().ContainSingle("KG hears of the refusal once");
        var timeline = await api.Timeline(id);
        timeline.Should().Contain(e => e.Action == TimelineTexts.RefusalProposed.Format() && e.Actor == Liaison);
        timeline.Should().Contain(e => e.Action == TimelineTexts.Refused.Format() && e.Actor == Supervisor && e.Details!.Contains($"proposed by {Liaison}"));
    }

    [Fact]
    public async Task The_liaison_officer_and_a_prosecutor_may_not_sign_off_and_nothing_changes()
    {
        var id = await api.CaseIn("RefusalProposed");
        var before = await Snapshot(id);

        foreach (var user in new[] { Liaison, Prosecutor })
        {
            foreach (var route in new[] { "sign-off-refusal", "return-refusal" })
            {
                var response = await (await api.As(user)).PostAsync($"/api/incoming/{id}/{route}", new { reasons = "Because." });
                await response.ShouldBeAsync(HttpStatusCode.Forbidden);
            }
        }

        await api.Settled();
        (await Snapshot(id)).Should().Be(before);
    }

    [Fact]
    public async Task Whoever_proposed_the_refusal_may_not_sign_it_off_even_as_a_supervisor()
    {
        var both = await SupervisingLiaisonAsync();
        var id = await api.CaseIn("Assigned");
        await both.StepAsync($"/api/incoming/{id}/refuse", Refusal);
        await api.Node.IncomingIn(id, "RefusalProposed");
        await api.Settled();
        var before = await Snapshot(id);

        (await both.GetAsync("/api/inbox")).EnumerateArray().Should().NotContain(t => t.GetProperty("subjectId").GetGuid() == id,
            "the proposer is not asked to sign off their own refusal");
        AllowedSteps(await both.GetAsync($"/api/incoming/{id}")).Should().BeEquivalentTo(["return-refusal", "answer-enquiry"], "the sign-off is not offered to the proposer");

        var response = await both.PostAsync($"/api/incoming/{id}/sign-off-refusal");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, body);
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().Should().Contain("whoever proposed it may not sign it off");
        await api.Settled();
        (await Snapshot(id)).Should().Be(before, "the proposer's own sign-off changes nothing");

        await (await api.As(Supervisor)).StepAsync($"/api/incoming/{id}/sign-off-refusal");
        await api.Kg.Receives<IncomingRequestRefused>(id);
        await api.Node.IncomingIn(id, "Refused");
    }

    [Fact]
    public async Task A_refusal_sent_back_returns_the_case_to_where_it_was_and_needs_reasons()
    {
        var id = await api.CaseIn("Postponed");
        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/refuse", Refusal);
        await api.Node.IncomingIn(id, "RefusalProposed");
        await api.Settled();
        var supervisor = await api.As(Supervisor);
        var before = await Snapshot(id);

        (await (await supervisor.PostAsync($"/api/incoming/{id}/return-refusal", new { reasons = " " })).ErrorFieldsAsync()).Should().Equal("reasons");
        await api.Settled();
        (await Snapshot(id)).Should().Be(before, "a 400 changes nothing");

        await supervisor.StepAsync($"/api/incoming/{id}/return-refusal", new { reasons = "Wait for the end of the postponement." });

        await api.Node.IncomingIn(id, "Postponed");
        await api.Settled();
        api.Kg.About(id).OfType<IncomingRequestRefused>().Should().BeEmpty();
        (await api.Timeline(id)).Should().Contain(e => e.Action == TimelineTexts.RefusalReturned.Format() && e.Details == "Wait for the end of the postponement.");
    }

    [Fact]
    public async Task A_sign_off_sent_twice_with_one_key_refuses_once()
    {
        var id = await api.CaseIn("RefusalProposed");
        var supervisor = await api.As(Supervisor);
        var key = Guid.NewGuid().ToString("N");

        var first = await Send(supervisor, $"/api/incoming/{id}/sign-off-refusal", key);
        await api.Node.IncomingIn(id, "Refused");
        var again = await Send(supervisor, $"/api/incoming/{id}/sign-off-refusal", key);

        await first.ShouldBeAsync(HttpStatusCode.Accepted);
        await again.ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Settled();
        api.Kg.About(id).OfType<IncomingRequestRefused>().Should().ContainSingle();
        (await api.Timeline(id)).Count(e => e.Action == TimelineTexts.Refused.Format()).Should().Be(1);
    }

    async Task<NodeApi> SupervisingLiaisonAsync()
    {
        const string name = "kz.liaison-supervisor";
        await using (var scope = api.Node.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NodeUser>>();
            if (await users.FindByNameAsync(name) is null)
            {
                var user = new NodeUser { UserName = name, OfficeCode = "KZ-ALM", DisplayName = name, EmailConfirmed = true };
                (await users.CreateAsync(user, DemoAccounts.Password)).Succeeded.Should().BeTrue();
                (await users.AddToRolesAsync(user, [Roles.LiaisonOfficer, Roles.Supervisor])).Succeeded.Should().BeTrue();
            }
        }
        return await api.Node.LoginAsync(name);
    }

    async Task<string> Snapshot(Guid id)
    {
        var state = (await api.Node.Incoming(id))!;
        return $"{state.CurrentState} v{state.Version} timeline {await api.TimelineCount(id)} outbox {await api.OutboxHighWater()} kg {api.Kg.About(id).Count}";
    }

    static IReadOnlyList<string> AllowedSteps(JsonElement incoming) =>
        incoming.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()!).ToList();

    static Task<HttpResponseMessage> Send(NodeApi user, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
