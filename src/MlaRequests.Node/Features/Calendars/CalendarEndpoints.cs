using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Calendars;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Calendars;
using MlaRequests.Workflows.Data;
using NodaTime;

namespace MlaRequests.Node.Features.Calendars;

/// <summary>
/// Calendar data as an operational fact (issue 15; administrators only, 403 for everyone else). <c>GET /api/calendars</c>: the
/// calendars in force per country and year, embedded or loaded. <c>PUT /api/calendars/{country}/{year}</c> with the calendar file
/// (one year) loads the year in place of the shipped one; <c>POST .../preview</c> says which running clocks would move and stores
/// nothing; <c>DELETE</c> removes a loaded year (the shipped data counts again). A change is audited with the SHA-256 before and
/// after, applied at once in this process, and moves the running clocks of that country whose due instant changes.
/// </summary>
public static class CalendarEndpoints
{
    /// <summary>The longest note accepted.</summary>
    internal const int NoteLength = 1000;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder endpoints)
    {
        var reads = endpoints.MapGroup("/api").WithTags("Calendars").RequireAuthorization();
        reads.MapGet("/calendars", ListAsync).WithName("ListCalendars").WithSummary("List the calendars in force per country and year, embedded or loaded");
        reads.MapDelete("/calendars/{country}/{year:int}", RemoveAsync).WithName("RemoveCalendarYear")
            .WithSummary("Remove a loaded calendar year: the shipped data counts again and running clocks are recomputed");
        var commands = endpoints.MapGroup("/api").WithTags("Calendars").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        commands.MapPut("/calendars/{country}/{year:int}", LoadAsync).WithName("LoadCalendarYear")
            .WithSummary("Load a new or corrected calendar year (the calendar file format with this one year)")
            .Accepts<System.Text.Json.JsonElement>("application/json");
        commands.MapPost("/calendars/{country}/{year:int}/preview", PreviewAsync).WithName("PreviewCalendarYear")
            .WithSummary("Check a calendar year and list the running clocks it would move, storing nothing")
            .Accepts<System.Text.Json.JsonElement>("application/json");
        return endpoints;
    }

    static async Task<Results<Ok<List<CalendarView>>, ForbidHttpResult>> ListAsync(ClaimsPrincipal user, NodeDbContext db, CalendarSource source, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator))
            return TypedResults.Forbid();
        return TypedResults.Ok(CalendarAdministration.Views(source.Current, await CalendarAdministration.RowsAsync(db, ct)));
    }

    static async Task<Results<Ok<CalendarChange>, ForbidHttpResult, ValidationProblem>> PreviewAsync(string country, int year, string? note, HttpRequest request,
        ClaimsPrincipal user, NodeDbContext db, CalendarSource source, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator))
            return TypedResults.Forbid();
        var (check, json) = await CheckAsync(request, country, year, note, ct);
        if (!check.IsValid)
            return Invalid(check);
        return TypedResults.Ok(await DryRunAsync(db, source, country, year, json, user.UserName(), note, ct));
    }

    /// <summary>What loading <paramref name="json"/> (checked) would do, storing nothing.</summary>
    internal static async Task<CalendarChange> DryRunAsync(NodeDbContext db, CalendarSource source, string country, int year, string json, string actor, string? note,
        CancellationToken ct)
    {
        var rows = await CalendarAdministration.RowsAsync(db, ct);
        var loaded = rows.FirstOrDefault(r => r.Country == country && r.Year == year);
        var after = CalendarAdministration.BookOf(rows.Where(r => r != loaded).Append(Row(country, year, json, actor, Instant.MinValue, note)));
        var moves = await CalendarAdministration.MovesAsync(db, country, source.Current, after, ct);
        return new CalendarChange(country, year, false, CalendarAdministration.InForceHash(loaded, country), CalendarAdministration.Sha256(json),
            [.. moves.Select(m => CalendarAdministration.View(m.Clock, m.Plan))]);
    }

    static async Task<Results<Ok<CalendarChange>, ForbidHttpResult, ValidationProblem>> LoadAsync(string country, int year, string? note, HttpRequest request,
        ClaimsPrincipal user, CommandContext commands, CalendarSource source, IClock clock, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator))
            return TypedResults.Forbid();
        var (check, json) = await CheckAsync(request, country, year, note, ct);
        if (!check.IsValid)
            return Invalid(check);
        return TypedResults.Ok(await ApplyLoadAsync(commands, source, request.HttpContext.RequestServices, country, year, json, check.Year!, user.UserName(), note,
            clock.GetCurrentInstant(), ct));
    }

    /// <summary>Stores the checked year <paramref name="json"/> in place of the one in force and moves the running clocks it changes.</summary>
    internal static Task<CalendarChange> ApplyLoadAsync(CommandContext commands, CalendarSource source, IServiceProvider services, string country, int year, string json,
        CalendarYear checkedYear, string actor, string? note, Instant now, CancellationToken ct)
    {
        var row = Row(country, year, json, actor, now, note);
        var why = string.IsNullOrWhiteSpace(note) ? checkedYear.Source : note.Trim();
        return ChangeAsync(commands, source, services, async (db, rows) =>
        {
            var loaded = rows.FirstOrDefault(r => r.Country == country && r.Year == year);
            var before = CalendarAdministration.InForceHash(loaded, country);
            if (loaded is not null)
                db.Remove(await db.Set<LoadedCalendarRow>().SingleAsync(r => r.Country == country && r.Year == year, ct));
            db.Add(row);
            commands.Describe($"load calendar {country} {year}: sha256 {before} -> {row.Sha256}");
            return (rows.Where(r => r != loaded).Append(row), before, row.Sha256);
        }, new Move(country, year, actor, why, now), ct);
    }

    static async Task<Results<Ok<CalendarChange>, ForbidHttpResult, NotFound, ValidationProblem>> RemoveAsync(string country, int year, string? note,
        ClaimsPrincipal user, HttpContext http, NodeDbContext db, CommandContext commands, CalendarSource source, IClock clock, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator))
            return TypedResults.Forbid();
        if (note is { Length: > NoteLength })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"At most {NoteLength} characters."] });
        if (!await db.Set<LoadedCalendarRow>().AnyAsync(r => r.Country == country && r.Year == year, ct))
            return TypedResults.NotFound();
        return TypedResults.Ok(await ApplyRemoveAsync(commands, source, http.RequestServices, country, year, user.UserName(), note, clock.GetCurrentInstant(), ct));
    }

    /// <summary>Removes the loaded year (which must exist): the shipped data counts again and the running clocks it changes move.</summary>
    internal static Task<CalendarChange> ApplyRemoveAsync(CommandContext commands, CalendarSource source, IServiceProvider services, string country, int year, string actor,
        string? note, Instant now, CancellationToken ct)
    {
        var why = string.IsNullOrWhiteSpace(note) ? "the loaded year was removed; the shipped data counts again" : note.Trim();
        return ChangeAsync(commands, source, services, async (context, rows) =>
        {
            var loaded = rows.Single(r => r.Country == country && r.Year == year);
            context.Remove(await context.Set<LoadedCalendarRow>().SingleAsync(r => r.Country == country && r.Year == year, ct));
            var after = CalendarAdministration.InForceHash(null, country);
            commands.Describe($"remove calendar {country} {year}: sha256 {loaded.Sha256} -> {after}");
            return (rows.Where(r => r != loaded), loaded.Sha256, after);
        }, new Move(country, year, actor, why, now), ct);
    }

    /// <summary>
    /// Stores the change, puts the new calendars in force and publishes a move for every running clock whose due instant changes, in one
    /// transaction with the audit row. The new calendars are in force before the commit, so no clock is planned with the old ones after
    /// the list of moves was made; if the commit fails the table is read again.
    /// </summary>
    static async Task<CalendarChange> ChangeAsync(CommandContext commands, CalendarSource source, IServiceProvider services,
        Func<NodeDbContext, List<LoadedCalendarRow>, Task<(IEnumerable<LoadedCalendarRow> Rows, string Before, string After)>> change, Move move,
        CancellationToken ct)
    {
        CalendarChange? result = null;
        var committed = false;
        try
        {
            await commands.CommitAsync(async db =>
            {
                var rows = await CalendarAdministration.RowsAsync(db, ct);
                var (after, hashBefore, hashAfter) = await change(db, rows);
                var before = source.Current;
                CalendarAdministration.Use(source, after.ToList());
                var moves = await CalendarAdministration.MovesAsync(db, move.Country, before, source.Current, ct);
                foreach (var (clock, plan) in moves)
                    commands.Publish(CalendarAdministration.Move(clock, plan, move.Country, move.Year, move.Actor, move.Note, move.At));
                result = new CalendarChange(move.Country, move.Year, true, hashBefore, hashAfter, [.. moves.Select(m => CalendarAdministration.View(m.Clock, m.Plan))]);
            }, StatusCodes.Status200OK, () => result, $"/api/calendars/{move.Country}/{move.Year}", ct);
            committed = true;
        }
        finally
        {
            if (!committed)
                await CalendarAdministration.ReloadAsync(services, CancellationToken.None);
        }
        return result!;
    }

    sealed record Move(string Country, int Year, string Actor, string Note, Instant At);

    static async Task<(CalendarYearCheck Check, string Json)> CheckAsync(HttpRequest request, string country, int year, string? note, CancellationToken ct)
    {
        if (note is { Length: > NoteLength })
            return (new CalendarYearCheck([new("note", $"At most {NoteLength} characters.")], null), string.Empty);
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[CalendarYearRules.MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > CalendarYearRules.MaxBytes)
            return (new CalendarYearCheck([new("$", $"The file is larger than {CalendarYearRules.MaxBytes / 1024} KiB.")], null), string.Empty);
        var json = new string(buffer, 0, read);
        return (Check(json, country, year), json);
    }

    /// <summary>Checks <paramref name="json"/> as <paramref name="country"/>'s <paramref name="year"/> against the shipped calendars.</summary>
    internal static CalendarYearCheck Check(string json, string country, int year) => CalendarYearRules.Check(json, country, year, WorkflowData.Calendars);

    static ValidationProblem Invalid(CalendarYearCheck check) =>
        TypedResults.ValidationProblem(check.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: $"The calendar year was not loaded: {check.Errors.Count} problem(s).");

    static LoadedCalendarRow Row(string country, int year, string json, string actor, Instant at, string? note) => new()
    {
        Country = country, Year = year, Json = json, Sha256 = CalendarAdministration.Sha256(json), LoadedBy = actor, LoadedAt = at,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
    };
}
