using System.Net;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Workflows;

/// <summary>
/// Withdrawal from one requested country only: that country is told and its clocks stop; the other countries' branches go on and
/// the request stays approved until they finish, then it completes.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_request_is_withdrawn_from_one_country_only : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 6, 1, 5, 0));

    [Fact]
    public async Task Only_that_country_is_told_the_others_go_on_and_the_request_completes_when_they_finish()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var kg = await SentToCountry.ListenAsync(node, "KG");
        var tj = await SentToCountry.ListenAsync(node, "TJ");
        var id = await Scenario.ApprovedAsync(node, TestContent.Complete(LegalBasis.Untoc, "KG", "TJ"));
        var (toKg, toTj) = (DeterministicGuid.Branch(id, "KG"), DeterministicGuid.Branch(id, "TJ"));
        await Scenario.RegisteredBy(node, id, "TJ", _clock.GetCurrentInstant());
        await node.BranchIn(toTj, "Acknowledged");
        var prosecutor = await node.LoginAsync("kz.prosecutor");

        var response = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/withdraw-country",
            new { reason = "The witness moved to Kazakhstan; we hear her ourselves." });

        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        var withdrawn = await node.BranchIn(toKg, "Withdrawn");
        withdrawn.AcknowledgementClockId.Should().BeNull("KG's clocks stop");
        (await kg.Receives<RequestWithdrawn>(toKg)).Reason.Should().StartWith("The witness moved");
        await Eventually.Until(() => node.Clocks(id), cs => cs.Where(c => c.BranchId == toKg).All(c => c.CurrentState == "Cancelled"),
            TimeSpan.FromSeconds(10), "KG's clocks to be cancelled");
        (await node.Clocks(id)).Should().Contain(c => c.BranchId == toTj && c.CurrentState == "Running", "TJ's recognition clock keeps running");
        (await node.Branch(toTj))!.CurrentState.Should().Be("Acknowledged");
        tj.All.OfType<RequestWithdrawn>().Should().BeEmpty("TJ goes on");
        var view = await prosecutor.GetAsync($"/api/requests/{id}");
        view.GetProperty("status").GetString().Should().Be("Approved", "one country still works on it");
        view.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()).Should().Contain("withdraw", "the rest may still be withdrawn");
        (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/withdraw-country", new { reason = "Again." })).StatusCode
            .Should().Be(HttpStatusCode.Conflict, "a withdrawn branch is final");

        await node.Bus.Publish(new IncomingRequestRefused(toTj, "TJ", ["DUAL_CRIMINALITY"], "Not an offence here.", "tj.liaison", _clock.GetCurrentInstant()));
        await node.BranchIn(toTj, "Refused");
        await node.RequestIn(id, "Completed");
        var timeline = (await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("timeline").EnumerateArray()
            .Select(t => (Action: t.GetProperty("action").GetString(), Country: t.TryGetProperty("country", out var c) ? c.GetString() : null)).ToList();
        timeline.Should().Contain(("Withdrawn", "KG"));
        timeline.Last().Action.Should().Be("Completed");
    }

    [Fact]
    public async Task Only_the_prosecutors_of_the_request_s_office_withdraw_and_a_reason_is_required()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = await Scenario.ApprovedAsync(node, TestContent.Complete(LegalBasis.Untoc, "KG", "TJ"));
        var path = $"/api/requests/{id}/targets/KG/withdraw-country";

        var liaison = await (await node.LoginAsync("kz.liaison")).PostAsync(path, new { reason = "Not needed." });
        var otherOffice = await (await node.LoginAsync("kz.prosecutor2")).PostAsync(path, new { reason = "Not needed." });
        var noReason = await (await node.LoginAsync("kz.prosecutor")).PostAsync(path, new { reason = "" });

        await liaison.ShouldBeAsync(HttpStatusCode.Forbidden);
        await otherOffice.ShouldBeAsync(HttpStatusCode.NotFound);
        (await noReason.ErrorFieldsAsync()).Should().Equal("reason");
        (await node.Branch(DeterministicGuid.Branch(id, "KG")))!.CurrentState.Should().Be("Transmitted");
    }

    public void Dispose() => _data.Dispose();
}

