namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The rules of a joint investigation team agreement (UNTOC Art. 19; DOMAIN.md "Joint investigation team"): a written
/// agreement for a fixed purpose and period between the parties, which are the requesting state and every requested state.
/// It names, for each party, its leader and members (name, function, authority), and the operational arrangements.
/// <see cref="ShapeProblems"/> hold for a draft too; <see cref="Problems"/> are the complete agreement the liaison officer approves.
/// </summary>
public static class JitAgreementRules
{
    /// <summary>Problems with a draft agreement's members (a member's country must be a party; one leader per party at most), keyed by field.</summary>
    public static Dictionary<string, string[]> ShapeProblems(JitProposal? jit, string requestingCountry, IReadOnlyList<string>? targets)
    {
        var problems = new Dictionary<string, string[]>();
        if (jit?.Members is not { } members)
            return problems;
        var parties = Parties(requestingCountry, targets);
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is { Country: { } country } && !parties.Contains(country))
                problems[$"jit.members[{i}].country"] = [JitAgreementTexts.NotAParty.Format(country, string.Join(", ", parties))];
        }
        foreach (var party in parties.Where(p => members.Count(m => m is { Leader: true } && m.Country == p) > 1))
            problems["jit.members"] = [JitAgreementTexts.LeaderTwice.Format(party)];
        return problems;
    }

    /// <summary>
    /// Problems with the agreement a JIT proposal must carry when it is submitted: purpose, period (ending after it starts),
    /// arrangements, and for each party its leader, every member with name, function and authority; keyed by field.
    /// </summary>
    public static Dictionary<string, string[]> Problems(JitProposal? jit, string requestingCountry, IReadOnlyList<string>? targets)
    {
        jit ??= new JitProposal();
        var problems = ShapeProblems(jit, requestingCountry, targets);
        Require(problems, "jit.purpose", jit.Purpose);
        Require(problems, "jit.arrangements", jit.Arrangements);
        if (jit.StartsOn is null)
            problems["jit.startsOn"] = [ProblemTexts.Required.Format("jit.startsOn")];
        if (jit.EndsOn is null)
            problems["jit.endsOn"] = [ProblemTexts.Required.Format("jit.endsOn")];
        else if (jit.StartsOn is { } start && jit.EndsOn < start)
            problems["jit.endsOn"] = [ProblemTexts.JitPeriod.Format()];
        var members = jit.Members ?? [];
        if (members.Count == 0)
            problems["jit.members"] = [ProblemTexts.Required.Format("jit.members")];
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            Require(problems, $"jit.members[{i}].country", member?.Country);
            Require(problems, $"jit.members[{i}].name", member?.Name);
            Require(problems, $"jit.members[{i}].function", member?.Function);
            Require(problems, $"jit.members[{i}].authority", member?.Authority);
        }
        if (members.Count > 0 && !problems.ContainsKey("jit.members"))
        {
            var leaderless = Parties(requestingCountry, targets).FirstOrDefault(p => !members.Any(m => m is { Leader: true } && m.Country == p));
            if (leaderless is not null)
                problems["jit.members"] = [JitAgreementTexts.LeaderMissing.Format(leaderless)];
        }
        return problems;
    }

    /// <summary>The parties of the agreement: the requesting country first, then each requested country.</summary>
    public static IReadOnlyList<string> Parties(string requestingCountry, IReadOnlyList<string>? targets) =>
        [requestingCountry, .. (targets ?? []).Where(t => t is not null && t != requestingCountry).Distinct()];

    static void Require(Dictionary<string, string[]> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            problems[field] = [ProblemTexts.Required.Format(field)];
    }
}
