using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>
/// One version of a joint investigation team agreement between the requesting country and one requested country (a branch; on the
/// requested node its case, which has the branch's id). Version 1 is the agreement first signed; each amendment both parties signed is
/// the next one (UNTOC Art. 19: the agreement is what the parties agree, so a change is agreed by both). A proposal that was declined or
/// lapsed keeps a row too, with the number it would have had, so the history shows it. Both nodes keep the same rows under the same ids.
/// </summary>
public sealed class JitAgreementVersion
{
    /// <summary>The version (the amendment's id, the same on both nodes; for version 1 <see cref="FirstId"/>).</summary>
    public Guid Id { get; set; }

    /// <summary>The branch (on the requested node: the case).</summary>
    public Guid BranchId { get; set; }

    /// <summary>The version number: 1 for the agreement first signed, then the number the amendment has (or would have had) once signed.</summary>
    public int Number { get; set; }

    /// <summary>The agreement as JSON (<see cref="JitProposal"/> in <see cref="RequestContentJson"/> form): members per party, leaders, purpose, arrangements, period.</summary>
    public required string Agreement { get; set; }

    /// <summary>Why the agreement was amended (null for version 1).</summary>
    public string? Reasons { get; set; }

    /// <summary>Who proposed it, with the other node when it is not this one (null for version 1: the request's content).</summary>
    public string? ProposedBy { get; set; }

    /// <summary>When it was proposed.</summary>
    public Instant? ProposedAt { get; set; }

    /// <summary>Who signed it last (the signature that put it in force), with the other node when it is not this one.</summary>
    public string? SignedBy { get; set; }

    /// <summary>When it entered into force.</summary>
    public Instant? SignedAt { get; set; }

    /// <summary>One of <see cref="JitVersionStates"/>.</summary>
    public required string State { get; set; }

    /// <summary>The agreement this version holds.</summary>
    public JitProposal Read() => System.Text.Json.JsonSerializer.Deserialize<JitProposal>(Agreement, RequestContentJson.Options) ?? new JitProposal();

    /// <summary>Writes <paramref name="jit"/> as a version's agreement.</summary>
    public static string Write(JitProposal jit) => System.Text.Json.JsonSerializer.Serialize(jit, RequestContentJson.Options);

    /// <summary>The id of version 1 of <paramref name="branchId"/>'s agreement (the same on both nodes, derived when it is first needed).</summary>
    public static Guid FirstId(Guid branchId) => DeterministicGuid.Create(branchId, "jit-version-1");
}

/// <summary>The states of a <see cref="JitAgreementVersion"/>.</summary>
public static class JitVersionStates
{
    /// <summary>Proposed by one party; the other has not signed or declined it yet.</summary>
    public const string Proposed = "Proposed";

    /// <summary>Signed by both: the agreement in force (the latest such version).</summary>
    public const string InForce = "InForce";

    /// <summary>Was in force; a later version replaced it.</summary>
    public const string Superseded = "Superseded";

    /// <summary>The other party declined it.</summary>
    public const string Declined = "Declined";

    /// <summary>It crossed another proposal, or the agreement was closed or withdrawn while it was open.</summary>
    public const string Lapsed = "Lapsed";
}
