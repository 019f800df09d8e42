using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MlaRequests.Node.Messaging;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using NodaTime;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// An in-process node on a given data directory, with a fake clock, demo accounts and fast outbox polling
/// (<paramref name="testServices"/>: further service changes a test needs).
/// </summary>
public sealed class NodeFactory(string dataDirectory, IClock clock, IDictionary<string, string?>? settings = null, string code = "KZ",
    Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    Lazy<Task<OpenApiContract>>? _contract;

    public string Code => code;

    /// <summary>Every answer to this node's clients is checked against its OpenAPI document (<see cref="OpenApiContract"/>).</summary>
    public bool ChecksContract { get; init; }

    /// <summary>The node's OpenAPI document, read once.</summary>
    public Task<OpenApiContract> Contract() =>
        LazyInitializer.EnsureInitialized(ref _contract, () => new(async () => new OpenApiContract(await CreateClient().GetStringAsync("/openapi/v1.json")))).Value;

    /// <summary>A client without a token (answers checked when <see cref="ChecksContract"/>).</summary>
    public HttpClient CreateCheckedClient(params DelegatingHandler[] handlers) =>
        CreateDefaultClient(ChecksContract ? [new OpenApiContract.Checks(Contract), .. handlers] : handlers);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Node:Code", code);
        builder.UseSetting("Node:DataDirectory", dataDirectory);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.050");
        builder.UseSetting("Demo:SeedAccounts", "true");
        builder.UseSetting("CrossBorder:PollInterval", "00:00:00.050");
        foreach (var (key, value) in TestKeys.SettingsFor(code, dataDirectory))
            builder.UseSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(clock);
            testServices?.Invoke(services);
        });
    }

    /// <summary>
    /// A node on RabbitMQ starts without waiting for its broker; a test starts from a connected bus whose
    /// consume bindings are declared, as a node is once <c>/health/ready</c> answers.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (host.Services.GetService<ConsumeBindingsDeployer>() is { } bindings)
        {
            var bus = host.Services.GetRequiredService<IBusControl>();
            if (!SpinWait.SpinUntil(() => bindings.Declared.IsCompletedSuccessfully && bus.CheckHealth().Status == BusHealthStatus.Healthy,
                    TestTimeouts.Start))
                throw new TimeoutException($"The node's bus did not become ready: {bus.CheckHealth().Description}");
            // A node with a border virtual host has a second bus (its inbound queue): ready once every bus is.
            var health = host.Services.GetRequiredService<HealthCheckService>();
            var buses = () => health.CheckHealthAsync(check => check.Name.StartsWith("masstransit", StringComparison.Ordinal)).GetAwaiter().GetResult();
            if (!SpinWait.SpinUntil(() => buses().Status == HealthStatus.Healthy, TestTimeouts.Start))
                throw new TimeoutException($"The node's buses did not become ready: {string.Join("; ", buses().Entries.Select(e => $"{e.Key}: {e.Value.Description}"))}");
        }
        return host;
    }

    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>A client signed in as <paramref name="user"/> (a demo account); commands get a fresh Idempotency-Key unless one is set.</summary>
    public async Task<NodeApi> LoginAsync(string user)
    {
        var client = CreateCheckedClient(new IdempotencyKeys());
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Demo!2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new NodeApi(client);
    }

    public Task<OutgoingRequestState?> Request(Guid id) => Query(db => db.OutgoingRequestWorkflows.SingleOrDefaultAsync(x => x.CorrelationId == id));

    public Task<BranchState?> Branch(Guid id) => Query(db => db.BranchWorkflows.SingleOrDefaultAsync(x => x.CorrelationId == id));

    public Task<IncomingCaseState?> Incoming(Guid id) => Query(db => db.IncomingCaseWorkflows.SingleOrDefaultAsync(x => x.CorrelationId == id));

    public Task<List<DeadlineClockState>> Clocks(Guid subjectId) => Query(db => db.Clocks.Where(x => x.SubjectId == subjectId).ToListAsync());

    public Task<List<Domain.Timeline.TimelineEntry>> Timeline(Guid subjectId) =>
        Query(db => db.Timeline.Where(e => e.SubjectId == subjectId).OrderBy(e => e.Id).ToListAsync());

    public Task<List<OutboxMessage>> Outbox() => Query(db => db.Set<OutboxMessage>().ToListAsync());

    public async Task<T> Query<T>(Func<NodeDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    public Task<OutgoingRequestState> RequestIn(Guid id, string state, TimeSpan? timeout = null) =>
        Eventually.Until(async () => (await Request(id))!, w => w?.CurrentState == state, timeout ?? TestTimeouts.Workflow, $"request {id} to reach {state}");

    public Task<BranchState> BranchIn(Guid id, string state, TimeSpan? timeout = null) =>
        Eventually.Until(async () => (await Branch(id))!, w => w?.CurrentState == state, timeout ?? TestTimeouts.Workflow, $"branch {id} to reach {state}");

    public Task<IncomingCaseState> IncomingIn(Guid id, string state, TimeSpan? timeout = null) =>
        Eventually.Until(async () => (await Incoming(id))!, w => w?.CurrentState == state, timeout ?? TestTimeouts.Workflow, $"incoming case {id} to reach {state}");

    /// <summary>Lets the outbox dispatcher look at the (fake) clock <paramref name="rounds"/> times.</summary>
    public async Task DispatchRounds(int rounds)
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < rounds; i++)
            await dispatcher.DispatchDueAsync(CancellationToken.None);
    }

    sealed record TokenResponse(string AccessToken);

    /// <summary>Adds a fresh Idempotency-Key to every command that has none.</summary>
    internal sealed class IdempotencyKeys : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if ((request.Method == HttpMethod.Post || request.Method == HttpMethod.Put) && !request.Headers.Contains("Idempotency-Key")
                && request.RequestUri?.AbsolutePath.StartsWith("/api/auth", StringComparison.Ordinal) != true)
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
