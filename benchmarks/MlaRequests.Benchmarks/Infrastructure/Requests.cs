using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>Requests through the node's API, with the README's example content (complete under its legal basis).</summary>
static class Requests
{
    static readonly string Example = File.ReadAllText(Path.Combine(Repository.Root, "scripts", "examples", "request.json"));

    public static string ContentFor(params string[] targets)
    {
        var content = JsonNode.Parse(Example)!;
        content["targets"] = new JsonArray([.. targets.Select(t => (JsonNode)JsonValue.Create(t))]);
        content["caseReference"] = $"ALM-{Random.Shared.Next(100_000, 999_999)}";
        return content.ToJsonString();
    }

    public static async Task<Guid> CreateAsync(HttpClient prosecutor, params string[] targets)
    {
        var response = await prosecutor.PostAsync("/api/requests",
            new StringContent(ContentFor(targets), System.Text.Encoding.UTF8, "application/json"));
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task StepAsync(HttpClient client, string path)
    {
        var response = await client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string?> StatusAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/requests/{id}");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() : null;
    }

    public static async Task WaitForStatusAsync(HttpClient client, Guid id, string status)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await StatusAsync(client, id) != status)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"request {id} did not reach {status}");
            await Task.Delay(5);
        }
    }
}
