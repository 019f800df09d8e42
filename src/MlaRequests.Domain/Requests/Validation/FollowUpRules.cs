namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// When a prosecutor may start a request that follows an earlier one to the same country, and what it starts with. A supplementary
/// request (new measures or persons in the same case) goes to a country whose branch was opened and not withdrawn; a new request
/// after a refusal starts only from a refused branch. Both start as drafts of their own, approved like any request.
/// </summary>
public static class FollowUpRules
{
    /// <summary>Why <paramref name="kind"/> may not follow a branch that is <paramref name="status"/> (refused, withdrawn), or null when it may.</summary>
    public static string? NotAllowed(FollowUpKind kind, string status, bool refused, bool withdrawn) => kind switch
    {
        FollowUpKind.AfterRefusal when !refused => ProblemTexts.AfterRefusalOnly.Format(status),
        FollowUpKind.Supplementary when withdrawn => ProblemTexts.SupplementaryWithdrawn.Format(),
        _ => null,
    };

    /// <summary>
    /// The problem with a client's <paramref name="sent"/> link when it creates or edits content whose stored link is
    /// <paramref name="stored"/> (null for a new draft), keyed by field: the link is the node's to set, so a client may only send it back
    /// unchanged (as it read it) or leave it out.
    /// </summary>
    public static Dictionary<string, string[]> InputProblems(FollowUp? sent, FollowUp? stored) =>
        sent is null || (stored is not null && sent.Kind == stored.Kind && sent.EarlierRequestId == stored.EarlierRequestId
            && sent.EarlierBranchId == stored.EarlierBranchId && sent.EarlierReference == stored.EarlierReference)
            ? []
            : new() { ["followsUp"] = [ProblemTexts.FollowUpSetByNode.Format()] };

    /// <summary>
    /// The draft's content: a copy of <paramref name="earlier"/> addressed to <paramref name="country"/> only, linked to it; a supplementary
    /// request starts without measures (the prosecutor adds the new ones), a new request after a refusal with everything (to be amended).
    /// </summary>
    public static RequestContent Prefill(RequestContent earlier, FollowUpKind kind, Guid earlierRequestId, string earlierReference, string country)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var content = RequestContentJson.Deserialize(RequestContentJson.Serialize(earlier));
        content.Targets = [country];
        if (kind == FollowUpKind.Supplementary)
            content.Measures = [];
        content.FollowsUp = new FollowUp
        {
            Kind = kind, EarlierRequestId = earlierRequestId, EarlierBranchId = DeterministicGuid.Branch(earlierRequestId, country), EarlierReference = earlierReference,
        };
        return content;
    }
}
