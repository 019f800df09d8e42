using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Features.Inbox;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Milestones shared by several branches of a parallel investigation, through the API. On KZ as the requesting country a common action
/// day is scheduled once for KG and TJ (not UZ), each receives the same milestone on its own branch, changes reach both, and each
/// one's confirmation is kept per country; on KZ as a participating country KG's milestone is shown on the incoming case, confirmed
/// once by a liaison officer, and reminded in the inbox before its date until it is cancelled. Peers may only send what their role
/// in the branch allows.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_milestone_is_shared_by_several_countries(ApiNode api) : IClassFixture<ApiNode>
{
    const string Title = "Common action day: simultaneous searches";
    static readonly ConcurrentDictionary<(ApiNode, string), Lazy<Task<SentToCountry>>> Listeners = new();

    [Fact]
    public async Task One_milestone_reaches_each_chosen_country_is_changed_once_for_all_and_shows_who_confirmed()
    {
        var (id, tj, uz) = await ParallelRequest();
        var prosecutor = await api.As(Prosecutor);
        var date = api.Today.PlusDays(20);

        var created = await prosecutor.PostAsync($"/api/requests/{id}/milestones", new { title = Title, date, countries = new[] { "KG", "TJ" } });

        await created.ShouldBeAsync(HttpStatusCode.Created);
        var milestoneId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var toKg = await api.Kg.Receives<SharedMilestoneScheduled>(Branch(id, "KG"));
        var toTj = await tj.Receives<SharedMilestoneScheduled>(Branch(id, "TJ"));
        foreach (var sent in new[] { toKg, toTj })
            sent.Should().Match<SharedMilestoneScheduled>(m => m.MilestoneId == milestoneId && m.Title == Title && m.Date == date && m.Node == "KZ"
                && m.Countries.SequenceEqual(new[] { "KG", "TJ" }));
        await api.Settled();
        uz.About(Branch(id, "UZ")).OfType<SharedMilestoneScheduled>().Should().BeEmpty("UZ does not take part");

        var listed = (await prosecutor.GetAsync($"/api/requests/{id}/milestones")).EnumerateArray().Single();
        listed.GetProperty("shared").GetBoolean().Should().BeTrue();
        listed.GetProperty("confirmations").GetArrayLength().Should().Be(0);
        Steps(listed).Should().BeEquivalentTo("reschedule", "cancel", "complete");

        await Applied("KG", new SharedMilestoneConfirmed(Branch(id, "KG"), "KG", milestoneId, "kg.liaison", api.Now));
        var confirmed = (await prosecutor.GetAsync($"/api/requests/{id}/milestones"))[0].GetProperty("confirmations").EnumerateArray().ToList();
        confirmed.Should().ContainSingle().Which.GetProperty("country").GetString().Should().Be("KG");

        var moved = date.PlusDays(2);
        await (await prosecutor.PostAsync($"/api/requests/{id}/milestones/{milestoneId}/reschedule", new { date = moved, reason = "TJ's team needs two more days." }))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        (await api.Kg.Receives<SharedMilestoneChanged>(Branch(id, "KG"))).Should().Match<SharedMilestoneChanged>(c => c.Change == "Rescheduled" && c.Date == moved);
        (await tj.Receives<SharedMilestoneChanged>(Branch(id, "TJ"))).MilestoneId.Should().Be(milestoneId);
        await (await prosecutor.PostAsync($"/api/requests/{id}/milestones/{milestoneId}/cancel", new { reason = "The main suspect left the region." }))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Settled();
        api.Kg.About(Branch(id, "KG")).OfType<SharedMilestoneChanged>().Select(c => c.Change).Should().Equal("Rescheduled", "Cancelled");
        tj.About(Branch(id, "TJ")).OfType<SharedMilestoneChanged>().Select(c => c.Change).Should().Equal("Rescheduled", "Cancelled");

        var after = (await prosecutor.GetAsync($"/api/requests/{id}/milestones"))[0];
        after.GetProperty("status").GetString().Should().Be("Cancelled");
        after.GetProperty("date").GetString().Should().Be(moved.ToString("yyyy-MM-dd", null));
        Steps(after).Should().BeEmpty();
        (await prosecutor.PostAsync($"/api/requests/{id}/milestones/{milestoneId}/complete")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var timeline = await api.Timeline(id);
        timeline.Select(e => e.Action).Should().ContainInOrder("Shared milestone scheduled", "Readiness confirmed for the shared milestone",
            "Shared milestone rescheduled", "Shared milestone cancelled");
        (await api.Node.Query(db => db.AuditEntries.CountAsync(a => a.Subject != null && a.Subject.Contains(milestoneId.ToString())))).Should()
            .Be(3, "schedule, reschedule and cancel are each audited");
    }

    [Fact]
    public async Task A_supervisor_may_not_schedule_another_office_does_not_see_the_request_and_a_classic_request_has_none()
    {
        var (id, _, _) = await ParallelRequest();
        var body = new { title = Title, date = api.Today.PlusDays(5), countries = new[] { "KG", "TJ" } };

        await (await (await api.As(Supervisor)).PostAsync($"/api/requests/{id}/milestones", body)).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await (await api.As(OtherOfficeProsecutor)).PostAsync($"/api/requests/{id}/milestones", body)).ShouldBeAsync(HttpStatusCode.NotFound);
        var classic = await api.RequestIn("Approved");
        (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{classic}/milestones", body)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await api.Node.Query(db => db.Milestones.CountAsync(m => m.RequestId == id || m.RequestId == classic))).Should().Be(0);
    }

    [Fact]
    public async Task Bad_input_names_its_field_and_sends_nothing()
    {
        var (id, _, _) = await ParallelRequest();
        var prosecutor = await api.As(Prosecutor);
        var outbox = await api.OutboxHighWater();

        (await (await prosecutor.PostAsync($"/api/requests/{id}/milestones", new { title = Title, date = api.Today.PlusDays(5), countries = new[] { "KG" } }))
            .ErrorFieldsAsync()).Should().Equal("countries");
        (await (await prosecutor.PostAsync($"/api/requests/{id}/milestones", new { title = Title, date = api.Today.PlusDays(5), countries = new[] { "KG", "RU" } }))
            .ErrorFieldsAsync()).Should().Equal("countries");
        (await (await prosecutor.PostAsync($"/api/requests/{id}/milestones", new { countries = new[] { "KG", "TJ" } })).ErrorFieldsAsync())
            .Should().BeEquivalentTo("title", "date");
        (await (await prosecutor.PostAsync($"/api/requests/{id}/milestones", new { title = Title, date = api.Today.PlusDays(-1), countries = new[] { "KG", "TJ" } }))
            .ErrorFieldsAsync()).Should().Equal("date");

        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Query(db => db.Milestones.CountAsync(m => m.RequestId == id))).Should().Be(0);

        var created = await prosecutor.PostAsync($"/api/requests/{id}/milestones", new { title = Title, date = api.Today.PlusDays(5), countries = new[] { "KG", "TJ" } });
        var milestoneId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        (await (await prosecutor.PostAsync($"/api/requests/{id}/milestones/{milestoneId}/reschedule", new { date = api.Today.PlusDays(6) })).ErrorFieldsAsync())
            .Should().Equal("reason");
        (await (await prosecutor.PostAsync($"/api/requests/{id}/milestones/{milestoneId}/cancel", new { })).ErrorFieldsAsync()).Should().Equal("reason");
        (await prosecutor.PostAsync($"/api/requests/{id}/milestones/{Guid.NewGuid()}/complete")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_schedule_sent_again_with_the_same_idempotency_key_is_scheduled_and_sent_once()
    {
        var (id, tj, _) = await ParallelRequest();
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString();
        var body = new { title = Title, date = api.Today.PlusDays(9), countries = new[] { "KG", "TJ" } };

        var first = await Send(prosecutor, $"/api/requests/{id}/milestones", body, key);
        var again = await Send(prosecutor, $"/api/requests/{id}/milestones", body, key);

        await first.ShouldBeAsync(HttpStatusCode.Created);
        await again.ShouldBeAsync(HttpStatusCode.Created);
        (await again.JsonAsync()).GetProperty("id").GetGuid().Should().Be((await first.JsonAsync()).GetProperty("id").GetGuid());
        await api.Kg.Receives<SharedMilestoneScheduled>(Branch(id, "KG"));
        await api.Settled();
        api.Kg.About(Branch(id, "KG")).OfType<SharedMilestoneScheduled>().Should().ContainSingle();
        tj.About(Branch(id, "TJ")).OfType<SharedMilestoneScheduled>().Should().ContainSingle();
        (await api.Node.Query(db => db.Milestones.CountAsync(m => m.RequestId == id))).Should().Be(1);
    }

    [Fact]
    public async Task KG_s_shared_milestone_is_confirmed_here_once_by_a_liaison_officer_and_reminded_until_it_is_cancelled()
    {
        var incoming = await api.ReceiveFromKg(Parallel("KZ"));
        var milestoneId = Guid.NewGuid();
        var date = api.Today.PlusDays(1);
        await Applied("KG", new SharedMilestoneScheduled(incoming, "KG", milestoneId, Title, date, ["KZ", "TJ"], "kg.prosecutor", api.Now));
        var liaison = await api.As(Liaison);

        var shown = (await liaison.GetAsync($"/api/incoming/{incoming}/milestones")).EnumerateArray().Single();
        shown.GetProperty("id").GetGuid().Should().Be(milestoneId);
        shown.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).Should().Equal("KZ", "TJ");
        Steps(shown).Should().Equal("confirm");
        Reminders(await liaison.GetAsync("/api/inbox"), incoming).Should().Equal(SharedMilestoneTasks.LastTask);
        await (await (await api.As(Supervisor)).PostAsync($"/api/incoming/{incoming}/milestones/{milestoneId}/confirm")).ShouldBeAsync(HttpStatusCode.Forbidden);

        await (await liaison.PostAsync($"/api/incoming/{incoming}/milestones/{milestoneId}/confirm")).ShouldBeAsync(HttpStatusCode.Accepted);
        (await api.Kg.Receives<SharedMilestoneConfirmed>(incoming)).Should().Match<SharedMilestoneConfirmed>(c => c.MilestoneId == milestoneId && c.Node == "KZ");
        (await liaison.PostAsync($"/api/incoming/{incoming}/milestones/{milestoneId}/confirm")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        Steps((await liaison.GetAsync($"/api/incoming/{incoming}/milestones"))[0]).Should().BeEmpty();

        await Applied("KG", new SharedMilestoneChanged(incoming, "KG", milestoneId, "Cancelled", date, "The suspect left.", "kg.prosecutor", api.Now));
        (await liaison.GetAsync($"/api/incoming/{incoming}/milestones"))[0].GetProperty("status").GetString().Should().Be("Cancelled");
        Reminders(await liaison.GetAsync("/api/inbox"), incoming).Should().BeEmpty("a cancelled milestone is reminded to nobody");
        await api.Settled();
        api.Kg.About(incoming).OfType<SharedMilestoneConfirmed>().Should().ContainSingle();
        (await api.Timeline(incoming)).Select(e => e.Action).Should().ContainInOrder("Shared milestone scheduled",
            "Readiness confirmed for the shared milestone", "Shared milestone cancelled");
    }

    [Fact]
    public async Task The_requesting_office_is_reminded_from_seven_days_before_and_not_before()
    {
        var (id, _, _) = await ParallelRequest();
        var prosecutor = await api.As(Prosecutor);
        foreach (var days in new[] { 7, 10 })
            await (await prosecutor.PostAsync($"/api/requests/{id}/milestones", new { title = $"{Title} +{days}", date = api.Today.PlusDays(days), countries = new[] { "KG", "TJ" } }))
                .ShouldBeAsync(HttpStatusCode.Created);

        Reminders(await prosecutor.GetAsync("/api/inbox"), id).Should().Equal(SharedMilestoneTasks.SoonTask);
        Reminders(await (await api.As(OtherOfficeProsecutor)).GetAsync("/api/inbox"), id).Should().BeEmpty();
    }

    [Fact]
    public async Task Only_the_requesting_country_schedules_and_changes_and_only_a_participant_confirms()
    {
        var (id, _, _) = await ParallelRequest();
        var incoming = await api.ReceiveFromKg(Parallel("KZ"));
        var created = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/milestones",
            new { title = Title, date = api.Today.PlusDays(12), countries = new[] { "KG", "TJ" } });
        var milestoneId = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var forged = await Refused("TJ", new SharedMilestoneConfirmed(Branch(id, "KG"), "TJ", milestoneId, "tj.liaison", api.Now));
        forged.Reason.Should().Contain("only the requested country of this branch (KG) sends it");
        var scheduledByRequested = await Refused("KG", new SharedMilestoneScheduled(Branch(id, "KG"), "KG", Guid.NewGuid(), Title, api.Today, ["KG", "TJ"], "kg.x", api.Now));
        scheduledByRequested.Reason.Should().Contain("only the requesting country sends it");
        var changedByThird = await Refused("TJ", new SharedMilestoneChanged(incoming, "TJ", Guid.NewGuid(), "Cancelled", api.Today, "x", "tj.x", api.Now));
        changedByThird.Reason.Should().Contain("only the requesting country of this case (KG) sends it");

        await Applied("UZ", new SharedMilestoneConfirmed(Branch(id, "UZ"), "UZ", milestoneId, "uz.liaison", api.Now));
        (await api.Node.Query(db => db.MilestoneConfirmations.CountAsync(c => c.MilestoneId == milestoneId))).Should().Be(0,
            "UZ is a requested country of the request but not a participant of this milestone");
        (await api.Node.Query(db => db.Milestones.CountAsync(m => m.BranchId == incoming))).Should().Be(0);
    }

    [Fact]
    public async Task The_web_pages_show_and_take_the_steps_in_English_and_Russian()
    {
        var (id, tj, _) = await ParallelRequest();
        var prosecutor = await Browser(Prosecutor);

        var page = await Page(prosecutor, $"/Requests/{id}", "ru");
        page.Should().Contain("Общие мероприятия (несколько стран)").And.Contain("data-step-form=\"schedule\"").And.Contain("Назначить общее мероприятие");
        var posted = await prosecutor.PostAsync("/Milestones", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("Form.Scope", "Request"), new("Form.Id", id.ToString()), new("Form.Step", "schedule"), new("Form.Text", Title),
            new("Form.Date", api.Today.PlusDays(30).ToString("yyyy-MM-dd", null)), new("Form.Countries", "KG"), new("Form.Countries", "TJ"),
            new("Form.ReturnUrl", $"/Requests/{id}"), new("__RequestVerificationToken", Token(page)),
        }));
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await tj.Receives<SharedMilestoneScheduled>(Branch(id, "TJ"));
        var english = await Page(prosecutor, $"/Requests/{id}", "en");
        english.Should().Contain(Title).And.Contain("Not confirmed yet").And.Contain("data-step-form=\"reschedule\"").And.Contain("data-country=\"TJ\"");

        var incoming = await api.ReceiveFromKg(Parallel("KZ"));
        var milestoneId = Guid.NewGuid();
        await Applied("KG", new SharedMilestoneScheduled(incoming, "KG", milestoneId, Title, api.Today.PlusDays(3), ["KZ", "TJ"], "kg.prosecutor", api.Now));
        var liaison = await Browser(Liaison);
        var caseRu = await Page(liaison, $"/Incoming/{incoming}", "ru");
        caseRu.Should().Contain("Мероприятия").And.Contain("Подтвердить нашу готовность");
        (await Page(liaison, $"/Incoming/{incoming}", "en")).Should().Contain("Confirm our readiness");
        var confirm = await liaison.PostAsync("/Milestones", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Scope"] = "Incoming", ["Form.Id"] = incoming.ToString(), ["Form.MilestoneId"] = milestoneId.ToString(), ["Form.Step"] = "confirm",
            ["Form.ReturnUrl"] = $"/Incoming/{incoming}", ["__RequestVerificationToken"] = Token(caseRu),
        }));
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await api.Kg.Receives<SharedMilestoneConfirmed>(incoming)).MilestoneId.Should().Be(milestoneId);
        (await Page(liaison, $"/Incoming/{incoming}", "en")).Should().Contain("Our readiness confirmed").And.NotContain("data-step-form=\"confirm\"");
    }

    Task<HttpClient> Browser(string user) => WebPages.SignInAsync(api, user);

    static Task<string> Page(HttpClient client, string path, string language) => WebPages.GetAsync(client, path, language);

    static string Token(string page) => WebPages.Token(page);

    async Task<(Guid Id, SentToCountry Tj, SentToCountry Uz)> ParallelRequest()
    {
        var tj = await Listen("TJ");
        var uz = await Listen("UZ");
        var id = await api.RequestIn("Approved", Parallel("KG", "TJ", "UZ"));
        return (id, tj, uz);
    }

    Task<SentToCountry> Listen(string country) =>
        Listeners.GetOrAdd((api, country), key => new Lazy<Task<SentToCountry>>(() => SentToCountry.ListenAsync(key.Item1.Node, key.Item2))).Value;

    static RequestContent Parallel(params string[] targets)
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, targets);
        content.Kind = RequestKind.ParallelInvestigation;
        // Uzbekistan and Turkmenistan are not parties to the Chisinau Convention: the Minsk Convention applies towards them (issue 15).
        content.TargetBases = [.. targets.Where(t => t is "UZ" or "TM").Select(t => new TargetBasis { Country = t, LegalBasis = LegalBasis.Minsk1993 })];
        return content;
    }

    static Guid Branch(Guid request, string country) => DeterministicGuid.Branch(request, country);

    static IEnumerable<string?> Steps(JsonElement milestone) => milestone.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString());

    static List<string?> Reminders(JsonElement inbox, Guid subject) => inbox.EnumerateArray()
        .Where(t => t.GetProperty("subjectId").GetGuid() == subject && t.GetProperty("task").GetString() is SharedMilestoneTasks.SoonTask or SharedMilestoneTasks.LastTask)
        .Select(t => t.GetProperty("task").GetString()).ToList();

    async Task<Node.Delivery.QuarantinedMessage> Refused(string from, object contract)
    {
        var envelope = TestEnvelopes.Signed(from, "KZ", contract, api.Now);
        await TestEnvelopes.DeliverAsync(api.Node, envelope);
        var row = await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.SingleOrDefaultAsync(q => q.MessageId == envelope.MessageId)),
            q => q is not null, TestTimeouts.Workflow, $"{contract.GetType().Name} signed by {from} to be quarantined");
        (await api.Node.Query(db => db.ReceivedEnvelopes.AnyAsync(r => r.MessageId == envelope.MessageId))).Should().BeFalse("a refused message is never applied");
        return row!;
    }

    async Task Applied(string from, object contract)
    {
        var envelope = TestEnvelopes.Signed(from, "KZ", contract, api.Now);
        await TestEnvelopes.DeliverAsync(api.Node, envelope);
        await Eventually.Until(() => api.Node.Query(db => db.ReceivedEnvelopes.AnyAsync(r => r.MessageId == envelope.MessageId)), applied => applied,
            TestTimeouts.Workflow, $"{contract.GetType().Name} signed by {from} to be applied");
        await api.Settled();
    }

    static Task<HttpResponseMessage> Send(NodeApi user, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: RequestContentJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
