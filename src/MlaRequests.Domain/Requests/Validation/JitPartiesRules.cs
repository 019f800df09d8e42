namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// Who must have signed a multilateral joint investigation team agreement before it is in force (UNTOC Art. 19: the team exists by
/// agreement between the states concerned, so it is in force when every party has signed), and which relayed signatures a requested
/// node may take. Pure: the parties come from the agreement's members, the signatures from the node's table.
/// </summary>
public static class JitPartiesRules
{
    /// <summary>The parties of <paramref name="agreement"/>: every country named by a member, in the order first named.</summary>
    public static IReadOnlyList<string> Parties(JitProposal? agreement) =>
        [.. (agreement?.Members ?? []).Select(m => m.Country?.Trim().ToUpperInvariant()).OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The parties whose signature a requested node (<paramref name="self"/>) still awaits, besides its own and the requesting country's
    /// (<paramref name="requesting"/>), which its case's status holds: every other party of <paramref name="agreement"/> that has neither
    /// signed nor left in <paramref name="rows"/>. Empty: every party has signed.
    /// </summary>
    public static IReadOnlyList<string> Awaited(JitProposal? agreement, string self, string requesting, IEnumerable<JitPartySignature> rows)
    {
        var known = (rows ?? []).ToList();
        return [.. Parties(agreement).Where(p => p != self && p != requesting)
            .Where(p => !known.Any(r => r.Party == p && (r.SignedAt is not null || r.LeftAt is not null)))];
    }

    /// <summary>
    /// Why a requested node (<paramref name="self"/>, a case from <paramref name="requesting"/>) may not take a relay naming
    /// <paramref name="party"/>, or null when it may: only another party of the agreement is relayed, never this country (which signs
    /// itself), the requesting country (whose signature reaches it directly) or a country that is not a party.
    /// </summary>
    public static string? RelayProblem(JitProposal? agreement, string self, string requesting, string? party)
    {
        var parties = Parties(agreement);
        if (string.IsNullOrWhiteSpace(party))
            return "the relay names no party";
        if (party == self)
            return $"the relay names {self}, the receiving country itself";
        if (party == requesting)
            return $"the relay names {requesting}, the requesting country, whose own signature is sent directly";
        if (!parties.Contains(party))
            return $"{party} is not a party to this agreement (parties: {string.Join(", ", parties)})";
        return null;
    }
}
