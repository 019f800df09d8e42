using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MlaRequests.Tests.Api;

/// <summary>Reading what the API answered: problem details and their field errors.</summary>
public static class Problems
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The fields a 400 names (keys of <c>errors</c>).</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    /// <summary>Asserts a 409 with problem details that name the step and the status.</summary>
    public static async Task<JsonElement> ShouldBeConflictAsync(this HttpResponseMessage response, string step, string status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Conflict, body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be(409);
        problem.GetProperty("detail").GetString().Should().Contain($"'{step}' is not allowed while the status is {status}");
        return problem;
    }

    public static async Task ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status) =>
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
}
