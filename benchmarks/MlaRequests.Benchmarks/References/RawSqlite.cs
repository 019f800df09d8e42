using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MlaRequests.Benchmarks.References;

/// <summary>
/// The physical limit of a durable write here: single-row INSERT commits, one after another, on a SQLite file in WAL mode
/// with <c>synchronous=FULL</c> (the node's settings), in the same directory (same disk) as the node's database.
/// </summary>
static class RawSqlite
{
    public static async Task<double> CommitsPerSecondAsync(string directory, TimeSpan duration)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"raw-{Guid.NewGuid():N}.db");
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);";
                await setup.ExecuteNonQueryAsync();
            }
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (payload) VALUES ($p)";
            var payload = insert.Parameters.Add("$p", SqliteType.Text);
            var commits = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                payload.Value = Guid.NewGuid().ToString();
                await insert.ExecuteNonQueryAsync(); // autocommit: one transaction, one WAL fsync
                commits++;
            }
            return commits / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(directory, Path.GetFileName(path) + "*"))
                File.Delete(file);
        }
    }
}
