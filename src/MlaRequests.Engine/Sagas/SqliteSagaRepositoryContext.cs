using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace MlaRequests.Engine.Sagas;

/// <summary>
/// Loads and stores one saga instance through the unit of work's <see cref="DbContext"/>. Changes are tracked, not
/// saved: whoever owns the transaction (the durable unit of work, or the repository's own transaction) saves state,
/// inbox and outbox rows in one <c>SaveChanges</c>, which is also where a lost optimistic race surfaces. Only
/// <see cref="Insert"/> saves at once, because it must learn right away whether another message created the instance.
/// </summary>
sealed class SqliteSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    readonly DbContext db;
    readonly ConsumeContext<TMessage> consumeContext;
    readonly ISagaConsumeContextFactory<DbContext, TSaga> factory;

    public SqliteSagaRepositoryContext(DbContext db, ConsumeContext<TMessage> consumeContext, ISagaConsumeContextFactory<DbContext, TSaga> factory)
        : base(consumeContext, db)
    {
        this.db = db;
        this.consumeContext = consumeContext;
        this.factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        var entry = db.Set<TSaga>().Add(instance);
        try
        {
            await db.SaveChangesAsync(CancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another message created the instance first: let the caller load it instead.
            entry.State = EntityState.Detached;
            return null!;
        }
        return await factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Insert).ConfigureAwait(false);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await SagaQueries<TSaga>.Load(db, correlationId, CancellationToken).ConfigureAwait(false);
        return instance is null
            ? null!
            : await factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Load).ConfigureAwait(false);
    }

    public Task Save(SagaConsumeContext<TSaga> context)
    {
        db.Set<TSaga>().Add(context.Saga);
        return Task.CompletedTask;
    }

    public Task Update(SagaConsumeContext<TSaga> context)
    {
        if (context.Saga is ISagaVersion versioned)
            versioned.Version++;
        return Task.CompletedTask;
    }

    public Task Delete(SagaConsumeContext<TSaga> context)
    {
        db.Set<TSaga>().Remove(context.Saga);
        return Task.CompletedTask;
    }

    public Task Discard(SagaConsumeContext<TSaga> context)
    {
        db.Entry(context.Saga).State = EntityState.Detached;
        return Task.CompletedTask;
    }

    public Task Undo(SagaConsumeContext<TSaga> context)
    {
        var entry = db.Entry(context.Saga);
        if (entry.State is EntityState.Modified)
            entry.State = EntityState.Unchanged;
        return Task.CompletedTask;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> context, TSaga instance, SagaConsumeContextMode mode)
        where T : class => factory.CreateSagaConsumeContext(db, context, instance, mode);
}

/// <summary>Read-only access to saga instances (MassTransit's load and query repositories).</summary>
sealed class SqliteSagaReadContext<TSaga>(DbContext db, CancellationToken cancellationToken)
    : BasePipeContext(cancellationToken), LoadSagaRepositoryContext<TSaga>, QuerySagaRepositoryContext<TSaga>
    where TSaga : class, ISaga
{
    public async Task<TSaga> Load(Guid correlationId) =>
        (await SagaQueries<TSaga>.LoadUntracked(db, correlationId, CancellationToken).ConfigureAwait(false))!;

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var instances = await db.Set<TSaga>().AsNoTracking().Where(query.FilterExpression).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new LoadedSagaRepositoryQueryContext<TSaga>(this, instances);
    }
}

/// <summary>The per-message saga queries, compiled once per saga type (no expression-tree work on the hot path).</summary>
static class SagaQueries<TSaga>
    where TSaga : class, ISaga
{
    public static readonly Func<DbContext, Guid, CancellationToken, Task<TSaga?>> Load =
        EF.CompileAsyncQuery((DbContext db, Guid id, CancellationToken _) => db.Set<TSaga>().SingleOrDefault(x => x.CorrelationId == id));

    public static readonly Func<DbContext, Guid, CancellationToken, Task<TSaga?>> LoadUntracked =
        EF.CompileAsyncQuery((DbContext db, Guid id, CancellationToken _) => db.Set<TSaga>().AsNoTracking().SingleOrDefault(x => x.CorrelationId == id));
}
