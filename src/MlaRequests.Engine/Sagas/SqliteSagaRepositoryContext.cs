using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace MlaRequests.Engine.Sagas;

/// <summary>Loads and stores one saga instance through the unit of work's <see cref="DbContext"/>.</summary>
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
        var instance = await db.Set<TSaga>().SingleOrDefaultAsync(x => x.CorrelationId == correlationId, CancellationToken).ConfigureAwait(false);
        return instance is null
            ? null!
            : await factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Load).ConfigureAwait(false);
    }

    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        db.Set<TSaga>().Add(context.Saga);
        await db.SaveChangesAsync(CancellationToken).ConfigureAwait(false);
    }

    public async Task Update(SagaConsumeContext<TSaga> context)
    {
        if (context.Saga is ISagaVersion versioned)
            versioned.Version++;
        await db.SaveChangesAsync(CancellationToken).ConfigureAwait(false);
    }

    public async Task Delete(SagaConsumeContext<TSaga> context)
    {
        db.Set<TSaga>().Remove(context.Saga);
        await db.SaveChangesAsync(CancellationToken).ConfigureAwait(false);
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
        (await db.Set<TSaga>().AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == correlationId, CancellationToken).ConfigureAwait(false))!;

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var instances = await db.Set<TSaga>().AsNoTracking().Where(query.FilterExpression).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new LoadedSagaRepositoryQueryContext<TSaga>(this, instances);
    }
}
