using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Domain.Deadlines;

/// <summary>A computed deadline: when it is due, why, the reminders, and any doubt about the calendar data used.</summary>
/// <param name="Kind">The clock.</param>
/// <param name="Basis">The legal basis of the request.</param>
/// <param name="Urgent">True for an urgent request or child-victim priority (the urgent policy variant).</param>
/// <param name="ActingCountry">The country whose authority must act; its time zone and calendar are used.</param>
/// <param name="TimeZoneId">The acting authority's IANA time zone.</param>
/// <param name="Start">The start event's instant.</param>
/// <param name="DueAt">The instant the period ends (after it, the clock is overdue).</param>
/// <param name="Length">The rule's length.</param>
/// <param name="Counting">The rule's counting.</param>
/// <param name="MaxExtension">The rule's largest single extension, or null when none is allowed.</param>
/// <param name="Extension">The extension granted, or null while not extended.</param>
/// <param name="Reminders">The reminder instants at the policy's percentages of the interval from start to due.</param>
/// <param name="Source">The rule's legal source.</param>
/// <param name="UsesUnverifiedCalendar">True when counting used a calendar year whose data is not verified.</param>
/// <param name="Warnings">Why the result may move: unverified years and expected (not yet official) holiday dates counted.</param>
public sealed record Deadline(
    ClockKind Kind,
    LegalBasis Basis,
    bool Urgent,
    string ActingCountry,
    string TimeZoneId,
    Instant Start,
    Instant DueAt,
    Period Length,
    DayCounting Counting,
    Period? MaxExtension,
    Period? Extension,
    IReadOnlyList<DeadlineReminder> Reminders,
    string Source,
    bool UsesUnverifiedCalendar,
    IReadOnlyList<string> Warnings);
