namespace MlaRequests.Node.Features.Commands;

/// <summary>The answer to a workflow step: accepted, and applied by the workflow right after.</summary>
/// <param name="Id">The request or case.</param>
/// <param name="Step">The step.</param>
/// <param name="FromStatus">The status the step was accepted in.</param>
public sealed record StepResult(Guid Id, string Step, string FromStatus);
