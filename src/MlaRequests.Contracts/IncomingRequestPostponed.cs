using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority postponed execution.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Reason">Why.</param>
/// <param name="Until">Until when.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
/// <param name="Grounds">Coded postponement grounds (UNTOC Art. 18(25)); absent from a node of the previous release, which a node of that release ignores.</param>
public sealed record IncomingRequestPostponed(Guid BranchId, string Node, string Reason, LocalDate Until, string Actor, Instant At, IReadOnlyList<string>? Grounds = null);
