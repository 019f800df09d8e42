using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Workflows.Content;
using MlaRequests.Workflows.Data;
using MlaRequests.Domain.Deadlines;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary>The legal-basis and required-content review of a request on this node's data (<see cref="LegalBasisRules"/>): submit's 400 and its warnings, and the request page's.</summary>
public static class SubmitReview
{
    /// <summary>The review of the request a step works on, on the step's date in this node's country.</summary>
    public static ContentEvaluation Of(RequestStepContext step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Of(step.Request.Content, step.Services.NodeCode, step.At);
    }

    /// <summary>The review of <paramref name="content"/> made by <paramref name="node"/> at <paramref name="at"/>.</summary>
    public static ContentEvaluation Of(RequestContent content, string node, Instant at) =>
        LegalBasisRules.Review(content, ContentData.RequiredContent, ContentData.Instruments, node, NodeTime.Today(node, at));

    /// <summary>
    /// Every warning on <paramref name="content"/> at <paramref name="at"/>: the review's (details asked for only where possible, unverified legal-basis
    /// entries) and the requesting state's desired date earlier than what the deadline policies give a requested country
    /// (<see cref="DesiredDateRules"/>, counted as if the request were transmitted at <paramref name="at"/>). Submit, approve, the request page and the
    /// draft's POST and PUT answer these; none blocks.
    /// </summary>
    public static IReadOnlyList<ContentWarning> Warnings(RequestContent content, string node, Instant at) =>
        [.. Of(content, node, at).Warnings, .. DesiredDateRules.Warnings(content, Calculator, at, NodeTime.Today(node, at))];

    /// <summary>The warnings of the request a step works on (<see cref="Warnings(RequestContent, string, Instant)"/>).</summary>
    public static IReadOnlyList<ContentWarning> Warnings(RequestStepContext step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Warnings(step.Request.Content, step.Services.NodeCode, step.At);
    }

    static readonly DeadlineCalculator Calculator = new(WorkflowData.Calendars, WorkflowData.DeadlinePolicies);

    /// <summary>
    /// Everything submit refuses <paramref name="content"/> for, by field: the legal basis and required content of each
    /// country, the JIT agreement (for a JIT proposal) and the languages the requested states accept. The request page lists
    /// the same before the prosecutor submits.
    /// </summary>
    public static Dictionary<string, string[]> Missing(RequestContent content, string node, Instant at) =>
        LanguageChecks.WithLanguages(JitAgreementChecks.WithMissing(Of(content, node, at).Missing, content, node), content);

    /// <summary>The basis the internal review's clock runs on: the request-level one, else the first country's own.</summary>
    public static LegalBasis ReviewBasis(RequestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.LegalBasis ?? content.Targets.Select(content.BasisFor).FirstOrDefault(b => b is not null) ?? LegalBasis.Reciprocity;
    }
}
