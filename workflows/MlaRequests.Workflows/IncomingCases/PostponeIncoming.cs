using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>Execution is postponed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reason">Why.</param>
/// <param name="Until">Until when.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
/// <param name="Grounds">Coded grounds (UNTOC Art. 18(25)); none from a client of the previous release.</param>
public sealed record PostponeIncoming(Guid CaseId, string Reason, LocalDate Until, string Actor, Instant At, IReadOnlyList<string>? Grounds = null);
