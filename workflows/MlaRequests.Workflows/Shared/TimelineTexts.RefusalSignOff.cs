using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The refusal's two steps on the receiving node: proposed by one person, signed off or sent back by a supervisor.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>Refusal proposed (awaiting a supervisor's sign-off)</c></summary>
    public static TextTemplate RefusalProposed => RefusalSignOff.Proposed;
    /// <summary><c>Refusal sent back by the supervisor</c></summary>
    public static TextTemplate RefusalReturned => RefusalSignOff.Returned;
    /// <summary><c>Signed off; proposed by {proposer}. Grounds: {grounds}. {reasons}</c></summary>
    public static TextTemplate RefusalSignedOffDetails => RefusalSignOff.SignedOffDetails;

    // Static fields of the parts of a partial class initialise in an unspecified order, and All (in another part) reads
    // these: a nested class initialises on first use, so they are there whenever All is built.
    static class RefusalSignOff
    {
        internal static readonly TextTemplate Proposed = T("RefusalProposed", "Refusal proposed (awaiting a supervisor's sign-off)");
        internal static readonly TextTemplate Returned = T("RefusalReturned", "Refusal sent back by the supervisor");
        internal static readonly TextTemplate SignedOffDetails = T("Refused.SignedOff", "Signed off; proposed by {proposer}. Grounds: {grounds}. {reasons}");
    }
}
