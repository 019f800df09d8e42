using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Persistence;

namespace MlaRequests.Engine.Sagas;

/// <summary>
/// Saga repository for SQLite through MassTransit's repository-context extension point. Inside a
/// durable unit of work it joins the open transaction (state, inbox and outbox commit together);
/// alone it takes the write gate and its own transaction, and saves before committing. Concurrency is optimistic: the saga's
/// <see cref="ISagaVersion.Version"/> is a concurrency token, bumped on every update, so a lost
/// race throws <see cref="DbUpdateConcurrencyException"/> and the endpoint's retry reruns the whole
/// load/apply/save cycle.
/// </summary>
public sealed class SqliteSagaRepositoryContextFactory<TSaga>(
    DbContext db, EngineDatabase database, ISagaConsumeContextFactory<DbContext, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    /// <inheritdoc />
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(context.CancellationToken, () => next.Send(new SqliteSagaRepositoryContext<TSaga, T>(db, context, factory)));

    /// <inheritdoc />
    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(context.CancellationToken, async () =>
        {
            var instances = await db.Set<TSaga>().Where(query.FilterExpression).ToListAsync(context.CancellationToken).ConfigureAwait(false);
            var repositoryContext = new SqliteSagaRepositoryContext<TSaga, T>(db, context, factory);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances)).ConfigureAwait(false);
        });

    /// <inheritdoc />
    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class => asyncMethod(new SqliteSagaReadContext<TSaga>(db, cancellationToken));

    /// <inheritdoc />
    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class => asyncMethod(new SqliteSagaReadContext<TSaga>(db, cancellationToken));

    /// <inheritdoc />
    public void Probe(ProbeContext context) => context.Add("persistence", "sqlite");

    async Task InTransaction(CancellationToken cancellationToken, Func<Task> work)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work().ConfigureAwait(false);
            return;
        }

        using (await database.Gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await work().ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
