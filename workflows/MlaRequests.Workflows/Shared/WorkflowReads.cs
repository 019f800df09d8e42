using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace MlaRequests.Workflows.Shared;

/// <summary>Finds the <see cref="IWorkflowReads"/> port of the message being consumed.</summary>
public static class WorkflowReads
{
    /// <summary>
    /// The port: a payload of the context when there is one (a test's fake), else the consume scope's service
    /// (the node's, over the same database as the unit of work).
    /// </summary>
    public static IWorkflowReads Reads(this PipeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TryGetPayload(out IWorkflowReads? reads))
            return reads;
        if (context.TryGetPayload(out IServiceScope? scope))
            return scope.ServiceProvider.GetRequiredService<IWorkflowReads>();
        if (context.TryGetPayload(out IServiceProvider? provider))
            return provider.GetRequiredService<IWorkflowReads>();
        throw new InvalidOperationException("This workflow step runs without the node's reads (IWorkflowReads).");
    }
}
