namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// A refusal leaves the node only with a second person's sign-off (four eyes; a design choice that the issue asks for,
/// in the spirit of UNTOC Art. 18(23): reasons are given, so someone other than their author checks them).
/// </summary>
public static class RefusalSignOffRules
{
    /// <summary>Why <paramref name="signer"/> may not sign off the refusal <paramref name="proposedBy"/> proposed, or null when they may.</summary>
    /// <param name="proposedBy">Who proposed the refusal (null when the proposer is not known: nobody is excluded).</param>
    /// <param name="signer">Who wants to sign it off.</param>
    public static string? Problem(string? proposedBy, string signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return proposedBy is not null && string.Equals(proposedBy, signer, StringComparison.OrdinalIgnoreCase)
            ? ProblemTexts.OwnRefusal.Format()
            : null;
    }
}
