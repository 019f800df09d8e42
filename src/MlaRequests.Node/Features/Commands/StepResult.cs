using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Commands;

/// <summary>The answer to a workflow step: accepted, and applied by the workflow right after.</summary>
/// <param name="Id">The request or case.</param>
/// <param name="Step">The step.</param>
/// <param name="FromStatus">The status the step was accepted in.</param>
/// <param name="Warnings">What the step went through with but the liaison officer should see (submit: "where possible" details missing or
/// stated unknown, unverified legal-basis entries), each naming its field; null for steps that never warn.</param>
public sealed record StepResult(Guid Id, string Step, string FromStatus, IReadOnlyList<ContentWarning>? Warnings = null);
