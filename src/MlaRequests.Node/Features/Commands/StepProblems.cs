using Microsoft.AspNetCore.Mvc;

namespace MlaRequests.Node.Features.Commands;

/// <summary>Problem details for steps.</summary>
public static class StepProblems
{
    /// <summary>409: the step is not allowed in the current status; nothing changed.</summary>
    public static ProblemDetails NotAllowed(string step, string status, IEnumerable<string> allowed) => new()
    {
        Title = "This step is not allowed now",
        Detail = $"'{step}' is not allowed while the status is {status}. Allowed now: {string.Join(", ", allowed.DefaultIfEmpty("none"))}.",
        Status = StatusCodes.Status409Conflict,
    };
}
