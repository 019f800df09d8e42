using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Requests;

/// <summary>A JIT proposal is submitted with its complete agreement (<see cref="JitAgreementRules"/>); other kinds are not affected.</summary>
public static class JitAgreementChecks
{
    /// <summary><paramref name="missing"/> plus the agreement's problems when <paramref name="content"/> proposes a JIT.</summary>
    public static Dictionary<string, string[]> WithMissing(Dictionary<string, string[]> missing, RequestContent content, string nodeCode)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Kind != RequestKind.JointInvestigationTeam)
            return missing;
        foreach (var (field, problems) in JitAgreementRules.Problems(content.Jit, nodeCode, content.Targets))
            missing.TryAdd(field, problems);
        return missing;
    }
}
