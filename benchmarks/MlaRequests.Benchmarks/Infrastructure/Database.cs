using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Persistence;

namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>Reads a node's database from outside (a second SQLite connection, as any reader would) and opens it for seeding.</summary>
static class Database
{
    public static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=5000";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The node's own EF model on its database file (only while the node is stopped).</summary>
    public static NodeDbContext Open(string path)
    {
        var builder = new DbContextOptionsBuilder<NodeDbContext>();
        builder.UseDurableSqlite(path);
        return new NodeDbContext(builder.Options);
    }
}
