using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.OutgoingRequests;
using NodaTime;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>An in-process node on a given data directory, with a fake clock and fast outbox polling.</summary>
public sealed class NodeFactory(string dataDirectory, IClock clock, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Node:Code", "KZ");
        builder.UseSetting("Node:DataDirectory", dataDirectory);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.050");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    public IBus Bus => Services.GetRequiredService<IBus>();

    public async Task<OutgoingRequestState?> Workflow(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
        return await db.OutgoingRequestWorkflows.AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == id);
    }

    public async Task<List<OutboxMessage>> Outbox()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
        return await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    /// <summary>Submits a request through the API and waits until its workflow is in review.</summary>
    public async Task<Guid> SubmittedRequest()
    {
        var id = await RequestApi.Submit(CreateClient());
        await WorkflowIn(id, "InReview");
        return id;
    }

    /// <summary>Submits and approves a request through the API and waits until its acknowledgement clock runs.</summary>
    public async Task<Guid> ApprovedRequest()
    {
        var id = await SubmittedRequest();
        await RequestApi.Approve(CreateClient(), id);
        await WorkflowIn(id, "AwaitingAcknowledgement");
        return id;
    }

    public Task<OutgoingRequestState> WorkflowIn(Guid id, string state, TimeSpan? timeout = null) =>
        Eventually.Until(async () => (await Workflow(id))!, w => w?.CurrentState == state, timeout ?? TimeSpan.FromSeconds(20),
            $"request {id} to reach {state}");
}
