using System.Collections.Concurrent;

namespace MlaRequests.Engine.Persistence;

/// <summary>
/// SQLite allows one writer at a time. Rather than letting concurrent transactions collide on the
/// database lock (Microsoft.Data.Sqlite then sleeps and retries), every write transaction in this
/// process takes this asynchronous gate first: writers queue in memory and commit back to back.
/// One gate per database file, shared by every host in the process that opens that file.
/// </summary>
public sealed class SqliteWriteGate
{
    static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);
    readonly SemaphoreSlim _semaphore = new(1, 1);

    SqliteWriteGate()
    {
    }

    /// <summary>The gate for the database file at <paramref name="databasePath"/>.</summary>
    public static SqliteWriteGate For(string databasePath) =>
        Gates.GetOrAdd(Path.GetFullPath(databasePath), _ => new SqliteWriteGate());

    /// <summary>Waits for the gate; dispose the result to release it.</summary>
    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_semaphore);
    }

    /// <summary>Releases the gate when disposed.</summary>
    public readonly struct Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => semaphore.Release();
    }
}
