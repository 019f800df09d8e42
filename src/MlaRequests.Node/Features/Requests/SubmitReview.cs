using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Workflows.Content;
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
