using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MlaRequests.Engine.Persistence;

/// <summary>
/// Puts every connection into write-ahead logging with <c>synchronous=FULL</c>: a commit is on disk
/// (WAL fsynced) before SaveChanges returns, so a kill -9 or power loss after an ack loses nothing.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    /// <summary>The shared instance (the interceptor holds no state).</summary>
    public static SqliteDurability Instance { get; } = new();

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Options helpers for a durable SQLite database.</summary>
public static class SqliteDurabilityExtensions
{
    /// <summary>Uses SQLite at <paramref name="databasePath"/> with WAL, <c>synchronous=FULL</c> and foreign keys on every connection.</summary>
    public static DbContextOptionsBuilder UseDurableSqlite(this DbContextOptionsBuilder builder, string databasePath,
        Action<Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder>? sqlite = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return builder
            .UseSqlite($"Data Source={databasePath};Pooling=True", sqlite)
            .AddInterceptors(SqliteDurability.Instance);
    }
}
