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

    /// <summary>A read-only connection kept open on a node's database, asking whether one table has a row with a given id.</summary>
    public sealed class RowWatch : IAsyncDisposable
    {
        readonly SqliteConnection _connection;
        readonly SqliteCommand _command;
        readonly SqliteParameter _id;

        RowWatch(SqliteConnection connection, string table)
        {
            _connection = connection;
            _command = connection.CreateCommand();
            _command.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE \"Id\" = $id)";
            _id = _command.Parameters.Add("$id", SqliteType.Text);
        }

        public static async Task<RowWatch> OpenAsync(string path, string table)
        {
            var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            return new RowWatch(connection, table);
        }

        /// <summary>EF Core's SQLite provider stores a Guid as upper-case text.</summary>
        public async Task<bool> ExistsAsync(Guid id)
        {
            _id.Value = id.ToString("D").ToUpperInvariant();
            return Convert.ToInt64(await _command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }

        public async ValueTask DisposeAsync()
        {
            await _command.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    /// <summary>The node's own EF model on its database file (only while the node is stopped).</summary>
    public static NodeDbContext Open(string path)
    {
        var builder = new DbContextOptionsBuilder<NodeDbContext>();
        builder.UseDurableSqlite(path);
        return new NodeDbContext(builder.Options);
    }
}
