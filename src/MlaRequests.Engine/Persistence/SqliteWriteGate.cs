using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MlaRequests.Engine.Persistence;

/// <summary>
/// SQLite allows one writer at a time. Rather than letting concurrent transactions collide on the
/// database lock (Microsoft.Data.Sqlite then sleeps and retries), every write transaction in this
/// process takes this asynchronous gate first: writers queue in memory and commit back to back.
/// One gate per database file, shared by every host in the process that opens that file.
/// <para>
/// Consumed messages go through <see cref="RunInGroupAsync"/> instead: units of work that queue behind
/// each other share one transaction (group commit), each under its own savepoint, so a unit that fails
/// is rolled back alone. The transaction commits when no unit is waiting any more (or the group is
/// full), one fsync for the whole group, and only then does each unit return, so its message is acked
/// after its commit and never before.
/// </para>
/// </summary>
public sealed class SqliteWriteGate
{
    const int MaxGroupSize = 64;
    const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
    static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);
    readonly SemaphoreSlim _semaphore = new(1, 1);
    int _waitingUnits;
    Group? _group;

    SqliteWriteGate()
    {
    }

    /// <summary>The gate for the database file at <paramref name="databasePath"/>.</summary>
    public static SqliteWriteGate For(string databasePath) =>
        Gates.GetOrAdd(Path.GetFullPath(databasePath), _ => new SqliteWriteGate());

    /// <summary>Waits for the gate (committing a group left open first); dispose the result to release it.</summary>
    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CommitGroupAsync().ConfigureAwait(false);
        }
        catch
        {
            _semaphore.Release();
            throw;
        }
        return new Releaser(_semaphore);
    }

    /// <summary>
    /// Runs <paramref name="unit"/> against <paramref name="db"/> inside the group transaction, under a savepoint.
    /// The unit returns true to keep its changes, false to drop them; an exception drops them too and is rethrown.
    /// Returns once the kept changes are committed (throws if that commit fails).
    /// </summary>
    public async Task RunInGroupAsync(DbContext db, Func<Task<bool>> unit)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        Interlocked.Increment(ref _waitingUnits);
        // No cancellation here: a counted waiter must arrive, or the group it keeps open would never commit.
        await _semaphore.WaitAsync().ConfigureAwait(false);
        Interlocked.Decrement(ref _waitingUnits);
        var committed = Task.CompletedTask;
        try
        {
            var connectionString = db.Database.GetConnectionString()!;
            var group = _group ??= await Group.BeginAsync(connectionString).ConfigureAwait(false);
            db.Database.SetDbConnection(group.Connection, contextOwnsConnection: false);
            await db.Database.UseTransactionAsync(group.Transaction).ConfigureAwait(false);
            await group.Transaction.SaveAsync(Group.Savepoint).ConfigureAwait(false);
            var keep = false;
            try
            {
                keep = await unit().ConfigureAwait(false);
            }
            finally
            {
                if (keep)
                {
                    await group.Transaction.ReleaseAsync(Group.Savepoint).ConfigureAwait(false);
                    group.Units++;
                    committed = group.Committed.Task;
                }
                else
                {
                    await group.Transaction.RollbackAsync(Group.Savepoint).ConfigureAwait(false);
                    await group.Transaction.ReleaseAsync(Group.Savepoint).ConfigureAwait(false);
                }
                await db.Database.UseTransactionAsync(null).ConfigureAwait(false);
                // Back to its own connection: a pooled context must not keep the group's, which is disposed at commit.
                db.Database.SetDbConnection(null, contextOwnsConnection: true);
                db.Database.SetConnectionString(connectionString);
            }
        }
        finally
        {
            try
            {
                if (Volatile.Read(ref _waitingUnits) == 0 || _group?.Units >= MaxGroupSize)
                    await CommitGroupAsync().ConfigureAwait(false);
            }
            finally
            {
                _semaphore.Release();
            }
        }
        await committed.ConfigureAwait(false);
    }

    /// <summary>Commits the open group, if any, and completes its units (with the error if the commit fails). Called under the gate.</summary>
    async Task CommitGroupAsync()
    {
        if (_group is not { } group)
            return;
        _group = null;
        try
        {
            await group.Transaction.CommitAsync().ConfigureAwait(false);
            group.Committed.SetResult();
        }
        catch (Exception exception)
        {
            group.Committed.SetException(exception);
        }
        finally
        {
            await group.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Releases the gate when disposed.</summary>
    public readonly struct Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => semaphore.Release();
    }

    /// <summary>One group transaction on its own (pooled) connection.</summary>
    sealed class Group(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public const string Savepoint = "unit";

        public SqliteConnection Connection { get; } = connection;
        public SqliteTransaction Transaction { get; } = transaction;
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Units { get; set; }

        public static async Task<Group> BeginAsync(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = Pragmas;
                await pragmas.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
            return new Group(connection, transaction);
        }

        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
