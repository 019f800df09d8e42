using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Persistence;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Every operation of the node's own OpenAPI document, called with one defect at a time (<see cref="OpenApiDefects"/>),
/// in Development and in Production: no answer is a 5xx, no malformed command is accepted, and the database is
/// exactly as it was (every table's rows hashed before and after), and every answer is one the document describes (its status
/// and problem details, <see cref="OpenApiContract"/>). The audit log is part of that snapshot: it
/// records committed commands only, so a refused attempt leaves no row, and none may appear.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_malformed_calls_are_generated_from_the_OpenAPI_document : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 5, 4, 9, 30));

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task No_call_answers_500_or_changes_anything(string environment)
    {
        await using var root = new NodeFactory(Path.Combine(_data.Path, environment), _clock);
        await using var node = root.WithWebHostBuilder(b => b.UseEnvironment(environment));
        var limits = node.Services.GetRequiredService<InputLimits>();
        var activity = BusActivity.On(node.Services.GetRequiredService<MassTransit.IBus>());
        Task SettleAsync() => activity.DrainedAsync(now => Query(node, db => BusActivity.DueAsync(db, now)), _clock.GetCurrentInstant());
        var users = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var user in new[] { "kz.prosecutor", "kz.liaison", "kz.admin" })
            users[user] = await LoginAsync(node, user);

        var prosecutor = users["kz.prosecutor"];
        var created = await prosecutor.SendAsync(Command(HttpMethod.Post, "/api/requests", RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Untoc, "KG"))));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var caseId = await ReceiveFromKgAsync(node);
        await SettleAsync();

        var text = await users["kz.admin"].GetStringAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(text).RootElement;
        var contract = new OpenApiContract(text);
        document.GetProperty("components").GetProperty("schemas").GetProperty("LocalDate").GetProperty("format").GetString()
            .Should().Be("date", "the document describes a date as a date, so clients and this test know it");
        var calls = new OpenApiDefects(document, (template, name) => (template, name) switch
        {
            (_, "country" or "node") => "KG",
            (var t, "id") when t.StartsWith("/api/incoming", StringComparison.Ordinal) => caseId.ToString(),
            (_, "id") => requestId.ToString(),
            _ => Guid.NewGuid().ToString(),
        }, limits.TextLength, limits.ListItems).Calls().ToList();
        calls.Select(c => c.Path.Split('?')[0]).Distinct().Should().HaveCountGreaterThan(20, "every operation of the document is called");
        foreach (var kind in new[] { "undefined enum number", "a null entry", "the date 2999-01-01", $"{limits.TextLength + 1} characters",
                     $"{limits.ListItems + 1} entries", "text instead of a number", "persons: [0].dateOfBirth", "query page=2147483647", "no Idempotency-Key",
                     "an unknown field", "body {", "route id=not-a-guid" })
            calls.Any(c => c.Defect.Contains(kind, StringComparison.Ordinal)).Should().BeTrue($"the document's schemas yield '{kind}'");

        var before = await SnapshotAsync(node);
        var failures = new List<string>();
        foreach (var call in calls)
        {
            var client = call.Path.StartsWith("/api/requests", StringComparison.Ordinal) ? prosecutor
                : call.Path.StartsWith("/api/incoming", StringComparison.Ordinal) ? users["kz.liaison"]
                : users["kz.admin"];
            var response = await client.SendAsync(Build(call));
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500 || (call.Method != "GET" && status is >= 200 and < 300))
                failures.Add($"{status} {call.Method} {Cut(call.Path)} with {call.Defect}: {Cut(body)}");
            failures.AddRange(contract.Problems(call.Method, response.RequestMessage!.RequestUri!.AbsolutePath, status,
                response.Content.Headers.ContentType?.MediaType, body).Select(p => $"with {call.Defect}: {Cut(p)}"));
        }
        await SettleAsync();
        var after = await SnapshotAsync(node);

        failures.Should().BeEmpty($"{calls.Count} malformed calls were made in {environment}:\n{string.Join('\n', failures)}\n");
        after.Should().Equal(before, "no malformed call changed anything");
    }

    static HttpRequestMessage Build(MalformedCall call)
    {
        var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (call.Body is not null)
            request.Content = new StringContent(call.Body, Encoding.UTF8, call.ContentType);
        if (call.IdempotencyKey is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", call.IdempotencyKey);
        return request;
    }

    static HttpRequestMessage Command(HttpMethod method, string path, string body)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }

    static async Task<HttpClient> LoginAsync(WebApplicationFactory<Program> node, string user)
    {
        var client = node.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Demo!2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    async Task<Guid> ReceiveFromKgAsync(WebApplicationFactory<Program> node)
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        var caseId = Guid.NewGuid();
        var now = _clock.GetCurrentInstant();
        var envelope = TestEnvelopes.Signed("KG", "KZ", new RequestTransmitted(caseId, Guid.NewGuid(), "KG-2026-000001", "KG", "KZ", "ClassicMla", "Chisinau2002",
            false, false, RequestContentJson.Version, RequestContentJson.Serialize(content), "kg.liaison", now), now);
        var bus = node.Services.GetRequiredService<MassTransit.IBus>();
        await (await bus.GetSendEndpoint(new Uri("queue:kz-inbound"))).Send(envelope);
        await Eventually.Until(() => Query(node, db => db.IncomingCaseWorkflows.AnyAsync(w => w.CorrelationId == caseId && w.CurrentState == "Received")),
            done => done, TestTimeouts.Workflow, "the incoming case");
        return caseId;
    }

    /// <summary>Waits until two snapshots a moment apart agree: the set-up's workflow cascades have landed.</summary>
    /// <summary>Each table of the node's database: its name, row count and a hash of its rows.</summary>
    static Task<List<string>> SnapshotAsync(WebApplicationFactory<Program> node) => Query(node, async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var snapshot = new List<string>();
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToBase64String(b) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            snapshot.Add($"{table}: {rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))[..16]}");
        }
        return snapshot;
    });

    static async Task<T> Query<T>(WebApplicationFactory<Program> node, Func<NodeDbContext, Task<T>> query)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NodeDbContext>());
    }

    static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;

    public void Dispose() => _data.Dispose();
}
