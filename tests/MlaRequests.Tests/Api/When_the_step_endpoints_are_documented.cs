using System.Text.Json;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>The node's OpenAPI document describes every step from its table: named after its message, with every answer it gives.</summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_step_endpoints_are_documented(ApiNode api) : IClassFixture<ApiNode>
{
    static readonly string[] Answers = ["202", "400", "401", "403", "404", "409", "413", "422"];

    [Fact]
    public async Task Every_step_has_its_operation_its_summary_and_every_answer()
    {
        var paths = (await (await api.As(Liaison)).GetAsync("/openapi/v1.json")).GetProperty("paths");
        var steps = IncomingSteps.Table.Select(s => ($"/api/incoming/{{id}}/{s.Route}", s.Summary, s.Body))
            .Concat(RequestSteps.OnRequest.Select(s => ($"/api/requests/{{id}}/{s.Route}", s.Summary, s.Body)))
            .Concat(RequestSteps.OnBranch.Select(s => ($"/api/requests/{{id}}/targets/{{country}}/{s.Route}", s.Summary, s.Body)));

        foreach (var (path, summary, body) in steps)
        {
            var post = paths.GetProperty(path).GetProperty("post");
            post.GetProperty("summary").GetString().Should().Be(summary, path);
            post.GetProperty("operationId").GetString().Should().NotBeNullOrEmpty(path);
            // A step with a body also answers 415 to a body that is not JSON.
            post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo(body is null ? Answers : [.. Answers, "415"], path);
            post.TryGetProperty("requestBody", out _).Should().Be(body is not null, path);
        }
    }

    [Fact]
    public async Task An_incoming_step_is_named_after_the_message_it_raises_and_says_where_it_is_allowed()
    {
        var post = (await (await api.As(Liaison)).GetAsync("/openapi/v1.json")).GetProperty("paths").GetProperty("/api/incoming/{id}/postpone").GetProperty("post");

        post.GetProperty("operationId").GetString().Should().Be("PostponeIncoming");
        post.GetProperty("description").GetString().Should().EndWith("Liaison officers only; allowed while the case is Assigned, Postponed, InExecution, PartiallyExecuted, ExecutionPostponed.");
        post.GetProperty("responses").GetProperty("409").GetProperty("content").EnumerateObject().Select(c => c.Name)
            .Should().Contain("application/problem+json");
        post.GetProperty("responses").GetProperty("202").ValueKind.Should().Be(JsonValueKind.Object);
    }
}
