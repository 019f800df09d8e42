using System.Text.Json;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The recognition clock does not count while the requested side waits for additional information (DOMAIN.md, "Deadline
/// clocks"): on the requested node (KZ's case from KG) and on the requesting node (KZ's branch to KG) it is suspended with
/// the questions and resumed with the answer, its due instant moved by exactly the time spent waiting; both timelines say so.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_recognition_waits_for_additional_information(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task The_requested_node_suspends_the_clock_with_the_questions_and_moves_its_due_instant_by_the_wait()
    {
        var id = await api.CaseIn("Assigned");
        var before = await Recognition(id, "Running");
        var asked = api.Now;

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/request-information", new { questions = "Which branch of the bank holds the account?" });

        await Recognition(id, "Suspended");
        var view = Clock(await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}"));
        view.GetProperty("state").GetString().Should().Be("suspended");
        NodaTime.Text.DurationPattern.CreateWithInvariantCulture("-H:mm:ss.FFFFFFFFF").Parse(view.GetProperty("timeLeft").GetString()!).Value
            .Should().Be(before.DueAt - asked, "the time left is kept while nothing counts");
        api.Clock.Advance(Duration.FromDays(6) + Duration.FromHours(2));
        var answered = api.Now;

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new AdditionalInformationProvided(id, "KG", "The Bishkek branch.", "kg.prosecutor", answered), answered));

        await api.Node.IncomingIn(id, "Assigned");
        var after = await Recognition(id, "Running");
        after.DueAt.Should().Be(before.DueAt + (answered - asked));
        after.Reminder50At.Should().Be(before.Reminder50At + (answered - asked));
        after.StartedAt.Should().Be(before.StartedAt, "it is the same clock, not a new one");
        await api.Settled();
        var timeline = await api.Timeline(id);
        timeline.Should().ContainSingle(e => e.Action == TimelineTexts.ClockSuspended.Format(ClockKind.Recognition))
            .Which.Should().Match<Domain.Timeline.TimelineEntry>(e => e.At == asked && e.Details == TimelineTexts.ClockSuspendedDetails.Format(before.DueAt - asked));
        timeline.Should().ContainSingle(e => e.Action == TimelineTexts.ClockResumed.Format(ClockKind.Recognition))
            .Which.Should().Match<Domain.Timeline.TimelineEntry>(e => e.At == answered
                && e.Details == TimelineTexts.ClockResumedDetails.Format(answered - asked, after.DueAt));
    }

    [Fact]
    public async Task The_requesting_node_keeps_the_foreign_clock_the_same_way_and_resumes_it_with_its_answer()
    {
        var (request, branch) = await api.BranchIn("UnderRecognition");
        var before = await BranchRecognition(request, branch, "Running");
        var asked = api.Now;
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new AdditionalInformationRequested(branch, "KG", "Which bank holds the account?", "kg.liaison", asked), asked));
        await api.Node.BranchIn(branch, "AdditionalInformationRequested");
        await BranchRecognition(request, branch, "Suspended");
        api.Clock.Advance(Duration.FromDays(4) + Duration.FromHours(3));
        var answered = api.Now;

        await (await api.As(Prosecutor)).StepAsync($"/api/requests/{request}/targets/KG/answer-information", new { answer = "Halyk Bank." });

        await api.Node.BranchIn(branch, "UnderRecognition");
        var after = await BranchRecognition(request, branch, "Running");
        after.DueAt.Should().Be(before.DueAt + (answered - asked));
        await api.Settled();
        var view = await (await api.As(Prosecutor)).GetAsync($"/api/requests/{request}");
        view.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "Recognition").GetProperty("state").GetString()
            .Should().BeOneOf("running", "due");
        (await api.Timeline(request)).Should().Contain(e => e.Action == TimelineTexts.ClockResumed.Format(ClockKind.Recognition) && e.BranchId == branch);
    }

    [Fact]
    public async Task A_withdrawal_while_the_clock_is_suspended_cancels_it()
    {
        var id = await api.CaseIn("AwaitingInformation");
        await Recognition(id, "Suspended");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new RequestWithdrawn(id, "KG", "The suspect was arrested.", "kg.prosecutor", api.Now), api.Now));

        await api.Node.IncomingIn(id, "Withdrawn");
        await Recognition(id, "Cancelled");
    }

    Task<DeadlineClockState> Recognition(Guid id, string state) =>
        Eventually.Until(async () => (await api.Node.Clocks(id)).Single(c => c.Kind == ClockKind.Recognition), c => c.CurrentState == state,
            TestTimeouts.Workflow, $"the recognition clock of {id} to be {state}");

    Task<DeadlineClockState> BranchRecognition(Guid request, Guid branch, string state) =>
        Eventually.Until(async () => (await api.Node.Clocks(request)).Single(c => c.Kind == ClockKind.Recognition && c.BranchId == branch),
            c => c.CurrentState == state, TestTimeouts.Workflow, $"the recognition clock of {branch} to be {state}");

    static JsonElement Clock(JsonElement view) =>
        view.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "Recognition");
}
