using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>Starts a deadline clock for a workflow step; the clock workflow computes due instant and reminders from the policy and the acting country's calendar.</summary>
/// <param name="ClockId">The clock (deterministic from subject and kind).</param>
/// <param name="SubjectId">The outgoing request or incoming case it belongs to.</param>
/// <param name="BranchId">The branch, for per-country clocks.</param>
/// <param name="Kind">Which clock.</param>
/// <param name="LegalBasis">The request's legal basis (policies may differ per instrument).</param>
/// <param name="Urgent">Urgent or child-victim priority.</param>
/// <param name="ActingCountry">The country that must act: its calendar and time zone count.</param>
/// <param name="Reference">The request's reference, for reminders.</param>
/// <param name="OfficeCode">The owning office on this node, if any.</param>
/// <param name="Start">The start event's instant.</param>
/// <param name="Until">For a clock on a date someone chose (a postponement's end date): that last day; the policy's length then counts from its end.</param>
/// <param name="LastDay">For a clock on a fixed date (a JIT agreement's end date), its last day in the acting country; otherwise null and the policy's length counts.</param>
public sealed record StartClock(Guid ClockId, Guid SubjectId, Guid? BranchId, ClockKind Kind, LegalBasis LegalBasis, bool Urgent, string ActingCountry, string Reference,
    string? OfficeCode, Instant Start, LocalDate? Until = null, LocalDate? LastDay = null);
