namespace MlaRequests.Domain.Requests;

/// <summary>What a request asks of the other state (DOMAIN.md vocabulary).</summary>
public enum RequestKind
{
    /// <summary>Classic mutual legal assistance: the requested state carries out listed measures; only the requesting state has a case.</summary>
    ClassicMla,

    /// <summary>Each state investigates under its own law at the same time; linked cases with shared milestones.</summary>
    ParallelInvestigation,

    /// <summary>The requested state opens its own domestic case mirroring the requesting one, linked to it.</summary>
    MirrorInvestigation,

    /// <summary>A proposal to set up a joint investigation team: parties, purpose, period; each party accepts.</summary>
    JointInvestigationTeam,

    /// <summary>Information sent without a request (UNTOC Art. 18(4)); it may seed a mirror case.</summary>
    SpontaneousInformation,
}
