using Microsoft.AspNetCore.Mvc;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Commands;

/// <summary>Problem details for steps.</summary>
public static class StepProblems
{
    /// <summary>409: the step is not allowed in the current status; nothing changed.</summary>
    public static ProblemDetails NotAllowed(string step, string status, IEnumerable<string> allowed) => new()
    {
        Title = ProblemTexts.NotAllowedTitle.Format(),
        Detail = ProblemTexts.NotAllowed.Format(step, status, string.Join(", ", allowed.DefaultIfEmpty("none"))),
        Status = StatusCodes.Status409Conflict,
    };
}
