using System.Net;
using System.Text.Json;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Shared;
using static MlaRequests.Tests.Api.IncomingSetup;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// This node as the requested country: a request from KG and the liaison officer's steps on it.
/// Each allowed step moves the case on and tells KG; every other step is refused with 409, and
/// then the case, its timeline, the outbox and KG's inbound queue stay as they were.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_step_is_taken_on_an_incoming_request(ApiNode api) : IClassFixture<ApiNode>
{
    static readonly (string From, string Route)[] Allowed =
    [
        ("Received", "register"),
        ("Registered", "assign"),
        ("Assigned", "assign"), ("Assigned", "extend-recognition"), ("Assigned", "request-information"), ("Assigned", "accept"),
        ("Assigned", "refuse"), ("Assigned", "postpone"), ("AwaitingInformation", "refuse"),
        ("Postponed", "accept"), ("Postponed", "refuse"), ("Postponed", "resume"), ("Postponed", "postpone"),
        ("InExecution", "record-execution"), ("InExecution", "transfer-evidence"), ("InExecution", "postpone"), ("PartiallyExecuted", "postpone"),
        ("PartiallyExecuted", "record-execution"), ("PartiallyExecuted", "transfer-evidence"),
        ("Executed", "transfer-evidence"),
        ("InExecution", "record-measure"), ("InExecution", "propose-measure-refusal"), ("InExecution", "prepare-evidence"),
        ("PartiallyExecuted", "record-measure"), ("PartiallyExecuted", "propose-measure-refusal"), ("PartiallyExecuted", "prepare-evidence"),
        ("Executed", "prepare-evidence"),
    ];

    [Theory]
    [InlineData("Received", "register", "Registered", nameof(IncomingRequestRegistered))]
    [InlineData("Registered", "assign", "Assigned", nameof(IncomingRequestAssigned))]
    [InlineData("Assigned", "assign", "Assigned", nameof(IncomingRequestAssigned))]
    [InlineData("Assigned", "extend-recognition", "Assigned", nameof(RecognitionPeriodExtended))]
    [InlineData("Assigned", "request-information", "AwaitingInformation", nameof(AdditionalInformationRequested))]
    [InlineData("Assigned", "accept", "InExecution", nameof(IncomingRequestAccepted))]
    [InlineData("Assigned", "postpone", "Postponed", nameof(IncomingRequestPostponed))]
    [InlineData("Postponed", "accept", "InExecution", nameof(IncomingRequestAccepted))]
    [InlineData("Postponed", "resume", "Assigned", nameof(IncomingRequestResumed))]
    [InlineData("Postponed", "postpone", "Postponed", nameof(IncomingRequestPostponed))]
    [InlineData("InExecution", "postpone", "ExecutionPostponed", nameof(IncomingRequestPostponed))]
    [InlineData("InExecution", "record-execution:partial", "PartiallyExecuted", nameof(ExecutionRecorded))]
    [InlineData("InExecution", "record-execution", "Executed", nameof(ExecutionRecorded))]
    [InlineData("InExecution", "transfer-evidence", "ResponseTransmitted", nameof(EvidenceTransferred))]
    [InlineData("PartiallyExecuted", "record-execution", "Executed", nameof(ExecutionRecorded))]
    [InlineData("PartiallyExecuted", "transfer-evidence", "ResponseTransmitted", nameof(EvidenceTransferred))]
    [InlineData("Executed", "transfer-evidence", "ResponseTransmitted", nameof(EvidenceTransferred))]
    public async Task The_allowed_step_moves_the_case_on_and_tells_KG(string from, string step, string to, string toldKg)
    {
        var id = await api.CaseIn(from);
        var route = RouteOf(step);
        var liaison = await api.As(Liaison);
        var timeline = await api.TimelineCount(id);
        var told = api.Kg.About(id).Count;
        AllowedSteps(await liaison.GetAsync($"/api/incoming/{id}")).Should().Contain(route);

        var response = await liaison.PostAsync($"/api/incoming/{id}/{route}", BodyOf(step, api));

        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().Be($"/api/incoming/{id}");
        (await response.JsonAsync()).GetProperty("fromStatus").GetString().Should().Be(from);
        await Infrastructure.Eventually.Until(() => api.Kg.About(id).Count > told, TestTimeouts.Workflow, $"KG to hear of {step}");
        await api.Settled();
        (await api.Node.Incoming(id))!.CurrentState.Should().Be(to);
        (await liaison.GetAsync($"/api/incoming/{id}")).GetProperty("status").GetString().Should().Be(to);
        api.Kg.About(id).Skip(told).Select(m => m.GetType().Name).Should().Equal([toldKg], "KG hears of the step exactly once");
        (await api.Timeline(id)).Skip(timeline).Where(e => !e.Action.Contains(" clock ", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Match<Domain.Timeline.TimelineEntry>(e => e.Status == to && e.Actor == Liaison);
    }

    [Theory]
    [InlineData("Received")]
    [InlineData("Registered")]
    [InlineData("Assigned")]
    [InlineData("AwaitingInformation")]
    [InlineData("Postponed")]
    [InlineData("InExecution")]
    [InlineData("PartiallyExecuted")]
    [InlineData("Executed")]
    [InlineData("ResponseTransmitted")]
    public async Task Every_step_the_status_does_not_allow_is_refused_with_409_and_nothing_changes(string status)
    {
        var id = await api.CaseIn(status);
        // open-mirror-case and close on a classic request in Registered have their own tests below.
        var refused = Routes.Where(r => !Allowed.Contains((status, r)) && !(status == "Registered" && r is "open-mirror-case" or "close")).ToList();
        var liaison = await api.As(Liaison);
        var before = await Snapshot(id);
        AllowedSteps(await liaison.GetAsync($"/api/incoming/{id}")).Should().NotIntersectWith(refused);

        foreach (var route in refused)
        {
            var response = await liaison.PostAsync($"/api/incoming/{id}/{route}", BodyOf(route, api));
            await response.ShouldBeConflictAsync(route, status);
            (await Snapshot(id)).Should().Be(before, "'{0}' was refused in {1}", route, status);
        }

        await api.Settled();
        (await Snapshot(id)).Should().Be(before, "nothing happened after the refusals either");
    }

    [Fact]
    public async Task Accepting_a_mirror_investigation_opens_a_linked_domestic_case_and_tells_KG_its_reference()
    {
        var content = Infrastructure.TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.Kind = RequestKind.MirrorInvestigation;
        var id = await api.CaseIn("Assigned", content);

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/accept");

        var accepted = await api.Kg.Receives<IncomingRequestAccepted>(id);
        accepted.DomesticCaseReference.Should().StartWith("KZ-MC-");
        await api.Node.IncomingIn(id, "InExecution");
        (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("domesticCaseReference").GetString()
            .Should().Be(accepted.DomesticCaseReference);
    }

    [Fact]
    public async Task Spontaneous_information_can_seed_a_mirror_case()
    {
        var id = await api.CaseIn("InformationRegistered", Spontaneous());

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/open-mirror-case");

        var accepted = await api.Kg.Receives<IncomingRequestAccepted>(id);
        accepted.DomesticCaseReference.Should().StartWith("KZ-MC-");
        await api.Node.IncomingIn(id, "MirrorCaseOpened");
    }

    [Fact]
    public async Task Spontaneous_information_can_be_noted_and_closed()
    {
        var id = await api.CaseIn("InformationRegistered", Spontaneous());

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/close");

        await api.Kg.Receives<SpontaneousInformationNoted>(id);
        await api.Node.IncomingIn(id, "Closed");
    }
    [Theory]
    [InlineData("open-mirror-case")]
    [InlineData("close")]
    public async Task A_classic_request_cannot_be_turned_into_a_mirror_case_or_closed_as_noted(string route)
    {
        var id = await api.CaseIn("Registered");
        var before = await Snapshot(id);

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/{route}");

        await api.Settled();
        (await Snapshot(id)).Should().Be(before, "only spontaneous information is noted or turned into a mirror case");
        await response.ShouldBeConflictAsync(route, "Registered");
        AllowedSteps(await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).Should().NotContain(route);
    }
    [Fact]
    public async Task Spontaneous_information_is_not_assigned_for_execution()
    {
        var id = await api.CaseIn("InformationRegistered", Spontaneous());
        var before = await Snapshot(id);

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/assign", BodyOf("assign", api));

        await api.Settled();
        (await Snapshot(id)).Should().Be(before, "spontaneous information is only noted or turned into a mirror case");
        await response.ShouldBeConflictAsync("assign", "InformationRegistered");
        AllowedSteps(await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).Should().NotContain("assign");
    }

    [Fact]
    public async Task An_answer_from_KG_that_arrives_after_its_withdrawal_is_on_the_timeline_and_the_case_stays_withdrawn()
    {
        var id = await api.CaseIn("AwaitingInformation");
        // KG answered, then withdrew the request; the withdrawal crossed the border first.
        var answer = new AdditionalInformationProvided(id, "KG", "The account is held at the Bishkek branch.", "kg.prosecutor", api.Now);
        await api.Node.Bus.Publish(new RequestWithdrawn(id, "KG", "Settled domestically.", "kg.liaison", api.Now + NodaTime.Duration.FromMinutes(3)));
        await api.Node.IncomingIn(id, "Withdrawn");
        await api.Node.Bus.Publish(answer);

        var timeline = await Eventually.Until(() => api.Timeline(id),
            entries => entries.Any(e => e.Action == TimelineTexts.InformationReceived.Format()), TestTimeouts.Workflow, "the late answer");
        var late = timeline.Single(e => e.Action == TimelineTexts.InformationReceived.Format());
        late.Status.Should().Be("Withdrawn");
        late.Details.Should().Be(answer.Answer);
        late.Actor.Should().Be("kg.prosecutor (KG)");
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Withdrawn");
    }

    /// <summary>What the liaison officer sees of the case, what the workflow holds, and what left the node.</summary>
    async Task<object> Snapshot(Guid id)
    {
        var view = await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}");
        var workflow = (await api.Node.Incoming(id))!;
        return new
        {
            Status = view.GetProperty("status").GetString(),
            AssignedTo = view.GetProperty("assignedTo").ToString(),
            DomesticCase = view.GetProperty("domesticCaseReference").ToString(),
            Timeline = view.GetProperty("timeline").GetArrayLength(),
            workflow.CurrentState,
            workflow.Version,
            Outbox = await api.OutboxHighWater(),
            ToldKg = api.Kg.About(id).Count,
        };
    }

    static IReadOnlyList<string> AllowedSteps(JsonElement incoming) =>
        incoming.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()!).ToList();
}
