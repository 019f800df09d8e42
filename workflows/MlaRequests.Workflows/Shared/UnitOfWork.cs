using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MlaRequests.Workflows.Shared;

/// <summary>The database of the transaction a workflow step runs in (state, timeline, inbox and outbox commit together).</summary>
public static class UnitOfWork
{
    /// <summary>The unit of work's <see cref="DbContext"/>.</summary>
    public static DbContext Db(this PipeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TryGetPayload(out DbContext? db))
            return db;
        if (context.TryGetPayload(out IServiceScope? scope))
            return scope.ServiceProvider.GetRequiredService<DbContext>();
        if (context.TryGetPayload(out IServiceProvider? provider))
            return provider.GetRequiredService<DbContext>();
        throw new InvalidOperationException("This workflow step does not run in a durable unit of work.");
    }
}
