using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Calendars;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Calendars;
using MlaRequests.Workflows.Data;
using MlaRequests.Workflows.Deadlines;
using NodaTime;

namespace MlaRequests.Node.Features.Calendars;

/// <summary>
/// Reads and changes the calendar years loaded on this node (issue 15): the calendars in force are the shipped ones with the
/// loaded years in their place (<see cref="CalendarSource"/>); a change recomputes the running clocks of that country.
/// </summary>
public static class CalendarAdministration
{
    /// <summary>The loaded years, as the calendar source takes them.</summary>
    public static async Task<List<LoadedCalendarRow>> RowsAsync(NodeDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<LoadedCalendarRow>().AsNoTracking().OrderBy(r => r.Country).ThenBy(r => r.Year).ToListAsync(ct);
    }

    /// <summary>Puts the loaded years in force (at start-up and after a change); returns those that no longer pass the rules.</summary>
    public static IReadOnlyList<LoadedCalendarYear> Use(CalendarSource source, IEnumerable<LoadedCalendarRow> rows)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Use(Years(rows));
    }

    /// <summary>Reads the table and puts it in force (start-up, and after a change that did not commit).</summary>
    public static async Task<IReadOnlyList<LoadedCalendarYear>> ReloadAsync(IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
        return Use(scope.ServiceProvider.GetRequiredService<CalendarSource>(), await RowsAsync(db, ct));
    }

    /// <summary>The calendars in force per country with where each year comes from.</summary>
    public static List<CalendarView> Views(CalendarBook inForce, IReadOnlyList<LoadedCalendarRow> rows)
    {
        ArgumentNullException.ThrowIfNull(inForce);
        ArgumentNullException.ThrowIfNull(rows);
        return inForce.Countries.Select(country =>
        {
            var calendar = inForce.For(country);
            var years = calendar.CoveredYears.Select(y =>
            {
                var data = calendar.Year(y);
                var row = rows.FirstOrDefault(r => r.Country == country && r.Year == y);
                return row is null
                    ? new CalendarYearView(y, "embedded", data.Verified, data.Source, null, null, null, null)
                    : new CalendarYearView(y, "loaded", data.Verified, data.Source, row.Sha256, row.LoadedBy, row.LoadedAt, row.Note);
            }).ToList();
            return new CalendarView(country, calendar.Zone.Id, CalendarCoverage.LastCoveredDay(calendar), years);
        }).ToList();
    }

    /// <summary>The calendars in force if <paramref name="rows"/> were the loaded years.</summary>
    public static CalendarBook BookOf(IEnumerable<LoadedCalendarRow> rows) => CalendarSource.Layer(Years(rows)).Book;

    /// <summary>The running clocks of <paramref name="country"/> whose due instant moves from <paramref name="before"/> to <paramref name="after"/>, with the new plans.</summary>
    public static async Task<List<(DeadlineClockState Clock, ClockPlan Plan)>> MovesAsync(NodeDbContext db, string country, CalendarBook before, CalendarBook after,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var running = new[] { nameof(DeadlineClockStateMachine.Running), nameof(DeadlineClockStateMachine.Suspended) };
        var clocks = await db.Clocks.AsNoTracking().Where(c => c.ActingCountry == country && running.Contains(c.CurrentState)).ToListAsync(ct);
        var was = new PolicyClockPlanner(new DeadlineCalculator(before, WorkflowData.DeadlinePolicies));
        var now = new PolicyClockPlanner(new DeadlineCalculator(after, WorkflowData.DeadlinePolicies));
        return [.. clocks.Select(c => (Clock: c, Plan: ClockRecalculation.Recompute(c, was, now)))
            .Where(m => m.Plan is not null).Select(m => (m.Clock, m.Plan!)).OrderBy(m => m.Item2.DueAt)];
    }

    /// <summary>The API's view of a move.</summary>
    public static ClockMoveView View(DeadlineClockState clock, ClockPlan plan)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(plan);
        return new ClockMoveView(clock.CorrelationId, clock.SubjectId, clock.Reference, clock.Kind.ToString(), clock.CurrentState, clock.DueAt, plan.DueAt,
            plan.DueAt - clock.DueAt);
    }

    /// <summary>The command that moves <paramref name="clock"/>.</summary>
    public static MoveClockForCalendar Move(DeadlineClockState clock, ClockPlan plan, string country, int year, string actor, string note, Instant at)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(plan);
        return new(clock.CorrelationId, clock.DueAt, plan.DueAt, plan.Reminder50At, plan.Reminder80At, plan.CalendarVerified, country, year, actor, note, at);
    }

    /// <summary>SHA-256 of <paramref name="text"/> (UTF-8), lower-case hex.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The hash of what is in force for a year of <paramref name="country"/>: the loaded file's, or <c>embedded:</c> and the shipped file's.</summary>
    public static string InForceHash(LoadedCalendarRow? loaded, string country) =>
        loaded?.Sha256 ?? "embedded:" + Sha256(WorkflowData.RawText($"{WorkflowData.CalendarPrefix}{country}.json"));

    static IEnumerable<LoadedCalendarYear> Years(IEnumerable<LoadedCalendarRow> rows) =>
        rows.Select(r => new LoadedCalendarYear(r.Country, r.Year, r.Json));
}
