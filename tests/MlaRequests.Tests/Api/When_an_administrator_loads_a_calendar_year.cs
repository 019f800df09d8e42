using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Data;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Calendar data as an operational fact (issue 15, docs/workflows/calendars-admin.md). The premise: Kazakhstan's checked 2027 has
/// no day off on 15 March (a test premise, not a legal finding). A request KZ received from KG on Monday 8 March 2027 at 10:00 in
/// Almaty is due for acknowledgement (7 days, an end on a non-working day moves to the next working day) at the end of 16 March with
/// the shipped data (15 March Constitution Day, expected) and at the end of 15 March with the checked year.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed partial class When_an_administrator_loads_a_calendar_year
{
    static readonly DateTimeZone Almaty = DateTimeZoneProviders.Tzdb["Asia/Almaty"];
    static readonly Instant Received = Almaty.AtStrictly(new LocalDateTime(2027, 3, 8, 10, 0)).ToInstant();
    static readonly Instant EndOf15March = Almaty.AtStartOfDay(new LocalDate(2027, 3, 16)).ToInstant();
    static readonly Instant EndOf16March = Almaty.AtStartOfDay(new LocalDate(2027, 3, 17)).ToInstant();

    [Fact]
    public async Task The_preview_names_the_clock_and_the_load_moves_it_once_with_a_timeline_entry_and_an_audit_row()
    {
        await using var kz = await Node.StartAsync(Received);
        var id = await kz.ReceiveFromKgAsync();
        var before = await kz.AcknowledgementAsync(id, c => c.CurrentState == "Running");
        before.DueAt.Should().Be(EndOf16March);
        var admin = await kz.Factory.LoginAsync("kz.admin");

        var preview = await admin.Client.PostAsync("/api/calendars/KZ/2027/preview", Body(Checked2027()));

        var previewed = await Ok(preview);
        previewed.GetProperty("applied").GetBoolean().Should().BeFalse();
        var move = previewed.GetProperty("moves").EnumerateArray().Should().ContainSingle(m => m.GetProperty("clockId").GetGuid() == before.CorrelationId).Subject;
        move.GetProperty("by").GetString().Should().Be("-24:00:00", "the clock comes a day earlier");
        (await Origin(admin, "KZ", 2027)).Should().Be("embedded", "a preview stores nothing");
        (await kz.AcknowledgementAsync(id, _ => true)).DueAt.Should().Be(EndOf16March);

        var loaded = await Ok(await admin.Client.PutAsync("/api/calendars/KZ/2027?note=Law%20No.%20267-II%20as%20amended%2C%20checked", Body(Checked2027())));

        loaded.GetProperty("applied").GetBoolean().Should().BeTrue();
        loaded.GetProperty("sha256Before").GetString().Should().StartWith("embedded:");
        var after = await kz.AcknowledgementAsync(id, c => c.DueAt == EndOf15March);
        after.Reminder50At.Should().Be(Received + (EndOf15March - Received) / 2);
        (await Origin(admin, "KZ", 2027)).Should().Be("loaded");
        await kz.SettledAsync();
        var moved = (await kz.Factory.Timeline(id)).Where(e => e.Action == TimelineTexts.ClockMovedByCalendar.Format(ClockKind.Acknowledgement)).ToList();
        moved.Should().ContainSingle().Which.Details.Should().Be(TimelineTexts.ClockMovedByCalendarDetails.Format(
            NodaTime.Text.InstantPattern.ExtendedIso.Format(EndOf16March), NodaTime.Text.InstantPattern.ExtendedIso.Format(EndOf15March), "KZ", 2027, "kz.admin",
            "Law No. 267-II as amended, checked"));
        var audit = await kz.Factory.Query(db => db.AuditEntries.Where(e => e.Action.StartsWith("load calendar KZ 2027")).ToListAsync());
        audit.Should().ContainSingle().Which.Should().Match<MlaRequests.Node.Audit.AuditEntry>(e =>
            e.Actor == "kz.admin" && e.Action.Contains("sha256 embedded:") && e.Action.EndsWith("-> " + loaded.GetProperty("sha256After").GetString()) && e.Outcome == "200");

        kz.Clock.Reset(EndOf15March + Duration.FromMinutes(1));
        await kz.AcknowledgementAsync(id, c => c.CurrentState == "Overdue");
        kz.Clock.Reset(EndOf16March + Duration.FromHours(1));
        await kz.SettledAsync();
        var timeline = await kz.Factory.Timeline(id);
        timeline.Where(e => e.Action == TimelineTexts.ClockOverdue.Format(ClockKind.Acknowledgement)).Should().ContainSingle("the old due instant does not fire too")
            .Which.Details.Should().Be(TimelineTexts.ClockOverdueDetails.Format(EndOf15March, "KZ"));
        var escalated = (await kz.AcknowledgementAsync(id, _ => true)).EscalatedAt!.Value;
        (escalated >= EndOf15March && escalated < EndOf16March).Should().BeTrue($"escalated at {escalated}, at the new due instant");
    }

    [Fact]
    public async Task Removing_the_loaded_year_falls_back_to_the_shipped_data_and_moves_the_clock_back()
    {
        await using var kz = await Node.StartAsync(Received);
        var id = await kz.ReceiveFromKgAsync();
        await kz.AcknowledgementAsync(id, c => c.CurrentState == "Running");
        var admin = await kz.Factory.LoginAsync("kz.admin");
        await Ok(await admin.Client.PutAsync("/api/calendars/KZ/2027", Body(Checked2027())));
        await kz.AcknowledgementAsync(id, c => c.DueAt == EndOf15March);

        var removed = await admin.Client.DeleteAsync("/api/calendars/KZ/2027?note=wrong%20file");

        (await Ok(removed)).GetProperty("sha256After").GetString().Should().StartWith("embedded:");
        await kz.AcknowledgementAsync(id, c => c.DueAt == EndOf16March);
        (await Origin(admin, "KZ", 2027)).Should().Be("embedded");
        await kz.SettledAsync();
        (await kz.Factory.Timeline(id)).Where(e => e.Action == TimelineTexts.ClockMovedByCalendar.Format(ClockKind.Acknowledgement)).Should().HaveCount(2);
        (await admin.Client.DeleteAsync("/api/calendars/KZ/2027")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing is loaded any more");
        (await kz.Factory.Query(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("remove calendar KZ 2027")))).Should().Be(1);
    }

    [Fact]
    public async Task A_loaded_year_is_read_again_when_the_node_starts()
    {
        using var data = new TestDirectory();
        var clock = new FakeClock(Received);
        await using (var first = new NodeFactory(data.Path, clock))
        {
            var admin = await first.LoginAsync("kz.admin");
            await Ok(await admin.Client.PutAsync("/api/calendars/KZ/2027", Body(Checked2027())));
        }

        await using var again = new NodeFactory(data.Path, clock);
        var kz = new Node(again, clock, null!);
        var id = await kz.ReceiveFromKgAsync();

        (await kz.AcknowledgementAsync(id, c => c.CurrentState == "Running")).DueAt.Should().Be(EndOf15March, "the loaded year counts from the start");
        (await Origin(await again.LoginAsync("kz.admin"), "KZ", 2027)).Should().Be("loaded");
    }

    [Theory]
    [InlineData("$.years[0].holidays[0].date", "date", "2028-01-01")]
    [InlineData("$.years[0].holidays[0].kind", "kind", "Secular")]
    [InlineData("$.years[0].source", "source", "")]
    public async Task Bad_input_is_refused_naming_the_field_and_stores_nothing(string path, string field, string value)
    {
        await using var kz = await Node.StartAsync(Received);
        var id = await kz.ReceiveFromKgAsync();
        await kz.AcknowledgementAsync(id, c => c.CurrentState == "Running");
        var admin = await kz.Factory.LoginAsync("kz.admin");
        var bad = Checked2027(f => (field == "source" ? f["years"]![0]! : f["years"]![0]!["holidays"]![0]!)[field] = value);

        foreach (var response in new[] { await admin.Client.PutAsync("/api/calendars/KZ/2027", Body(bad)), await admin.Client.PostAsync("/api/calendars/KZ/2027/preview", Body(bad)) })
            (await response.ErrorFieldsAsync()).Should().Equal(path);
        (await (await admin.Client.PutAsync("/api/calendars/KZ/2026", Body(Checked2027()))).ErrorFieldsAsync()).Should().Contain("$.years[0].year");
        (await (await admin.Client.PutAsync("/api/calendars/XX/2027", Body(Checked2027()))).ErrorFieldsAsync()).Should().Equal("$.country");

        (await Origin(admin, "KZ", 2027)).Should().Be("embedded");
        (await kz.Factory.Query(db => db.Set<MlaRequests.Node.Features.Calendars.LoadedCalendarRow>().CountAsync())).Should().Be(0);
        (await kz.Factory.Query(db => db.AuditEntries.CountAsync(e => e.Action.Contains("calendar")))).Should().Be(0);
        await kz.SettledAsync();
        (await kz.AcknowledgementAsync(id, _ => true)).DueAt.Should().Be(EndOf16March);
    }

    [Fact]
    public async Task Everyone_but_an_administrator_is_refused()
    {
        await using var kz = await Node.StartAsync(Received);
        foreach (var user in new[] { "kz.prosecutor", "kz.liaison", "kz.supervisor", "kz.executor" })
        {
            var api = await kz.Factory.LoginAsync(user);
            (await api.Client.GetAsync("/api/calendars")).StatusCode.Should().Be(HttpStatusCode.Forbidden, user);
            (await api.Client.PutAsync("/api/calendars/KZ/2027", Body(Checked2027()))).StatusCode.Should().Be(HttpStatusCode.Forbidden, user);
            (await api.Client.PostAsync("/api/calendars/KZ/2027/preview", Body(Checked2027()))).StatusCode.Should().Be(HttpStatusCode.Forbidden, user);
            (await api.Client.DeleteAsync("/api/calendars/KZ/2027")).StatusCode.Should().Be(HttpStatusCode.Forbidden, user);
        }
        (await kz.Factory.Query(db => db.Set<MlaRequests.Node.Features.Calendars.LoadedCalendarRow>().CountAsync())).Should().Be(0);
        (await kz.Factory.CreateClient().GetAsync("/api/calendars")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_ninety_day_warning_follows_a_loaded_later_year()
    {
        await using var kz = await Node.StartAsync(Instant.FromUtc(2027, 10, 5, 6, 0));
        Warnings().Matches(await SignedInPageAsync(kz.Factory, "kz.supervisor", "/Inbox")).Select(m => m.Groups[1].Value).Should().Contain("KZ");
        var admin = await kz.Factory.LoginAsync("kz.admin");

        await Ok(await admin.Client.PutAsync("/api/calendars/KZ/2028", Body(Year2028())));

        Warnings().Matches(await SignedInPageAsync(kz.Factory, "kz.supervisor", "/Inbox")).Select(m => m.Groups[1].Value)
            .Should().Equal("KG", "TJ", "TM", "UZ");
        var page = await SignedInPageAsync(kz.Factory, "kz.admin", "/Calendars");
        page.Should().Contain("data-calendar=\"KZ-2028\" data-origin=\"loaded\"");
        Warnings().Matches(page).Select(m => m.Groups[1].Value).Should().NotContain("KZ");
    }

    [Fact]
    public async Task The_admin_page_previews_and_loads_a_pasted_year_and_shows_errors_by_field()
    {
        await using var kz = await Node.StartAsync(Received);
        var id = await kz.ReceiveFromKgAsync();
        await kz.AcknowledgementAsync(id, c => c.CurrentState == "Running");
        var (client, token) = await SignedInClientAsync(kz.Factory, "kz.admin");

        var preview = await client.PostAsync("/Calendars?handler=Preview", Form(token, Checked2027()));
        var previewed = await preview.Content.ReadAsStringAsync();
        previewed.Should().Contain("data-applied=\"false\"").And.Contain($"data-clock=\"{(await kz.AcknowledgementAsync(id, _ => true)).CorrelationId}\"");
        var invalid = await (await client.PostAsync("/Calendars?handler=Load", Form(token, Checked2027(f => f["years"]![0]!["holidays"]![0]!["kind"] = "Secular"))))
            .Content.ReadAsStringAsync();
        invalid.Should().Contain("data-field=\"$.years[0].holidays[0].kind\"");
        (await kz.AcknowledgementAsync(id, _ => true)).DueAt.Should().Be(EndOf16March);

        var loaded = await (await client.PostAsync("/Calendars?handler=Load", Form(token, Checked2027()))).Content.ReadAsStringAsync();

        loaded.Should().Contain("data-applied=\"true\"").And.Contain("data-calendar=\"KZ-2027\" data-origin=\"loaded\"");
        await kz.AcknowledgementAsync(id, c => c.DueAt == EndOf15March);
        (await SignedInPageAsync(kz.Factory, "kz.supervisor", "/Calendars", HttpStatusCode.Forbidden)).Should().NotContain("calendar-load");
    }

    static FormUrlEncodedContent Form(string token, string json) => new(new Dictionary<string, string>
    {
        ["Country"] = "KZ", ["Year"] = "2027", ["Note"] = "checked", ["Json"] = json, ["__RequestVerificationToken"] = token,
    });

    static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    static async Task<string> Origin(NodeApi admin, string country, int year) =>
        (await admin.GetAsync("/api/calendars")).EnumerateArray().Single(c => c.GetProperty("country").GetString() == country)
            .GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year).GetProperty("origin").GetString()!;

    /// <summary>Kazakhstan's shipped 2027 without the day off on 15 March, as one year in the calendar format.</summary>
    static string Checked2027(Action<JsonObject>? change = null) => OneYear("KZ", 2027, f =>
    {
        var holidays = f["years"]![0]!["holidays"]!.AsArray();
        holidays.Remove(holidays.Single(h => (string)h!["date"]! == "2027-03-15"));
        f["years"]![0]!["source"] = "test premise: the 2027 list as checked, without 15 March";
        change?.Invoke(f);
    });

    /// <summary>A 2028 for Kazakhstan: only New Year, enough to extend the coverage.</summary>
    static string Year2028() => OneYear("KZ", 2027, f => f["years"]![0] = new JsonObject
    {
        ["year"] = 2028, ["verified"] = false, ["source"] = "test: expected statutory list",
        ["holidays"] = new JsonArray(new JsonObject
        {
            ["date"] = "2028-01-01", ["name"] = "New Year", ["kind"] = "State", ["status"] = "Official", ["source"] = "Law No. 267-II",
        }),
    });

    static string OneYear(string country, int year, Action<JsonObject> change)
    {
        var file = JsonNode.Parse(WorkflowData.RawText($"calendars/{country}.json"))!.AsObject();
        var years = file["years"]!.AsArray();
        var entry = years.Single(y => (int)y!["year"]! == year)!.DeepClone();
        years.Clear();
        years.Add(entry);
        change(file);
        return file.ToJsonString();
    }

    static async Task<(HttpClient Client, string Token)> SignedInClientAsync(NodeFactory node, string user)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Token().Match(form).Groups[1].Value;
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "Demo!2026", ["__RequestVerificationToken"] = token,
        }));
        signIn.IsSuccessStatusCode.Should().BeTrue();
        var page = await client.GetStringAsync("/Calendars");
        return (client, Token().Match(page).Groups[1].Value);
    }

    static async Task<string> SignedInPageAsync(NodeFactory node, string user, string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/Login");
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "Demo!2026", ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));
        ((int)signIn.StatusCode).Should().BeLessThan(400);
        var response = await client.GetAsync(path);
        if (status == HttpStatusCode.OK)
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        else
            response.IsSuccessStatusCode.Should().BeFalse($"{user} may not open {path}");
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("data-calendar-warning=\"([A-Z]{2})\"")]
    private static partial Regex Warnings();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>A KZ node of its own (its own calendars and clock) for one test.</summary>
    sealed class Node(NodeFactory factory, FakeClock clock, TestDirectory? data) : IAsyncDisposable
    {
        readonly BusActivity _activity = BusActivity.On(factory.Bus);

        public NodeFactory Factory => factory;

        public FakeClock Clock => clock;

        public static async Task<Node> StartAsync(Instant now)
        {
            var data = new TestDirectory();
            var clock = new FakeClock(now);
            var factory = new NodeFactory(data.Path, clock) { ChecksContract = true };
            await factory.LoginAsync("kz.admin");
            return new Node(factory, clock, data);
        }

        public async Task<Guid> ReceiveFromKgAsync()
        {
            var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
            var caseId = Guid.NewGuid();
            var now = clock.GetCurrentInstant();
            await TestEnvelopes.DeliverAsync(factory, TestEnvelopes.Signed("KG", "KZ", new RequestTransmitted(caseId, Guid.NewGuid(), "KG-2027-000042", "KG", "KZ",
                content.Kind.ToString(), LegalBasis.Chisinau2002.ToString(), false, content.Measures.Any(m => m.IsProvisional), RequestContentJson.Version,
                RequestContentJson.Serialize(content), "kg.liaison", now), now));
            await factory.IncomingIn(caseId, "Received");
            return caseId;
        }

        public async Task<DeadlineClockState> AcknowledgementAsync(Guid id, Func<DeadlineClockState, bool> done) =>
            (await Eventually.Until(async () => (await factory.Clocks(id)).SingleOrDefault(c => c.Kind == ClockKind.Acknowledgement), c => c is not null && done(c),
                TestTimeouts.Workflow, $"the acknowledgement clock of {id}"))!;

        public Task SettledAsync() => _activity.DrainedAsync(now => factory.Query(db => BusActivity.DueAsync(db, now)), clock.GetCurrentInstant());

        public async ValueTask DisposeAsync()
        {
            await factory.DisposeAsync();
            data?.Dispose();
        }
    }
}
