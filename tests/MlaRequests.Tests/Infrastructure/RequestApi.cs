using System.Net;
using System.Net.Http.Json;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>Calls the node's request API the way a client would.</summary>
public static class RequestApi
{
    sealed record Created(Guid Id);

    public static async Task<Guid> Submit(HttpClient client, string target = "KG")
    {
        var response = await client.PostAsJsonAsync("/api/requests",
            new { reference = $"KZ-{Guid.NewGuid():N}"[..20], summary = "Recruitment network moving victims across the border", targetNode = target, createdBy = "prosecutor.almaty" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    public static async Task Approve(HttpClient client, Guid id)
    {
        var response = await client.PostAsJsonAsync($"/api/requests/{id}/approve", new { approvedBy = "liaison.astana" });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }
}
