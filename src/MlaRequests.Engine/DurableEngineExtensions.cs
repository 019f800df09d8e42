using MassTransit;
using MassTransit.Configuration;
using MassTransit.Middleware;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Engine.Inbox;
using MlaRequests.Engine.Outbox;
using MlaRequests.Engine.Persistence;

namespace MlaRequests.Engine;

/// <summary>Wiring of the durable engine into a host and into MassTransit endpoints.</summary>
public static class DurableEngineExtensions
{
    /// <summary>
    /// Registers inbox, outbox, scheduler support and the dispatcher for <typeparamref name="TDbContext"/>
    /// stored at <paramref name="databasePath"/>. The host registers <typeparamref name="TDbContext"/> itself and an <c>IClock</c>.
    /// </summary>
    public static IServiceCollection AddDurableEngine<TDbContext>(this IServiceCollection services, string databasePath,
        Action<OutboxOptions>? configure = null)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new EngineDatabase(typeof(TDbContext), databasePath));
        services.AddScoped<DbContext>(provider => provider.GetRequiredService<TDbContext>());
        services.AddOptions<OutboxOptions>().Configure(o => configure?.Invoke(o)).Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize > 0 && o.SendTimeout > TimeSpan.Zero,
            "Outbox:PollInterval, Outbox:BatchSize and Outbox:SendTimeout must be positive").ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<IOutboxContextFactory<DbContext>, DurableOutboxContextFactory>();
        services.AddScoped<DurableWriter>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<InboxRetention>();
        return services;
    }

    /// <summary>
    /// Runs every consumer and saga of this endpoint in a durable unit of work (inbox + outbox in the
    /// state's transaction), retried as a whole when the database reports a conflict or an event
    /// arrives ahead of the state it needs (held for up to ~50 s, then moved to the error queue).
    /// </summary>
    public static void UseDurableUnitOfWork(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        endpoint.UseMessageRetry(retry =>
        {
            retry.Handle<DbUpdateException>();
            retry.Handle<SagaException>();          // an event for an instance that does not exist yet: hold, then fault
            retry.Handle<UnhandledEventException>(); // an event ahead of its state (out of order): hold, then fault
            retry.Intervals(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1),
                TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
        });
        var observer = new OutboxConsumePipeSpecificationObserver<DbContext>(endpoint, context);
        endpoint.ConnectConsumerConfigurationObserver(observer);
        endpoint.ConnectSagaConfigurationObserver(observer);
    }
}
