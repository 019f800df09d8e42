using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MlaRequests.Domain.Requests;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>The node's HTTP API as a signed-in user calls it.</summary>
public sealed class NodeApi(HttpClient client)
{
    static readonly JsonSerializerOptions Json = RequestContentJson.Options;

    public HttpClient Client => client;

    public sealed record Created(Guid Id, string Reference);

    public async Task<Created> CreateAsync(RequestContent content)
    {
        var response = await client.PostAsJsonAsync("/api/requests", content, Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Created>(Json))!;
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => client.PostAsJsonAsync(path, body ?? new { }, Json);

    public async Task StepAsync(string path, object? body = null)
    {
        var response = await PostAsync(path, body);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, $"{path}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }
}
