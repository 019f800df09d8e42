using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MlaRequests.Workflows.Shared;

/// <summary>The table layout every workflow instance shares: id key, version as concurrency token, indexed state name.</summary>
public static class WorkflowTables
{
    /// <summary>Maps a workflow instance type to <paramref name="table"/>.</summary>
    public static EntityTypeBuilder<T> MapWorkflowInstance<T>(this EntityTypeBuilder<T> builder, string table)
        where T : class, SagaStateMachineInstance, ISagaVersion, ITimelineSubject
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable(table);
        builder.HasKey(x => x.CorrelationId);
        builder.Property(x => x.CorrelationId).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.CurrentState).HasMaxLength(64);
        builder.HasIndex(x => x.CurrentState);
        return builder;
    }
}
