using System.Net;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The document as a contract for reads: every GET it lists, called by someone who may make it, about a request and an
/// incoming case that exist, answers as the document says (<see cref="ApiNode"/>'s clients check each answer's status and
/// body against it); and the check itself notices an answer unlike the document.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_every_read_in_the_OpenAPI_document_is_called(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task Each_answers_with_a_documented_status_and_body()
    {
        var request = await api.RequestIn("Approved", TestContent.Complete(MlaRequests.Domain.Requests.LegalBasis.Untoc, "KG"));
        var incoming = await api.ReceiveFromKg();
        await api.Settled();
        var reads = (await api.Node.Contract()).Operations("GET");

        foreach (var (template, query) in reads)
        {
            var path = template.Replace("{id}", (template.StartsWith("/api/incoming", StringComparison.Ordinal) ? incoming : request).ToString(), StringComparison.Ordinal)
                .Replace("{country}", "KG", StringComparison.Ordinal).Replace("{node}", "KG", StringComparison.Ordinal);
            // The deadlines list needs a state; every other query parameter may be left out.
            if (query.Contains("state"))
                path += "?state=due";
            var user = template.StartsWith("/api/links", StringComparison.Ordinal) || template is "/api/quarantine" or "/api/audit/verify" or "/api/calendars" ? RequestSetup.Admin
                : template.StartsWith("/api/incoming", StringComparison.Ordinal) ? RequestSetup.Liaison
                : RequestSetup.Prosecutor;
            var response = await (await api.As(user)).Client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{user} reads GET {path}: {await response.Content.ReadAsStringAsync()}");
        }
        reads.Should().HaveCountGreaterThanOrEqualTo(15, "every read of the document is called");
    }

    [Fact]
    public async Task An_answer_unlike_the_document_is_reported()
    {
        var contract = await api.Node.Contract();
        var id = Guid.NewGuid();

        contract.Problems("GET", $"/api/requests/{id}", 200, "application/json", """{"id":"x"}""").Should().ContainSingle()
            .Which.Should().Contain("does not match its schema");
        contract.Problems("GET", $"/api/requests/{id}", 418, "application/problem+json", "{}").Should().ContainSingle()
            .Which.Should().Contain("answered 418, which the document does not list");
        contract.Problems("POST", $"/api/requests/{id}/submit", 202, "text/plain", "accepted").Should().ContainSingle()
            .Which.Should().Contain("the document says application/json");
        contract.Problems("GET", "/health/ready", 200, "application/json", "{}").Should().BeEmpty("a path the document does not list is not its concern");
    }
}
