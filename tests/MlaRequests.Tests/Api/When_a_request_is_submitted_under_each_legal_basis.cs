using System.Net;
using System.Net.Http.Json;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Submitting checks the content against what the chosen instrument requires (data in
/// required-content.json): a 400 names every missing field by its path and the request stays a
/// draft; a field the instrument does not require never blocks it.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_request_is_submitted_under_each_legal_basis(ApiNode api) : IClassFixture<ApiNode>
{
    [Theory]
    [InlineData(LegalBasis.Untoc)]
    [InlineData(LegalBasis.Minsk1993)]
    [InlineData(LegalBasis.Chisinau2002)]
    [InlineData(LegalBasis.BilateralTreaty)]
    [InlineData(LegalBasis.Reciprocity)]
    public async Task A_complete_request_goes_into_review(LegalBasis basis)
    {
        var id = await Scenario.DraftAsync(api.Node, basis == LegalBasis.Minsk1993 ? TestContent.Complete(basis, "UZ") : TestContent.Complete(basis));

        await (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/submit")).ShouldBeAsync(HttpStatusCode.Accepted);

        await api.Node.RequestIn(id, "InReview");
    }

    [Theory]
    [MemberData(nameof(ContentCases.Refused), MemberType = typeof(ContentCases))]
    public async Task Submit_names_every_missing_field_and_the_request_stays_a_draft(string @case)
    {
        var id = await Scenario.DraftAsync(api.Node, ContentCases.Content(@case));
        await api.Settled();
        var outbox = await api.OutboxHighWater();
        var expected = ContentCases.Get(@case).Missing;

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/submit");

        (await response.ErrorFieldsAsync()).Should().BeEquivalentTo(expected);
        var problem = await response.JsonAsync();
        problem.GetProperty("title").GetString().Should().Be($"The step 'submit' needs {expected.Length} more field(s).");
        (await api.OutboxHighWater()).Should().Be(outbox, "nothing is sent for a refused submission");
        await api.Settled();
        (await api.Node.Request(id))!.CurrentState.Should().Be("Draft");
        (await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}")).GetProperty("status").GetString().Should().Be("Draft");
    }

    [Theory]
    [MemberData(nameof(ContentCases.Accepted), MemberType = typeof(ContentCases))]
    public async Task A_field_the_basis_does_not_require_does_not_block_the_submission(string @case)
    {
        var id = await Scenario.DraftAsync(api.Node, ContentCases.Content(@case));

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/submit");

        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.RequestIn(id, "InReview");
    }

    [Fact]
    public async Task After_the_prosecutor_completes_the_draft_it_submits()
    {
        const string Case = "Chisinau 2002 without the second person's date and place of birth, the original language and the requested authority";
        var prosecutor = await api.As(Prosecutor);
        var id = await Scenario.DraftAsync(api.Node, ContentCases.Content(Case));
        (await prosecutor.PostAsync($"/api/requests/{id}/submit")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var edit = await prosecutor.Client.PutAsJsonAsync($"/api/requests/{id}", TestContent.Complete(LegalBasis.Chisinau2002), RequestContentJson.Options);
        await edit.ShouldBeAsync(HttpStatusCode.OK);
        (await edit.JsonAsync()).GetProperty("revision").GetInt32().Should().Be(2);

        await (await prosecutor.PostAsync($"/api/requests/{id}/submit")).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.RequestIn(id, "InReview");
    }
}