/// <summary>
/// The office setting <c>StatusEnquiries:AutomaticForOffices</c>: when a clock KG must meet escalates on a branch of a listed office,
/// the node sends KG one status enquiry for that clock, never a second one; without the setting it sends none.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_foreign_clock_escalates : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 6, 1, 5, 0));

    [Fact]
    public async Task An_office_that_turned_it_on_sends_one_enquiry_per_clock()
    {
        await using var node = new NodeFactory(_data.Path, _clock, new Dictionary<string, string?> { ["StatusEnquiries:AutomaticForOffices:0"] = "KZ-ALM" });
        var kg = await SentToCountry.ListenAsync(node, "KG");
        var id = await Scenario.ApprovedAsync(node, TestContent.Complete(LegalBasis.Untoc, "KG"));
        var branch = DeterministicGuid.Branch(id, "KG");
        var acknowledgement = await Eventually.Until(() => node.Clocks(id), cs => cs.Any(c => c.BranchId == branch), TimeSpan.FromSeconds(10), "KG's clock");

        _clock.Reset(acknowledgement.Single(c => c.BranchId == branch).DueAt);
        await node.DispatchRounds(3);

        var enquiry = await kg.Receives<StatusEnquirySent>(branch);
        enquiry.Automatic.Should().BeTrue();
        enquiry.Actor.Should().Be("system");
        enquiry.Question.Should().Contain("Acknowledgement clock (KG to act)");
        _clock.Advance(Duration.FromDays(30));
        await node.DispatchRounds(3);
        await Consistently.For(TimeSpan.FromMilliseconds(500), () => Task.FromResult(kg.About(branch).OfType<StatusEnquirySent>().Count() == 1),
            "one enquiry for the clock, however long it stays overdue");
        var timeline = await node.Query(db => db.Timeline.Where(t => t.SubjectId == id).ToListAsync());
        timeline.Should().ContainSingle(t => t.Action == "Status enquiry sent automatically (a clock escalated)" && t.Country == "KG");
    }

    [Fact]
    public async Task Without_the_setting_no_enquiry_is_sent()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var kg = await SentToCountry.ListenAsync(node, "KG");
        var id = await Scenario.ApprovedAsync(node, TestContent.Complete(LegalBasis.Untoc, "KG"));
        var branch = DeterministicGuid.Branch(id, "KG");
        var clocks = await Eventually.Until(() => node.Clocks(id), cs => cs.Any(c => c.BranchId == branch), TimeSpan.FromSeconds(10), "KG's clock");

        _clock.Reset(clocks.Single(c => c.BranchId == branch).DueAt);
        await node.DispatchRounds(3);

        await Eventually.Until(() => node.Clocks(id), cs => cs.Any(c => c.BranchId == branch && c.CurrentState == "Overdue"), TimeSpan.FromSeconds(10), "the escalation");
        await Consistently.For(TimeSpan.FromMilliseconds(500), () => Task.FromResult(!kg.About(branch).OfType<StatusEnquirySent>().Any()),
            "no automatic enquiry while the office has not turned it on");

        // The inbox offers the enquiry to the request's office while the clock is overdue and none went out since it fell due.
        var prosecutor = await node.LoginAsync("kz.prosecutor");
        var offered = (await prosecutor.GetAsync("/api/inbox")).EnumerateArray()
            .Where(t => t.GetProperty("task").GetString() == "A clock the requested country must meet is overdue: send a status enquiry").ToList();
        offered.Should().ContainSingle().Which.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).Should().Equal("enquire");
        offered[0].GetProperty("country").GetString().Should().Be("KG");
        (await (await node.LoginAsync("kz.prosecutor2")).GetAsync("/api/inbox")).EnumerateArray()
            .Should().NotContain(t => t.GetProperty("subjectId").GetGuid() == id, "another office is not offered this request's enquiry");
        await prosecutor.StepAsync($"/api/requests/{id}/targets/KG/enquire", new { question = "Has our request been registered?" });
        await kg.Receives<StatusEnquirySent>(branch);
        await Eventually.Until(async () => (await prosecutor.GetAsync("/api/inbox")).EnumerateArray()
                .Any(t => t.GetProperty("task").GetString()!.EndsWith("send a status enquiry", StringComparison.Ordinal)),
            offeredStill => !offeredStill, TimeSpan.FromSeconds(10), "the offer to go once an enquiry went out");
    }

    public void Dispose() => _data.Dispose();
}
