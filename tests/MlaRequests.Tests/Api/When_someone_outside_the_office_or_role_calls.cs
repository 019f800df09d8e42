using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions.Execution;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Who sees and does what: another office's prosecutor finds nothing (404, absent from lists,
/// inbox and deadlines); a role that may read but not act gets 403; incoming cases are for the
/// central authority; a child victim's identity is shown only to those handling the request.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_someone_outside_the_office_or_role_calls(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task A_prosecutor_of_another_office_gets_404_on_the_request_its_diagram_and_every_step()
    {
        var (id, branch) = await api.BranchIn("AdditionalInformationRequested");
        var other = await api.As(OtherOfficeProsecutor);
        var version = (await api.Node.Request(id))!.Version;
        var branchVersion = (await api.Node.Branch(branch))!.Version;
        var outbox = await api.OutboxHighWater();

        using (new AssertionScope())
        {
            (await other.Client.GetAsync($"/api/requests/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await other.Client.GetAsync($"/api/requests/{id}/diagram")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            foreach (var step in Steps)
                (await other.PostAsync($"/api/requests/{id}/{step}", BodyOf(step))).StatusCode.Should().Be(HttpStatusCode.NotFound, step);
            (await other.PostAsync($"/api/requests/{id}/targets/KG/answer-information", new { answer = "Halyk Bank." })).StatusCode
                .Should().Be(HttpStatusCode.NotFound, "answer-information");
            (await other.PostAsync($"/api/requests/{id}/targets/KG/confirm-evidence")).StatusCode.Should().Be(HttpStatusCode.NotFound, "confirm-evidence");
            (await other.PostAsync($"/api/requests/{id}/notes", new { text = "Seen." })).StatusCode.Should().Be(HttpStatusCode.NotFound, "notes");
            (await other.Client.PutAsJsonAsync($"/api/requests/{id}", TestContent.Complete(), RequestContentJson.Options)).StatusCode
                .Should().Be(HttpStatusCode.NotFound, "edit");
        }
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Request(id))!.Version.Should().Be(version);
        (await api.Node.Branch(branch))!.Version.Should().Be(branchVersion);
        (await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}/diagram")).GetProperty("request").GetString()
            .Should().Contain("class Approved current", "the owning office sees the diagram");
    }

    [Fact]
    public async Task The_list_and_the_inbox_of_another_office_never_show_the_request()
    {
        var draft = await api.RequestIn("Draft");
        var (waiting, _) = await api.BranchIn("AdditionalInformationRequested");
        var reference = (await (await api.As(Prosecutor)).GetAsync($"/api/requests/{waiting}")).GetProperty("reference").GetString();
        var own = await api.As(Prosecutor);
        var other = await api.As(OtherOfficeProsecutor);

        Ids(await own.GetAsync("/api/requests")).Should().Contain([draft, waiting], "the owning office lists both");
        Tasks(await own.GetAsync("/api/inbox")).Should().Contain([draft, waiting], "the owning office has a task on each");

        using var scope = new AssertionScope();
        Ids(await other.GetAsync("/api/requests")).Should().NotContain([draft, waiting]);
        Ids(await other.GetAsync($"/api/requests?q={reference}")).Should().BeEmpty("a search by reference finds nothing of another office");
        Ids(await other.GetAsync("/api/requests?status=Approved&country=KG")).Should().NotContain(waiting);
        (await other.GetAsync("/api/requests?status=Approved&country=KG")).GetProperty("total").GetInt32().Should().Be(0, "the total does not leak either");
        Tasks(await other.GetAsync("/api/inbox")).Should().NotContain([draft, waiting]);
    }

    [Fact]
    public async Task Deadlines_of_one_office_are_not_listed_for_another_office_s_prosecutor()
    {
        var id = await api.RequestIn("InReview");
        var review = (await api.Node.Clocks(id)).Single();
        api.Clock.Reset(review.Reminder50At + Duration.FromMinutes(1));

        (await DeadlineSubjects(OtherOfficeProsecutor)).Should().NotContain(id);
        (await DeadlineSubjects(Prosecutor)).Should().Contain(id, "the owning office sees its review clock past half time");
        (await DeadlineSubjects(Supervisor)).Should().Contain(id, "supervisors see every clock of the node");
    }

    [Fact]
    public async Task A_supervisor_reads_the_request_but_gets_403_on_approve()
    {
        var id = await api.RequestIn("InReview");
        var supervisor = await api.As(Supervisor);
        var version = (await api.Node.Request(id))!.Version;
        var outbox = await api.OutboxHighWater();

        var view = await supervisor.GetAsync($"/api/requests/{id}");
        view.GetProperty("status").GetString().Should().Be("InReview");
        view.GetProperty("allowedSteps").GetArrayLength().Should().Be(0, "a supervisor is offered no step");

        await (await supervisor.PostAsync($"/api/requests/{id}/approve")).ShouldBeAsync(HttpStatusCode.Forbidden);
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Request(id))!.Version.Should().Be(version);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("return")]
    [InlineData("reject")]
    public async Task The_owning_prosecutor_gets_403_on_the_liaison_officer_s_steps(string step)
    {
        var id = await api.RequestIn("InReview");
        var outbox = await api.OutboxHighWater();

        await (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/{step}", BodyOf(step))).ShouldBeAsync(HttpStatusCode.Forbidden);

        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Request(id))!.CurrentState.Should().Be("InReview");
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("withdraw")]
    public async Task A_liaison_officer_gets_403_on_the_prosecutor_s_steps(string step)
    {
        var id = await api.RequestIn("Draft");
        var outbox = await api.OutboxHighWater();

        await (await (await api.As(Liaison)).PostAsync($"/api/requests/{id}/{step}", BodyOf(step))).ShouldBeAsync(HttpStatusCode.Forbidden);

        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Request(id))!.CurrentState.Should().Be("Draft");
    }

    [Theory]
    [InlineData(Prosecutor)]
    [InlineData(OtherOfficeProsecutor)]
    public async Task Prosecutors_get_403_on_incoming_requests(string prosecutor)
    {
        var id = await api.CaseIn("Received");
        var client = await api.As(prosecutor);

        using (new AssertionScope())
        {
            (await client.Client.GetAsync("/api/incoming")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await client.Client.GetAsync($"/api/incoming/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await client.PostAsync($"/api/incoming/{id}/register")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Received");
    }

    [Fact]
    public async Task A_supervisor_reads_an_incoming_request_but_gets_403_on_its_steps()
    {
        var id = await api.CaseIn("Received");
        var supervisor = await api.As(Supervisor);

        (await supervisor.GetAsync($"/api/incoming/{id}")).GetProperty("allowedSteps").GetArrayLength().Should().Be(0);
        await (await supervisor.PostAsync($"/api/incoming/{id}/register")).ShouldBeAsync(HttpStatusCode.Forbidden);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Received");
    }

    [Fact]
    public async Task A_child_victim_s_identity_is_shown_to_the_owning_prosecutor_and_the_liaison_officer_only()
    {
        var id = await api.RequestIn("InReview", WithChildVictim());

        foreach (var user in new[] { Prosecutor, Liaison })
        {
            var view = await (await api.As(user)).GetAsync($"/api/requests/{id}");
            view.GetProperty("contentRestricted").GetBoolean().Should().BeFalse(user);
            Victim(view).GetProperty("name").GetString().Should().Be("G. H.", user);
        }
        foreach (var user in new[] { Supervisor, Admin })
        {
            var view = await (await api.As(user)).GetAsync($"/api/requests/{id}");
            view.GetProperty("childVictimPriority").GetBoolean().Should().BeTrue();
            view.GetProperty("contentRestricted").GetBoolean().Should().BeTrue(user);
            ShouldBeRedacted(Victim(view), user);
            view.GetProperty("content").GetProperty("persons")[0].GetProperty("name").GetString().Should().Be("A. B.", "only the child is hidden");
        }
    }
    [Fact]
    public async Task A_child_victim_s_identity_is_hidden_from_a_supervisor_while_the_request_is_a_draft()
    {
        var id = await api.RequestIn("Draft", WithChildVictim());

        var view = await (await api.As(Supervisor)).GetAsync($"/api/requests/{id}");

        ShouldBeRedacted(Victim(view), Supervisor);
    }

    [Fact]
    public async Task A_child_victim_s_identity_in_an_incoming_request_is_shown_to_the_liaison_officer_only()
    {
        var content = WithChildVictim();
        content.LegalBasis = LegalBasis.Chisinau2002;
        content.Targets = ["KZ"];
        var id = await api.CaseIn("Received", content);

        var liaison = await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}");
        liaison.GetProperty("contentRestricted").GetBoolean().Should().BeFalse();
        Victim(liaison).GetProperty("name").GetString().Should().Be("G. H.");

        var supervisor = await (await api.As(Supervisor)).GetAsync($"/api/incoming/{id}");
        supervisor.GetProperty("contentRestricted").GetBoolean().Should().BeTrue();
        ShouldBeRedacted(Victim(supervisor), Supervisor);
    }

    [Theory]
    [InlineData("GET", "/api/requests")]
    [InlineData("GET", "/api/requests/{id}")]
    [InlineData("GET", "/api/requests/{id}/diagram")]
    [InlineData("POST", "/api/requests")]
    [InlineData("POST", "/api/requests/{id}/submit")]
    [InlineData("GET", "/api/incoming")]
    [InlineData("POST", "/api/incoming/{id}/register")]
    [InlineData("GET", "/api/inbox")]
    [InlineData("GET", "/api/deadlines?state=due")]
    [InlineData("GET", "/api/refusal-grounds")]
    public async Task A_call_without_a_token_gets_401(string method, string path)
    {
        var id = await api.RequestIn("Draft");
        var anonymous = await api.RawClient(null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id.ToString(), StringComparison.Ordinal));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        if (method == "POST")
            request.Content = JsonContent.Create(new { });

        var response = await anonymous.SendAsync(request);

        await response.ShouldBeAsync(HttpStatusCode.Unauthorized);
        (await api.Node.Request(id))!.CurrentState.Should().Be("Draft");
    }

    static RequestContent WithChildVictim()
    {
        var content = TestContent.Complete();
        content.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = "G. H.", Citizenship = "KZ", DateOfBirth = new LocalDate(2014, 9, 1),
            PlaceOfBirth = "Shymkent", Residence = "Almaty", Occupation = "pupil",
        });
        return content;
    }

    static JsonElement Victim(JsonElement view) =>
        view.GetProperty("content").GetProperty("persons").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "Victim");

    static void ShouldBeRedacted(JsonElement victim, string user)
    {
        using var scope = new AssertionScope();
        const string Hidden = "[restricted: child victim]";
        victim.GetProperty("name").GetString().Should().Be(Hidden, "{0} does not handle the request", user);
        victim.GetProperty("placeOfBirth").GetString().Should().Be(Hidden, "{0} does not handle the request", user);
        victim.GetProperty("residence").GetString().Should().Be(Hidden, "{0} does not handle the request", user);
        victim.GetProperty("citizenship").GetString().Should().Be(Hidden, "{0} does not handle the request", user);
        victim.GetProperty("dateOfBirth").ValueKind.Should().Be(JsonValueKind.Null, "{0} does not handle the request", user);
        victim.GetProperty("role").GetString().Should().Be("Victim", "the role stays visible");
    }

    static IReadOnlyList<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    static IReadOnlyList<Guid> Tasks(JsonElement inbox) => inbox.EnumerateArray().Select(t => t.GetProperty("subjectId").GetGuid()).ToList();

    async Task<IReadOnlyList<Guid>> DeadlineSubjects(string user) =>
        (await (await api.As(user)).GetAsync("/api/deadlines?state=due")).EnumerateArray().Select(d => d.GetProperty("subjectId").GetGuid()).ToList();
}
