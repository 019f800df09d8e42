using System.Net;
using System.Text.Json;
using MlaRequests.Contracts;
using static MlaRequests.Tests.Api.RequestSetup;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The prosecutor's two steps on a requested country's branch: answering KG's questions only while
/// KG waits for information, confirming the evidence only once KG transferred it.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_step_is_taken_on_a_requested_country_s_branch(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task Answering_KG_s_questions_sends_the_answer_to_KG_and_recognition_resumes()
    {
        var (id, branch) = await api.BranchIn("AdditionalInformationRequested");
        var prosecutor = await api.As(Prosecutor);
        Target(await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString())
            .Should().Equal("answer-information", "withdraw-country", "enquire");

        var response = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/answer-information", new { answer = "Halyk Bank, account KZ12 3456." });

        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        (await response.JsonAsync()).GetProperty("fromStatus").GetString().Should().Be("AdditionalInformationRequested");
        await api.Node.BranchIn(branch, "UnderRecognition");
        (await api.Kg.Receives<AdditionalInformationProvided>(branch)).Answer.Should().Be("Halyk Bank, account KZ12 3456.");
        await api.Settled();
        var view = await prosecutor.GetAsync($"/api/requests/{id}");
        Target(view).GetProperty("status").GetString().Should().Be("UnderRecognition");
        Clock(view, "AdditionalInformation").GetProperty("state").GetString().Should().Be("met", "this office answered in time");
        // The last step taken; the recognition clock's resumption, which the answer causes, is written after it.
        (await api.Timeline(id)).Last(e => e.Action != TimelineTexts.ClockResumed.Format(Domain.Deadlines.ClockKind.Recognition)).Should().Match<Domain.Timeline.TimelineEntry>(e =>
            e.Action == "Additional information provided" && e.Status == "UnderRecognition" && e.Country == "KG" && e.Actor == Prosecutor);
    }

    [Fact]
    public async Task Confirming_the_evidence_tells_KG_and_completes_the_branch_and_the_request()
    {
        var (id, branch) = await api.BranchIn("EvidenceTransferred");
        var prosecutor = await api.As(Prosecutor);

        var response = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/confirm-evidence");

        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.BranchIn(branch, "Completed");
        await api.Kg.Receives<EvidenceReceiptConfirmed>(branch);
        await api.Node.RequestIn(id, "Completed");
        await api.Settled();
        var view = await prosecutor.GetAsync($"/api/requests/{id}");
        view.GetProperty("status").GetString().Should().Be("Completed", "its only requested country reached a final status");
        Target(view).GetProperty("status").GetString().Should().Be("Completed");
    }

    [Fact]
    public async Task Reports_from_KG_that_arrive_out_of_order_are_all_on_the_timeline_and_the_status_stays_the_furthest()
    {
        var (id, branch) = await api.BranchIn("EvidenceTransferred");
        var partialAt = api.Now;

        await api.Node.Bus.Publish(new ExecutionRecorded(branch, "KG", true, "All measures executed.", "kg.liaison", partialAt));
        await api.Node.Bus.Publish(new ExecutionRecorded(branch, "KG", false, "Witness heard; bank records pending.", "kg.liaison", partialAt));
        await api.Settled();

        var view = await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}");
        Target(view).GetProperty("status").GetString().Should().Be("EvidenceTransferred", "a late report does not move the branch back");
        var timeline = view.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        timeline.Should().Contain(["Partially executed", "Executed", "Evidence transferred"], "what KG reported late is kept for the prosecutor");
    }

    [Theory]
    [InlineData("Transmitted", "answer-information")]
    [InlineData("Acknowledged", "answer-information")]
    [InlineData("UnderRecognition", "answer-information")]
    [InlineData("InExecution", "answer-information")]
    [InlineData("EvidenceTransferred", "answer-information")]
    [InlineData("Completed", "answer-information")]
    [InlineData("Transmitted", "confirm-evidence")]
    [InlineData("AdditionalInformationRequested", "confirm-evidence")]
    [InlineData("InExecution", "confirm-evidence")]
    [InlineData("Completed", "confirm-evidence")]
    public async Task A_branch_step_the_status_does_not_allow_is_refused_with_409_and_nothing_changes(string status, string step)
    {
        var (id, branch) = await api.BranchIn(status);
        var prosecutor = await api.As(Prosecutor);
        var workflow = (await api.Node.Branch(branch))!;
        var timeline = await api.TimelineCount(id);
        var outbox = await api.OutboxHighWater();
        var told = api.Kg.About(branch).Count;
        Target(await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString())
            .Should().NotContain(step);

        var response = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/{step}", new { answer = "Halyk Bank." });

        await response.ShouldBeConflictAsync(step, status);
        (await api.OutboxHighWater()).Should().Be(outbox, "a refused step writes no message");
        await api.Settled();
        var after = (await api.Node.Branch(branch))!;
        after.CurrentState.Should().Be(status);
        after.Version.Should().Be(workflow.Version);
        (await api.TimelineCount(id)).Should().Be(timeline);
        api.Kg.About(branch).Should().HaveCount(told, "KG is told nothing");
    }

    [Fact]
    public async Task A_branch_step_for_a_country_the_request_does_not_go_to_is_not_found()
    {
        var (id, _) = await api.BranchIn("AdditionalInformationRequested");

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/TJ/answer-information", new { answer = "Halyk Bank." });

        await response.ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_empty_answer_is_refused_with_400_naming_answer_and_the_branch_keeps_waiting()
    {
        var (id, branch) = await api.BranchIn("AdditionalInformationRequested");
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/KG/answer-information", new { answer = "  " });

        (await response.ErrorFieldsAsync()).Should().Equal("answer");
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("AdditionalInformationRequested");
    }

    static JsonElement Target(JsonElement request) =>
        request.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == "KG");

    static JsonElement Clock(JsonElement request, string kind) =>
        request.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind);
}
