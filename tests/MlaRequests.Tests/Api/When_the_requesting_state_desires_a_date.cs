using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Data;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The requesting state's desired date (issue 15; UNTOC Art. 18(24)) is a clock of its own per requested country, on the requesting node (KZ's
/// branch to KG, in Bishkek's zone) and on the requested node (KZ's case from KG, in Almaty's zone): it reminds, passes as a signal counted apart,
/// and stops when that country's execution completes or the branch ends. A date earlier than the policies give warns at submit, approval and on the
/// draft; a date in the past is refused on the draft.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_requesting_state_desires_a_date(ApiNode api) : IClassFixture<ApiNode>
{
    static readonly DateTimeZone Bishkek = DateTimeZoneProviders.Tzdb["Asia/Bishkek"], Almaty = DateTimeZoneProviders.Tzdb["Asia/Almaty"];

    RequestContent Desired(int days, string target = "KG")
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, target);
        content.DesiredDate = api.Today.PlusDays(days);
        content.UrgencyReasons = "The limitation period of the domestic case runs out.";
        return content;
    }

    [Fact]
    public async Task The_requesting_node_runs_the_desired_date_in_the_requested_country_s_zone_and_meets_it_when_execution_completes()
    {
        var content = Desired(200);
        var request = await api.RequestIn("Approved", content);
        var branch = DeterministicGuid.Branch(request, "KG");
        await api.Node.BranchIn(branch, "Transmitted");

        var clock = await DesiredClock(request, "Running");
        clock.BranchId.Should().Be(branch);
        clock.ActingCountry.Should().Be("KG");
        clock.TimeZone.Should().Be("Asia/Bishkek");
        clock.DueAt.Should().Be(content.DesiredDate!.Value.PlusDays(1).AtStartOfDayInZone(Bishkek).ToInstant(), "the end of the date in Bishkek");
        clock.Reminder50At.Should().Be(clock.DueAt - Duration.FromDays(14));
        clock.Reminder80At.Should().Be(clock.DueAt - Duration.FromDays(3));
        clock.Source.Should().Contain("UNTOC Art. 18(24)").And.Contain("a target, not a time limit");
        var view = await (await api.As(Prosecutor)).GetAsync($"/api/requests/{request}");
        view.GetProperty("clocks").EnumerateArray().Should().Contain(c => c.GetProperty("kind").GetString() == "DesiredDate",
            "shown beside the computed clocks");

        foreach (var message in new object[]
        {
            new IncomingRequestRegistered(branch, "KG", "kg.liaison", api.Now), new IncomingRequestAccepted(branch, "KG", null, "kg.liaison", api.Now),
        })
        {
            await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", message, api.Now));
        }
        await api.Node.BranchIn(branch, "InExecution");
        (await DesiredClock(request, "Running")).Should().NotBeNull("acceptance of a classic request is not its execution");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new ExecutionRecorded(branch, "KG", true, "Done.", "kg.liaison", api.Now), api.Now));

        await api.Node.BranchIn(branch, "Executed");
        (await DesiredClock(request, "Met")).EndedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task The_requested_node_runs_it_in_its_own_zone_shows_it_on_the_case_and_meets_it_when_execution_is_recorded()
    {
        var content = Desired(150, "KZ");
        var id = await api.CaseIn("InExecution", content);

        var clock = await DesiredClock(id, "Running");
        clock.TimeZone.Should().Be("Asia/Almaty");
        clock.DueAt.Should().Be(content.DesiredDate!.Value.PlusDays(1).AtStartOfDayInZone(Almaty).ToInstant());
        var liaison = await api.As(Liaison);
        var view = await liaison.GetAsync($"/api/incoming/{id}");
        view.GetProperty("clocks").EnumerateArray().Should().Contain(c => c.GetProperty("kind").GetString() == "DesiredDate");
        var page = await Page(Liaison, $"/Incoming/{id}");
        page.Should().Contain("id=\"desired-date\"").And.Contain(NodaTime.Text.LocalDatePattern.Iso.Format(content.DesiredDate.Value)).And.Contain("Asia/Almaty");

        await liaison.StepAsync($"/api/incoming/{id}/record-execution", new { complete = true, summary = "Witness heard; bank records obtained." });

        await api.Node.IncomingIn(id, "Executed");
        await DesiredClock(id, "Met");
    }

    [Fact]
    public async Task It_reminds_14_and_3_days_before_and_once_passed_is_a_signal_counted_apart_on_the_dashboard()
    {
        var id = await api.CaseIn("Assigned", Desired(20, "KZ"));
        var clock = await DesiredClock(id, "Running");

        api.Clock.Advance(clock.Reminder50At - api.Now);
        await EventuallyTimeline(id, TimelineTexts.DesiredDateReminder.Format(), 1);
        api.Clock.Advance(clock.Reminder80At - api.Now);
        await EventuallyTimeline(id, TimelineTexts.DesiredDateReminder.Format(), 2);
        api.Clock.Advance(clock.DueAt - api.Now);
        var overdue = await DesiredClock(id, "Overdue");

        overdue.EscalatedAt.Should().Be(clock.DueAt);
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == TimelineTexts.DesiredDatePassed.Format())
            .Which.Details.Should().Be(TimelineTexts.DesiredDateDetails.Format(clock.DueAt, "KZ"));
        var dashboard = await Page(Supervisor, "/Dashboard");
        var desired = dashboard[dashboard.IndexOf("id=\"desired\"", StringComparison.Ordinal)..];
        desired.Should().Contain(overdue.Reference, "the passed desired date is counted in its own tile");
        var overdueSection = dashboard[dashboard.IndexOf("id=\"overdue\"", StringComparison.Ordinal)..dashboard.IndexOf("id=\"escalated\"", StringComparison.Ordinal)];
        overdueSection.Should().NotContain(overdue.Reference, "not a breach: not among the overdue management targets");
    }

    [Fact]
    public async Task A_withdrawal_cancels_it_and_a_postponement_does_not()
    {
        var id = await api.CaseIn("Postponed", Desired(90, "KZ"));
        await DesiredClock(id, "Running");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new RequestWithdrawn(id, "KG", "No longer needed.", "kg.prosecutor", api.Now), api.Now));

        await api.Node.IncomingIn(id, "Withdrawn");
        await DesiredClock(id, "Cancelled");
    }

    [Fact]
    public async Task No_desired_date_starts_no_clock_on_either_node()
    {
        var request = await api.RequestIn("Approved", TestContent.Complete(LegalBasis.Chisinau2002, "KG"));
        var id = await api.CaseIn("Assigned");

        await Eventually.Until(() => api.Node.Clocks(request), cs => cs.Any(c => c.Kind == ClockKind.Acknowledgement), TestTimeouts.Workflow, "the branch's clocks");
        (await api.Node.Clocks(request)).Should().NotContain(c => c.Kind == ClockKind.DesiredDate);
        (await api.Node.Clocks(id)).Should().NotContain(c => c.Kind == ClockKind.DesiredDate);
    }

    [Fact]
    public async Task A_date_earlier_than_the_policies_give_warns_at_submit_and_approval_and_approval_goes_through()
    {
        var content = Desired(10);
        var draft = await (await api.As(Prosecutor)).CreateAsync(content);
        var submitted = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{draft.Id}/submit");
        await submitted.ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.RequestIn(draft.Id, "InReview");
        var liaison = await api.As(Liaison);

        var page = await (await api.As(Liaison)).GetAsync($"/api/requests/{draft.Id}");
        var html = await Page(Liaison, $"/Requests/{draft.Id}");
        var approved = await liaison.PostAsync($"/api/requests/{draft.Id}/approve");

        await approved.ShouldBeAsync(HttpStatusCode.Accepted);
        var warning = DesiredWarning(await approved.JsonAsync());
        warning.Should().Contain("KG").And.Contain(content.DesiredDate!.Value.ToString("uuuu-MM-dd", null));
        var policyEnd = new DeadlineCalculator(WorkflowData.Calendars, WorkflowData.DeadlinePolicies)
            .PolicyLastDay(RequestKind.ClassicMla, LegalBasis.Chisinau2002, false, "KG", api.Now)!.Value;
        warning.Should().Contain(policyEnd.ToString("uuuu-MM-dd", null), "it names the date the policies give");
        DesiredWarning(await submitted.JsonAsync()).Should().Be(warning, "submit shows it with the other warnings");
        DesiredWarning(page).Should().Be(warning, "the approve step's page reads the request's warnings");
        html.Should().Contain("data-field=\"desiredDate\"");
        await api.Node.RequestIn(draft.Id, "Approved");
    }

    [Fact]
    public async Task The_warning_is_shown_in_Russian_to_a_Russian_reader()
    {
        var draft = await (await api.As(Prosecutor)).CreateAsync(Desired(10));

        var html = await Page(Prosecutor, $"/Requests/{draft.Id}", "ru");

        html.Should().Contain("Желаемая дата").And.Contain("data-field=\"desiredDate\"");
    }

    [Fact]
    public async Task A_draft_s_POST_and_PUT_answer_the_warnings_submit_would()
    {
        var prosecutor = await api.As(Prosecutor);
        var content = Desired(10);

        var created = await prosecutor.Client.PostAsJsonAsync("/api/requests", content, RequestContentJson.Options);
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        var onCreate = Warnings(body);
        content.DesiredDate = api.Today.PlusDays(400);
        var edited = await prosecutor.Client.PutAsJsonAsync($"/api/requests/{id}", content, RequestContentJson.Options);
        await edited.ShouldBeAsync(HttpStatusCode.OK);
        var onEdit = Warnings(await edited.JsonAsync());
        var submitted = await prosecutor.PostAsync($"/api/requests/{id}/submit");

        await submitted.ShouldBeAsync(HttpStatusCode.Accepted);
        onCreate.Should().Contain(w => w.Field == "desiredDate");
        onEdit.Should().NotContain(w => w.Field == "desiredDate", "400 days is later than anything the policies give");
        onEdit.Should().BeEquivalentTo(Warnings(await submitted.JsonAsync()), "the same warnings submit returns");
        onCreate.Where(w => w.Field != "desiredDate").Should().BeEquivalentTo(onEdit);
    }

    [Fact]
    public async Task A_desired_date_in_the_past_or_not_a_date_is_a_400_naming_the_field_and_changes_nothing()
    {
        var prosecutor = await api.As(Prosecutor);
        var past = Desired(-1);
        var draft = await prosecutor.CreateAsync(Desired(100));
        var before = (await api.Node.Query(db => db.Requests.FindAsync(draft.Id).AsTask()))!.Revision;

        var created = await prosecutor.Client.PostAsJsonAsync("/api/requests", past, RequestContentJson.Options);
        var edited = await prosecutor.Client.PutAsJsonAsync($"/api/requests/{draft.Id}", past, RequestContentJson.Options);
        var json = System.Text.Json.Nodes.JsonNode.Parse(RequestContentJson.Serialize(Desired(100)))!.AsObject();
        json["desiredDate"] = "next week";
        var unreadable = await prosecutor.Client.PutAsync($"/api/requests/{draft.Id}",
            new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        (await created.ErrorFieldsAsync()).Should().Equal("desiredDate");
        (await edited.ErrorFieldsAsync()).Should().Equal("desiredDate");
        (await unreadable.ErrorFieldsAsync()).Should().ContainSingle(f => f.Contains("desiredDate", StringComparison.OrdinalIgnoreCase));
        (await api.Node.Query(db => db.Requests.FindAsync(draft.Id).AsTask()))!.Revision.Should().Be(before);
    }

    [Fact]
    public async Task Only_a_prosecutor_opens_a_draft_and_only_a_liaison_officer_approves_as_before()
    {
        var liaison = await api.As(Liaison);
        var prosecutor = await api.As(Prosecutor);
        var request = await api.RequestIn("InReview", Desired(10));

        await (await liaison.Client.PostAsJsonAsync("/api/requests", Desired(10), RequestContentJson.Options)).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await prosecutor.PostAsync($"/api/requests/{request}/approve")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await api.Node.RequestIn(request, "InReview");
    }

    [Fact]
    public async Task A_mirror_case_does_not_offer_an_extension_its_policy_cannot_grant()
    {
        var mirror = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        mirror.Kind = RequestKind.MirrorInvestigation;
        var id = await api.CaseIn("Assigned", mirror);
        var classic = await api.CaseIn("Assigned");
        var liaison = await api.As(Liaison);
        var entries = await api.TimelineCount(id);

        var allowed = (await liaison.GetAsync($"/api/incoming/{id}")).GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()).ToList();
        var response = await liaison.PostAsync($"/api/incoming/{id}/extend-recognition", new { extension = "P10D", reasons = "The bank needs a court order first." });
        var page = await Page(Liaison, $"/Incoming/{id}");

        allowed.Should().Contain("accept").And.NotContain("extend-recognition");
        (await liaison.GetAsync($"/api/incoming/{classic}")).GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString())
            .Should().Contain("extend-recognition", "a classic request's recognition clock may be extended once");
        await response.ShouldBeAsync(HttpStatusCode.Conflict);
        (await response.JsonAsync()).GetProperty("detail").GetString().Should().Contain("MirrorCaseOpening").And.Contain("no extension");
        page.Should().NotContain("/extend-recognition");
        await api.Settled();
        (await api.Timeline(id)).Should().NotContain(e => e.Action == TimelineTexts.ClockExtensionRefused.Format(ClockKind.MirrorCaseOpening));
        (await api.TimelineCount(id)).Should().Be(entries);
    }

    async Task<DeadlineClockState> DesiredClock(Guid subject, string state) =>
        (await Eventually.Until(() => api.Node.Clocks(subject), cs => cs.Any(c => c.Kind == ClockKind.DesiredDate && c.CurrentState == state),
            TestTimeouts.Workflow, $"the desired-date clock {state}")).Single(c => c.Kind == ClockKind.DesiredDate);

    Task EventuallyTimeline(Guid subject, string action, int count) =>
        Eventually.Until(() => api.Timeline(subject), t => t.Count(e => e.Action == action) == count, TestTimeouts.Workflow, $"{count} × {action}");

    /// <summary>A page as a signed-in user's browser reads it, in <paramref name="language"/>, HTML-decoded.</summary>
    async Task<string> Page(string user, string path, string language = "en")
    {
        var client = api.Node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var login = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "Demo!2026", ["__RequestVerificationToken"] = token,
        }));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return WebUtility.HtmlDecode(body);
    }

    static string DesiredWarning(JsonElement answer) =>
        answer.GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("field").GetString() == "desiredDate").GetProperty("message").GetString()!;

    static List<(string Field, string Message)> Warnings(JsonElement answer) =>
        [.. answer.GetProperty("warnings").EnumerateArray().Select(w => (w.GetProperty("field").GetString()!, w.GetProperty("message").GetString()!))];
}
