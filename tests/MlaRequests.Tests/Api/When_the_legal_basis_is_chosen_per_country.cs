using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Domain;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Issue 15: the legal basis is chosen per requested country; an instrument that does not apply between Kazakhstan and that
/// country is refused on submit with the field named, nothing changed; "where possible" details and unverified entries come
/// back as warnings; the copy each country receives carries its own basis in the request-level fields.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_legal_basis_is_chosen_per_country(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task The_country_s_basis_is_saved_shown_and_sent_to_that_country()
    {
        var content = TestContent.Complete(LegalBasis.Untoc);
        content.TargetBases = [new TargetBasis { Country = "KG", LegalBasis = LegalBasis.Chisinau2002 }];
        var id = await Scenario.ApprovedAsync(api.Node, content);

        var shown = await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}");
        shown.GetProperty("targets")[0].GetProperty("legalBasis").GetString().Should().Be("Chisinau2002");
        shown.GetProperty("content").GetProperty("legalBasis").GetString().Should().Be("Untoc", "the request keeps its own basis");

        var sent = await api.Kg.Receives<RequestTransmitted>(DeterministicGuid.Branch(id, "KG"));
        sent.LegalBasis.Should().Be("Chisinau2002");
        var copy = RequestContentJson.Deserialize(sent.ContentJson);
        copy.LegalBasis.Should().Be(LegalBasis.Chisinau2002, "a release-2 peer reads the request-level basis only");
        copy.TargetBases.Should().ContainSingle().Which.Country.Should().Be("KG");
    }

    [Fact]
    public async Task Minsk_towards_Kyrgyzstan_is_refused_with_the_field_named_and_nothing_changes()
    {
        var content = TestContent.Complete(LegalBasis.Untoc, "KG", "UZ");
        content.TargetBases = [new TargetBasis { Country = "UZ", LegalBasis = LegalBasis.Minsk1993 }, new TargetBasis { Country = "KG", LegalBasis = LegalBasis.Minsk1993 }];
        var id = await Scenario.DraftAsync(api.Node, content);
        await api.Settled();
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/submit");

        (await response.ErrorFieldsAsync()).Should().BeEquivalentTo("targetBases[1].legalBasis");
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").GetProperty("targetBases[1].legalBasis")[0].GetString().Should()
            .StartWith("The Minsk Convention does not apply between Kazakhstan and Kyrgyzstan: the Chisinau Convention replaces it between its parties");
        (await api.OutboxHighWater()).Should().Be(outbox, "nothing is sent for a refused submission");
        await api.Settled();
        (await api.Node.Request(id))!.CurrentState.Should().Be("Draft");
    }

    [Fact]
    public async Task A_basis_for_a_country_the_request_does_not_go_to_is_refused_on_save()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002);
        content.TargetBases = [new TargetBasis { Country = "UZ", LegalBasis = LegalBasis.Minsk1993 }];

        var response = await (await api.As(Prosecutor)).Client.PostAsJsonAsync("/api/requests", content, RequestContentJson.Options);

        (await response.ErrorFieldsAsync()).Should().BeEquivalentTo("targetBases[0].country");
    }

    [Fact]
    public async Task Details_asked_only_where_possible_go_through_and_come_back_as_warnings()
    {
        var content = TestContent.Complete(LegalBasis.Untoc);
        content.Persons[1].Citizenship = null;
        content.Persons[0].Unknown = ["residence"];
        content.Persons[0].Residence = null;
        var id = await Scenario.DraftAsync(api.Node, content);

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/submit");

        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        var warnings = (await response.JsonAsync()).GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("field").GetString()).ToList();
        warnings.Should().BeEquivalentTo("persons[1].citizenship", "persons[0].residence");
        await api.Node.RequestIn(id, "InReview");
        var shown = await (await api.As(Liaison)).GetAsync($"/api/requests/{id}");
        shown.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("field").GetString()).Should().BeEquivalentTo(warnings,
            "the liaison officer sees them at approval");
    }

    [Fact]
    public async Task A_request_saved_without_per_country_bases_reads_and_submits_as_before()
    {
        var id = await Scenario.DraftAsync(api.Node, TestContent.Complete(LegalBasis.Chisinau2002));

        var shown = await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}");
        shown.GetProperty("content").GetProperty("targetBases").ValueKind.Should().Be(JsonValueKind.Null);
        shown.GetProperty("targets")[0].GetProperty("legalBasis").GetString().Should().Be("Chisinau2002");
        await (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/submit")).ShouldBeAsync(HttpStatusCode.Accepted);
    }
}
