namespace MlaRequests.Node.Pages;

/// <summary>What the step-forms partial draws: one compact form per step the user may take now.</summary>
/// <param name="Subject">request, branch or incoming.</param>
/// <param name="Id">The request or case.</param>
/// <param name="Country">The branch's country.</param>
/// <param name="Routes">The allowed steps (from the workflow and the user's role).</param>
/// <param name="ReturnUrl">The page to come back to.</param>
public sealed record StepFormsView(string Subject, Guid Id, string? Country, IReadOnlyList<string> Routes, string ReturnUrl);
