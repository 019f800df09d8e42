using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MlaRequests.Engine.Persistence;

namespace MlaRequests.Node.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting a node.</summary>
public sealed class DesignTimeNodeDbContextFactory : IDesignTimeDbContextFactory<NodeDbContext>
{
    /// <inheritdoc />
    public NodeDbContext CreateDbContext(string[] args) =>
        new(((DbContextOptionsBuilder<NodeDbContext>)new DbContextOptionsBuilder<NodeDbContext>().UseDurableSqlite("design-time.db")).Options);
}
