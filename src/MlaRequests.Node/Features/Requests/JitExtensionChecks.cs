using MlaRequests.Domain;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Requests;

/// <summary>A proposed extension of the JIT agreement with one requested country, checked by <see cref="JitExtensionRules"/> against that agreement's current end date.</summary>
public static class JitExtensionChecks
{
    /// <summary>The problems of <c>propose-jit-extension</c>: the date and reasons against the branch's end date (an earlier extension's, else the agreement's own).</summary>
    public static Dictionary<string, string[]> Problems(RequestStepContext x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var extended = x.Services.Db.BranchWorkflows.Where(b => b.CorrelationId == x.BranchId).Select(b => b.JitEndsOn).SingleOrDefault();
        return JitExtensionRules.Problems(x.Date, x.Text, extended ?? x.Request.Content.Jit?.EndsOn, NodeTime.Today(x.Services.NodeCode, x.At), x.Services.Limits);
    }
}
