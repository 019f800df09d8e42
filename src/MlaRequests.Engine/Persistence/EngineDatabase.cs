using Microsoft.EntityFrameworkCore;

namespace MlaRequests.Engine.Persistence;

/// <summary>
/// What the engine needs to know about the node's database: the EF Core context type it writes
/// through and the file it lives in (for the write gate).
/// </summary>
/// <param name="DbContextType">The application's <see cref="DbContext"/> type, registered as scoped.</param>
/// <param name="DatabasePath">The SQLite file.</param>
public sealed record EngineDatabase(Type DbContextType, string DatabasePath)
{
    /// <summary>The write gate of this database.</summary>
    public SqliteWriteGate Gate { get; } = SqliteWriteGate.For(DatabasePath);
}
