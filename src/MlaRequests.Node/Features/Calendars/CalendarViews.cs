using NodaTime;

namespace MlaRequests.Node.Features.Calendars;

/// <summary>One year of a country's calendar in force, and where it comes from.</summary>
/// <param name="Year">The year.</param>
/// <param name="Origin"><c>embedded</c> (shipped with the release) or <c>loaded</c> (by an administrator on this node).</param>
/// <param name="Verified">False when the year is an expectation (flagged on every deadline that uses it).</param>
/// <param name="Source">The year's source as the data states it.</param>
/// <param name="Sha256">For a loaded year, the SHA-256 of the file as loaded.</param>
/// <param name="LoadedBy">Who loaded it.</param>
/// <param name="LoadedAt">When.</param>
/// <param name="Note">The administrator's note.</param>
public sealed record CalendarYearView(int Year, string Origin, bool Verified, string Source, string? Sha256, string? LoadedBy, Instant? LoadedAt, string? Note);

/// <summary>A country's calendar in force.</summary>
/// <param name="Country">The country code.</param>
/// <param name="TimeZone">The zone its authorities count days in.</param>
/// <param name="LastCoveredDay">The last day the data covers; deadlines after it count without the country's holidays.</param>
/// <param name="Years">The years in force, ascending.</param>
public sealed record CalendarView(string Country, string TimeZone, LocalDate LastCoveredDay, IReadOnlyList<CalendarYearView> Years);

/// <summary>A running clock whose due instant a calendar change moves.</summary>
/// <param name="ClockId">The clock.</param>
/// <param name="SubjectId">The request or incoming case it belongs to.</param>
/// <param name="Reference">The request's reference.</param>
/// <param name="Kind">Which clock.</param>
/// <param name="State">Running or Suspended.</param>
/// <param name="Was">The due instant now.</param>
/// <param name="DueAt">The due instant after the change.</param>
/// <param name="By">How far it moves (negative: earlier).</param>
public sealed record ClockMoveView(Guid ClockId, Guid SubjectId, string Reference, string Kind, string State, Instant Was, Instant DueAt, Duration By);

/// <summary>What a load or removal of a calendar year does (or, for a preview, would do).</summary>
/// <param name="Country">The country.</param>
/// <param name="Year">The year.</param>
/// <param name="Applied">False for a preview: nothing was stored.</param>
/// <param name="Sha256Before">The SHA-256 of the data in force before (<c>embedded:</c> and the shipped file's hash when the shipped year was in force).</param>
/// <param name="Sha256After">The SHA-256 in force after, in the same form.</param>
/// <param name="Moves">The running clocks whose due instant moves, with their timeline entries once applied.</param>
public sealed record CalendarChange(string Country, int Year, bool Applied, string Sha256Before, string Sha256After, IReadOnlyList<ClockMoveView> Moves);
