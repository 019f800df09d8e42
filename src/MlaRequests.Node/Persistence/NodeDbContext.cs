using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Engine.Persistence;
using MlaRequests.Workflows.OutgoingRequests;

namespace MlaRequests.Node.Persistence;

/// <summary>The node's database: request content, workflow instances, and the engine's inbox and outbox.</summary>
public sealed class NodeDbContext(DbContextOptions<NodeDbContext> options) : DbContext(options)
{
    /// <summary>Requests this office sends.</summary>
    public DbSet<MlaRequest> Requests => Set<MlaRequest>();

    /// <summary>Notes on requests.</summary>
    public DbSet<RequestNote> Notes => Set<RequestNote>();

    /// <summary>Outgoing-request workflow instances.</summary>
    public DbSet<OutgoingRequestState> OutgoingRequestWorkflows => Set<OutgoingRequestState>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseNodaTime();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyEngineModel();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OutgoingRequestStateMap).Assembly);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NodeDbContext).Assembly);
    }
}
