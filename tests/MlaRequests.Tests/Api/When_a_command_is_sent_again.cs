using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Requests;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Idempotency-Key: a retry with the same key gets the first answer and runs nothing again; the
/// same key on another command is a 422; a command without a key is a 400 naming the header.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_command_is_sent_again(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task A_retried_submission_gets_the_first_answer_and_the_request_is_submitted_once()
    {
        var submissions = await Collector.PublishedAsync<SubmitRequest>(api.Node);
        var id = await api.RequestIn("Draft");
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString("N");

        var first = await Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/submit", new { }, key);
        await first.ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.RequestIn(id, "InReview");
        await api.Settled();
        var outbox = await api.OutboxHighWater();

        var retry = await Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/submit", new { }, key);

        await retry.ShouldBeAsync(HttpStatusCode.Accepted);
        (await Canonical(retry)).Should().Be(await Canonical(first), "the retry replays the stored answer (not a 409 for InReview)");
        retry.Headers.Location.Should().Be(first.Headers.Location);
        (await api.OutboxHighWater()).Should().Be(outbox, "the replay writes no message");
        await api.Settled();
        (await api.OutboxHighWater()).Should().Be(outbox);
        submissions.Count(s => s.RequestId == id).Should().Be(1, "the workflow got one submission");
        (await api.Timeline(id)).Count(e => e.Action == "Submitted for review").Should().Be(1);
        (await api.Node.Clocks(id)).Should().ContainSingle("one review clock runs");
    }

    [Fact]
    public async Task A_retried_creation_returns_the_same_draft_and_creates_no_second_one()
    {
        var prosecutor = await api.As(Prosecutor);
        var before = (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32();
        var key = Guid.NewGuid().ToString("N");

        var first = await Send(prosecutor, HttpMethod.Post, "/api/requests", TestContent.Complete(), key);
        var retry = await Send(prosecutor, HttpMethod.Post, "/api/requests", TestContent.Complete(), key);

        await first.ShouldBeAsync(HttpStatusCode.Created);
        await retry.ShouldBeAsync(HttpStatusCode.Created);
        (await Canonical(retry)).Should().Be(await Canonical(first), "same id and reference");
        retry.Headers.Location.Should().Be(first.Headers.Location);
        await api.Settled();
        (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32().Should().Be(before + 1);
    }

    [Fact]
    public async Task A_retried_note_is_added_once()
    {
        var id = await api.RequestIn("Draft");
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString("N");

        var first = await Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/notes", new { text = "Called the KG liaison officer." }, key);
        var retry = await Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/notes", new { text = "Called the KG liaison officer." }, key);

        await first.ShouldBeAsync(HttpStatusCode.Created);
        (await Canonical(retry)).Should().Be(await Canonical(first));
        await Eventually.Until(async () => (await api.Node.Request(id))!.NoteCount, n => n >= 1, TestTimeouts.Workflow, "the note");
        await api.Settled();
        (await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("noteCount").GetInt32().Should().Be(1);
        (await api.Node.Query(db => Task.FromResult(db.Notes.Count(n => n.RequestId == id)))).Should().Be(1);
    }
    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused_with_422_and_runs_nothing()
    {
        var id = await api.RequestIn("Draft");
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString("N");
        await (await Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/notes", new { text = "First note." }, key)).ShouldBeAsync(HttpStatusCode.Created);
        await api.Settled();
        var outbox = await api.OutboxHighWater();

        var reused = await Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/notes", new { text = "A different note." }, key);

        await reused.ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        reused.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        (await reused.JsonAsync()).GetProperty("detail").GetString().Should().Contain(key);
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Query(db => Task.FromResult(db.Notes.Count(n => n.RequestId == id)))).Should().Be(1);
    }

    [Fact]
    public async Task The_same_key_on_another_command_is_refused_with_422()
    {
        var id = await api.RequestIn("Draft");
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString("N");
        await (await Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/notes", new { }, key)).ShouldBeAsync(HttpStatusCode.BadRequest);
        await (await Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/withdraw", BodyOf("withdraw"), key)).ShouldBeAsync(HttpStatusCode.Accepted);

        var reused = await Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/submit", new { }, key);

        await reused.ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        await api.Node.RequestIn(id, "Withdrawn");
    }

    [Theory]
    [InlineData("POST", "/api/requests/{id}/submit")]
    [InlineData("POST", "/api/requests")]
    [InlineData("PUT", "/api/requests/{id}")]
    [InlineData("POST", "/api/requests/{id}/notes")]
    public async Task A_command_without_the_key_is_refused_with_400_naming_the_header(string method, string path)
    {
        var id = await api.RequestIn("Draft");
        var prosecutor = await api.As(Prosecutor);
        var total = (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32();
        var outbox = await api.OutboxHighWater();
        var client = await api.RawClient(Prosecutor);
        object body = path.EndsWith("notes", StringComparison.Ordinal) ? new { text = "Note." } : path.EndsWith("submit", StringComparison.Ordinal) ? new { } : TestContent.Complete();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id.ToString(), StringComparison.Ordinal))
        {
            Content = JsonContent.Create(body, body.GetType(), options: RequestContentJson.Options),
        });

        (await response.ErrorFieldsAsync()).Should().Equal("Idempotency-Key");
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32().Should().Be(total);
        var view = await prosecutor.GetAsync($"/api/requests/{id}");
        view.GetProperty("status").GetString().Should().Be("Draft");
        view.GetProperty("revision").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_key_longer_than_100_characters_is_refused_with_400_naming_the_header()
    {
        var id = await api.RequestIn("Draft");

        var response = await Send(await api.As(Prosecutor), HttpMethod.Post, $"/api/requests/{id}/submit", new { }, new string('k', 101));

        (await response.ErrorFieldsAsync()).Should().Equal("Idempotency-Key");
    }
    [Fact]
    public async Task Identical_commands_sent_at_the_same_moment_with_one_key_run_once_and_get_one_answer()
    {
        var id = await api.RequestIn("Draft");
        var prosecutor = await api.As(Prosecutor);
        var answers = new List<string>();
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io); // on a 2-core machine the server would otherwise run the copies one by one
        try
        {
            // Ten double clicks (eight copies each, released together from their own threads, one key per click).
            for (var click = 0; click < 10; click++)
            {
                var key = Guid.NewGuid().ToString("N");
                using var start = new Barrier(8);
                var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
                {
                    start.SignalAndWait();
                    return Send(prosecutor, HttpMethod.Post, $"/api/requests/{id}/notes", new { text = $"Double-clicked {key}." }, key);
                }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()));
                var distinct = (await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"))).Distinct().ToList();
                answers.Add(string.Join(" | ", distinct.Select(a => a[..3])));
            }
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
        }

        await api.Settled();
        (await api.Node.Query(db => Task.FromResult(db.Notes.Count(n => n.RequestId == id)))).Should().Be(10, "each click adds one note");
        answers.Should().AllBe("201", "every copy of a click gets the first answer");
    }

    [Fact]
    public async Task A_key_belongs_to_its_user()
    {
        var id = await api.RequestIn("Draft");
        var key = Guid.NewGuid().ToString("N");

        await (await Send(await api.As(Prosecutor), HttpMethod.Post, $"/api/requests/{id}/notes", new { text = "Mine." }, key)).ShouldBeAsync(HttpStatusCode.Created);
        await (await Send(await api.As(Liaison), HttpMethod.Post, $"/api/requests/{id}/notes", new { text = "Mine." }, key)).ShouldBeAsync(HttpStatusCode.Created);

        await Eventually.Until(async () => (await api.Node.Request(id))!.NoteCount, n => n == 2, TestTimeouts.Workflow, "both notes");
    }

    static Task<HttpResponseMessage> Send(NodeApi user, HttpMethod method, string path, object body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, body.GetType(), options: RequestContentJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }

    static async Task<string> Canonical(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
