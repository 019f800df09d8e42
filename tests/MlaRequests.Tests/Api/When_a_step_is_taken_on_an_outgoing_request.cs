using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Every request step in every status a request reaches through the API: the allowed ones move the
/// workflow on (and its review clock, and what KG is told); the others are refused with 409 and
/// leave the workflow, its timeline and the outbox exactly as they were.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_step_is_taken_on_an_outgoing_request(ApiNode api) : IClassFixture<ApiNode>
{
    static readonly (string From, string Step, string To)[] Transitions =
    [
        ("Draft", "submit", "InReview"),
        ("Draft", "withdraw", "Withdrawn"),
        ("InReview", "approve", "Approved"),
        ("InReview", "return", "Draft"),
        ("InReview", "reject", "RejectedInternally"),
        ("InReview", "withdraw", "Withdrawn"),
        ("Approved", "withdraw", "Withdrawn"),
    ];

    static readonly string[] Statuses = ["Draft", "InReview", "Approved", "RejectedInternally", "Withdrawn"];

    public static TheoryData<string, string> RefusedSteps()
    {
        var data = new TheoryData<string, string>();
        foreach (var status in Statuses)
        {
            foreach (var step in Steps.Where(s => !Transitions.Any(t => t.From == status && t.Step == s)))
                data.Add(status, step);
        }
        return data;
    }

    [Theory]
    [InlineData("Draft", "submit", "InReview", "running", null)]
    [InlineData("Draft", "withdraw", "Withdrawn", null, null)]
    [InlineData("InReview", "approve", "Approved", "met", nameof(RequestTransmitted))]
    [InlineData("InReview", "return", "Draft", "cancelled", null)]
    [InlineData("InReview", "reject", "RejectedInternally", "cancelled", null)]
    [InlineData("InReview", "withdraw", "Withdrawn", "cancelled", null)]
    [InlineData("Approved", "withdraw", "Withdrawn", "met", nameof(RequestWithdrawn))]
    public async Task The_allowed_step_is_accepted_and_the_request_reaches_the_next_status(
        string from, string step, string to, string? reviewClock, string? toldKg)
    {
        var id = await api.RequestIn(from);
        var branch = DeterministicGuid.Branch(id, "KG");
        var user = ActorOf(step);
        var client = await api.As(user);
        var timelineBefore = await api.TimelineCount(id);
        var toldBefore = api.Kg.About(branch).Count;
        AllowedSteps(await client.GetAsync($"/api/requests/{id}")).Should().Contain(step, "the step is offered to the user who may take it");

        var response = await client.PostAsync($"/api/requests/{id}/{step}", BodyOf(step));

        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().Be($"/api/requests/{id}");
        var accepted = await response.JsonAsync();
        accepted.GetProperty("id").GetGuid().Should().Be(id);
        accepted.GetProperty("step").GetString().Should().Be(step);
        accepted.GetProperty("fromStatus").GetString().Should().Be(from);

        await api.Node.RequestIn(id, to);
        await api.Settled();
        var view = await client.GetAsync($"/api/requests/{id}");
        view.GetProperty("status").GetString().Should().Be(to);
        var added = (await api.Timeline(id)).Skip(timelineBefore).ToList();
        added.Should().ContainSingle(e => e.BranchId == null, "the request's own timeline gets one line for the step")
            .Which.Should().Match<Domain.Timeline.TimelineEntry>(e => e.Status == to && e.Actor == user);
        if (reviewClock is null)
            view.GetProperty("clocks").GetArrayLength().Should().Be(0, "a draft withdrawn before review never had a clock");
        else
            ClockState(view, "InternalReview").Should().Be(reviewClock);
        if (to is "Withdrawn" or "RejectedInternally")
            view.GetProperty("clocks").EnumerateArray().Where(c => c.GetProperty("state").GetString() is not ("met" or "cancelled"))
                .Should().BeEmpty("no deadline keeps running for a request that ended");

        var told = api.Kg.About(branch).Skip(toldBefore).Select(m => m.GetType().Name).ToList();
        if (toldKg is null)
            told.Should().BeEmpty("KG hears about a request only once it is approved");
        else
            told.Should().Equal(toldKg);
    }

    [Theory]
    [MemberData(nameof(RefusedSteps))]
    public async Task A_step_the_status_does_not_allow_is_refused_with_409_and_nothing_changes(string status, string step)
    {
        var id = await api.RequestIn(status);
        var branch = DeterministicGuid.Branch(id, "KG");
        var client = await api.As(ActorOf(step));
        var workflow = (await api.Node.Request(id))!;
        var timeline = await api.TimelineCount(id);
        var outbox = await api.OutboxHighWater();
        var told = api.Kg.About(branch).Count;
        AllowedSteps(await client.GetAsync($"/api/requests/{id}")).Should().NotContain(step, "the step is not offered in {0}", status);

        var response = await client.PostAsync($"/api/requests/{id}/{step}", BodyOf(step));

        await response.ShouldBeConflictAsync(step, status);
        (await api.OutboxHighWater()).Should().Be(outbox, "a refused step writes no message");
        await api.Settled();
        var after = (await api.Node.Request(id))!;
        after.CurrentState.Should().Be(status);
        after.Version.Should().Be(workflow.Version, "the workflow was not touched");
        (await api.TimelineCount(id)).Should().Be(timeline, "the timeline shows no step");
        api.Kg.About(branch).Should().HaveCount(told, "KG is told nothing");
        (await client.GetAsync($"/api/requests/{id}")).GetProperty("status").GetString().Should().Be(status);
    }

    [Fact]
    public async Task The_409_names_the_steps_the_caller_may_take_instead()
    {
        var id = await api.RequestIn("Approved");
        var prosecutor = await api.As(Prosecutor);

        var problem = await (await prosecutor.PostAsync($"/api/requests/{id}/submit")).ShouldBeConflictAsync("submit", "Approved");

        problem.GetProperty("detail").GetString().Should().EndWith("Allowed now: withdraw.");
    }

    [Theory]
    [InlineData("InReview")]
    [InlineData("Approved")]
    public async Task A_request_that_left_draft_cannot_be_edited(string status)
    {
        var id = await api.RequestIn(status);
        var prosecutor = await api.As(Prosecutor);
        var changed = TestContent.Complete();
        changed.Facts = "Rewritten after approval.";

        var response = await prosecutor.Client.PutAsJsonAsync($"/api/requests/{id}", changed, Domain.Requests.RequestContentJson.Options);

        await response.ShouldBeConflictAsync("edit", status);
        var view = await prosecutor.GetAsync($"/api/requests/{id}");
        view.GetProperty("revision").GetInt32().Should().Be(1);
        view.GetProperty("content").GetProperty("facts").GetString().Should().NotBe("Rewritten after approval.");
    }

    // A client that recognises problem details by media type (RFC 9457) must recognise the "not allowed now" answers too.
    [Fact]
    public async Task A_409_is_served_as_problem_details()
    {
        var id = await api.RequestIn("Draft");

        var response = await (await api.As(Liaison)).PostAsync($"/api/requests/{id}/approve");

        await response.ShouldBeConflictAsync("approve", "Draft");
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    static IReadOnlyList<string> AllowedSteps(JsonElement request) =>
        request.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()!).ToList();

    static string ClockState(JsonElement request, string kind) =>
        request.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind).GetProperty("state").GetString()!;
}
