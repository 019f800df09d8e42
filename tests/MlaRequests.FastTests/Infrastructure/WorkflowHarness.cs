using MassTransit;
using MassTransit.Configuration;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Domain.Timeline;
using MlaRequests.Engine.Outbox;
using MlaRequests.Engine.Persistence;
using MlaRequests.Engine.Sagas;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.FastTests.Infrastructure;

/// <summary>
/// One state machine on MassTransit's in-memory test harness, with what its transitions need from the container:
/// the unit of work's <see cref="DbContext"/> (the node's model on an in-memory SQLite database of its own, so the
/// timeline and the two reads work as on a node), the node's code, a <see cref="FakeClock"/>, the deadline planner and a
/// <see cref="RecordingScheduler"/>. Instances are stored by the node's own SQLite saga repository, so a test puts an
/// instance in any state by writing its row (<see cref="SeedAsync{T}"/>). Anything else a transition comes to need
/// (a port instead of a query) is registered in <see cref="Register"/>, next to the database.
/// </summary>
public class WorkflowHarness<TMachine, TState> : IAsyncLifetime
    where TMachine : class, SagaStateMachine<TState>
    where TState : class, SagaStateMachineInstance
{
    /// <summary>The node the workflow runs on.</summary>
    public const string NodeCode = "KZ";

    /// <summary>The instant every harness starts at (a Monday morning in Almaty).</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 4, 0);

    readonly string _database = $"fast-{Guid.NewGuid():N}";
    readonly SqliteConnection _keepAlive;
    readonly ServiceProvider _provider;
    readonly DeliveryObserver _deliveries = new();

    /// <summary>Builds the container; the bus starts in <see cref="InitializeAsync"/>.</summary>
    public WorkflowHarness()
    {
        _keepAlive = new SqliteConnection(ConnectionString);
        var services = new ServiceCollection();
        Register(services);
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddSagaStateMachine<TMachine, TState>().SqliteRepository();
            bus.UsingInMemory((context, cfg) =>
            {
                cfg.ConfigureJsonSerializerOptions(MessageJson.Configure);
                cfg.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(Scheduler.Filter()));
                cfg.ConfigureEndpoints(context);
            });
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The test clock the workflows read.</summary>
    public FakeClock Clock { get; } = new(Start);

    /// <summary>What the workflow scheduled.</summary>
    public RecordingScheduler Scheduler { get; } = new();

    /// <summary>MassTransit's harness: what was published, sent and consumed.</summary>
    public ITestHarness Bus => _provider.GetRequiredService<ITestHarness>();

    /// <summary>The state machine under test, as the bus runs it.</summary>
    public TMachine Machine => _provider.GetRequiredService<TMachine>();

    string ConnectionString => $"Data Source={_database};Mode=Memory;Cache=Shared";

    /// <summary>What the workflows take from the node's container.</summary>
    void Register(IServiceCollection services)
    {
        services.AddDbContext<NodeDbContext>(o => o.UseSqlite(ConnectionString));
        services.AddScoped<DbContext>(provider => provider.GetRequiredService<NodeDbContext>());
        services.AddScoped<IWorkflowReads, NodeWorkflowReads>(); // what a transition reads, over the same database as the node
        services.AddSingleton(new EngineDatabase(typeof(NodeDbContext), _database));
        services.AddSingleton(new WorkflowNode(NodeCode));
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<IClockPlanner, PolicyClockPlanner>();
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _keepAlive.OpenAsync();
        await using (var scope = _provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NodeDbContext>().Database.EnsureCreatedAsync();
        Bus.TestTimeout = TestTimeouts.Harness;
        await Bus.Start();
        Bus.Bus.ConnectReceiveObserver(_deliveries);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Bus.Stop();
        await _provider.DisposeAsync();
        await _keepAlive.DisposeAsync();
    }

    /// <summary>Stores <paramref name="rows"/> (workflow instances in a chosen state, requests they read) as a node would have them.</summary>
    public async Task SeedAsync<T>(params T[] rows)
        where T : class
    {
        await using var scope = _provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Publishes <paramref name="message"/> in a conversation of its own and waits until the workflow consumed it (or faulted on
    /// it); what the workflow published and sent meanwhile carries that conversation.
    /// </summary>
    public async Task<Delivery> DeliverAsync(object message, Action<PublishContext>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = NewId.NextGuid();
        var finished = _deliveries.Finished(id);
        await Bus.Bus.Publish(message, message.GetType(), c =>
        {
            c.MessageId = id;
            c.ConversationId = id;
            headers?.Invoke(c);
        });
        var fault = await finished.WaitAsync(TestTimeouts.Consume);
        return new Delivery(fault,
            [.. Bus.Published.Select(x => x.Context.ConversationId == id && x.Context.MessageId != id).Select(x => x.MessageObject).Where(m => !IsFault(m))],
            [.. Bus.Sent.Select(x => x.Context.ConversationId == id).Select(x => x.MessageObject)]);
    }

    /// <summary>
    /// Fires the pending scheduled <typeparamref name="T"/> that matches <paramref name="match"/> as the scheduler would:
    /// the clock moves to its instant and the message arrives with its scheduling token.
    /// </summary>
    public Task<Delivery> FireAsync<T>(Func<T, bool> match)
        where T : class
    {
        var scheduled = Scheduler.Take(match) ?? throw new InvalidOperationException($"No {typeof(T).Name} is scheduled that matches.");
        Clock.Reset(scheduled.At);
        return DeliverAsync(scheduled.Message, c => c.Headers.Set(MessageHeaders.SchedulingTokenId, scheduled.TokenId.ToString("D")));
    }

    /// <summary>The instance as stored now, or null.</summary>
    public async Task<TState?> LoadAsync(Guid id)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NodeDbContext>().Set<TState>().AsNoTracking()
            .SingleOrDefaultAsync(x => x.CorrelationId == id);
    }

    /// <summary>Reads the node's database as it is now.</summary>
    public async Task<T> QueryAsync<T>(Func<NodeDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = _provider.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NodeDbContext>());
    }

    /// <summary>The timeline of <paramref name="subjectId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid subjectId)
    {
        await using var scope = _provider.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<NodeDbContext>().Timeline.AsNoTracking()
            .Where(t => t.SubjectId == subjectId).ToListAsync();
        return [.. entries.OrderBy(t => t.At)];
    }

    static bool IsFault(object message) =>
        message.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Fault<>));
}
