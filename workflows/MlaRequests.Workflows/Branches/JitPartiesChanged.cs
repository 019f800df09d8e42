using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// Node-internal: a branch of a multilateral JIT agreement entered into force because every party has signed; the request's other
/// branches waiting for the other parties (<c>AgreementAwaitingParties</c>) enter into force with it.
/// </summary>
/// <param name="RequestId">The request (every branch of it receives this).</param>
/// <param name="BranchId">The branch that completed the signatures.</param>
/// <param name="At">When.</param>
public sealed record JitPartiesChanged(Guid RequestId, Guid BranchId, Instant At);
