using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Priority (issue 15, "Deadlines"): a person in pre-trial detention or a victim who is or may be a minor (an explicit flag,
/// also without a date of birth) makes the request urgent, and a flagged possible minor is protected as a child by date of
/// birth is; content without the flags (as a release-2 node writes it) behaves as before.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_request_has_priority(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task A_person_in_pre_trial_detention_makes_every_clock_urgent_from_approval()
    {
        var content = TestContent.Complete();
        content.Persons[0].InPretrialDetention = true;

        var id = await api.RequestIn("Approved", content);

        (await api.Node.Request(id))!.Urgent.Should().BeTrue("the request was submitted urgent");
        var clocks = await Clocks(id);
        clocks.Should().NotBeEmpty("approval starts the request's clocks");
        clocks.Should().OnlyContain(c => c.Urgent, "every clock runs its urgent variant");
        var view = await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}");
        view.GetProperty("content").GetProperty("persons")[0].GetProperty("inPretrialDetention").GetBoolean().Should().BeTrue();
        view.GetProperty("contentRestricted").GetBoolean().Should().BeFalse("detention restricts nothing");
    }

    [Fact]
    public async Task Content_without_the_flags_keeps_the_ordinary_clocks_as_before()
    {
        var content = PreviousRelease(TestContent.Complete());
        (content.Persons[1].Role, content.Persons[1].ProceduralStatus) = (PersonRole.Victim, ProceduralStatus.Victim);

        var id = await api.RequestIn("Approved", content);

        (await api.Node.Request(id))!.Urgent.Should().BeFalse();
        var clocks = await Clocks(id);
        clocks.Should().NotBeEmpty();
        clocks.Should().OnlyContain(c => !c.Urgent, "an adult victim and no detention change nothing");
        var view = await (await api.As(Supervisor)).GetAsync($"/api/requests/{id}");
        view.GetProperty("contentRestricted").GetBoolean().Should().BeFalse("an adult victim is not restricted");
        view.GetProperty("childVictimPriority").GetBoolean().Should().BeFalse();
        view.GetProperty("content").GetProperty("persons")[1].GetProperty("possibleMinor").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_possible_minor_without_a_birth_date_is_urgent_and_hidden_from_those_outside_the_request()
    {
        var id = await api.RequestIn("Approved", WithPossibleMinor());

        (await api.Node.Request(id))!.Urgent.Should().BeTrue();
        (await Clocks(id)).Should().OnlyContain(c => c.Urgent);
        var prosecutor = await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}");
        prosecutor.GetProperty("contentRestricted").GetBoolean().Should().BeFalse();
        Victim(prosecutor).GetProperty("name").GetString().Should().Be("I. J.");
        var supervisor = await (await api.As(Supervisor)).GetAsync($"/api/requests/{id}");
        supervisor.GetProperty("childVictimPriority").GetBoolean().Should().BeTrue("the child badge shows");
        supervisor.GetProperty("contentRestricted").GetBoolean().Should().BeTrue();
        Victim(supervisor).GetProperty("name").GetString().Should().Be("[restricted: child victim]");
        Victim(supervisor).GetProperty("residence").GetString().Should().Be("[restricted: child victim]");
    }

    [Fact]
    public async Task A_possible_minor_in_an_incoming_request_is_hidden_from_a_supervisor_as_a_dated_child_is()
    {
        var content = WithPossibleMinor();
        content.LegalBasis = LegalBasis.Chisinau2002;
        content.Targets = ["KZ"];
        var id = await api.CaseIn("Received", content);

        var liaison = await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}");
        liaison.GetProperty("contentRestricted").GetBoolean().Should().BeFalse();
        Victim(liaison).GetProperty("name").GetString().Should().Be("I. J.");
        var supervisor = await (await api.As(Supervisor)).GetAsync($"/api/incoming/{id}");
        supervisor.GetProperty("contentRestricted").GetBoolean().Should().BeTrue();
        Victim(supervisor).GetProperty("name").GetString().Should().Be("[restricted: child victim]");
    }

    static RequestContent WithPossibleMinor()
    {
        var content = TestContent.Complete();
        content.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = "I. J.", Citizenship = "KZ", PlaceOfBirth = "Taraz", Residence = "Almaty",
            Occupation = "pupil", PossibleMinor = true, Unknown = ["dateOfBirth"],
        });
        return content;
    }

    /// <summary>The content as a release-2 node writes it: the JSON has no priority flags at all.</summary>
    static RequestContent PreviousRelease(RequestContent content)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(RequestContentJson.Serialize(content))!;
        foreach (var person in json["persons"]!.AsArray())
        {
            person!.AsObject().Remove("inPretrialDetention");
            person.AsObject().Remove("possibleMinor");
        }
        return RequestContentJson.Deserialize(json.ToJsonString());
    }

    Task<List<MlaRequests.Workflows.Deadlines.DeadlineClockState>> Clocks(Guid id) =>
        api.Node.Query(db => db.Clocks.AsNoTracking().Where(c => c.SubjectId == id || db.BranchWorkflows.Any(b => b.RequestId == id && b.CorrelationId == c.SubjectId)).ToListAsync());

    static JsonElement Victim(JsonElement view) =>
        view.GetProperty("content").GetProperty("persons").EnumerateArray().Single(p => p.GetProperty("name").GetString() is "I. J." or "[restricted: child victim]");
}
