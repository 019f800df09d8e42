using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Calendars;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Calendars;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Calendars;
using NodaTime;

namespace MlaRequests.Node.Pages.Calendars;

/// <summary>
/// The calendars in force (administrators, issue 15): each country's years with where they come from; a form to paste or upload a
/// calendar year, check it and preview the running clocks it moves, then load it; a loaded year can be removed.
/// </summary>
[Authorize(Policy = UiHosting.Policy, Roles = Roles.Administrator)]
public sealed class IndexModel(NodeDbContext db, CalendarSource source, CommandContext commands, IClock clock) : PageModel
{
    /// <summary>The calendars in force.</summary>
    public IReadOnlyList<CalendarView> Calendars { get; private set; } = [];

    /// <summary>The country of the year to load.</summary>
    [BindProperty]
    public string Country { get; set; } = "KZ";

    /// <summary>The year to load.</summary>
    [BindProperty]
    public int Year { get; set; } = 2027;

    /// <summary>The administrator's note (why, or where the corrected data comes from).</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The pasted file.</summary>
    [BindProperty]
    public string? Json { get; set; }

    /// <summary>An uploaded file (used instead of the pasted text when given).</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>What the file breaks, by field.</summary>
    public IReadOnlyList<CalendarFieldError> Errors { get; private set; } = [];

    /// <summary>The preview or the change made.</summary>
    public CalendarChange? Change { get; private set; }

    /// <summary>Lists the calendars.</summary>
    public async Task OnGetAsync(CancellationToken ct) => await ListAsync(ct);

    /// <summary>Checks the file and lists the clocks it would move.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await CheckedAsync(ct) is { } check && check.IsValid)
            Change = await CalendarEndpoints.DryRunAsync(db, source, Country, Year, Json!, User.UserName(), Note, ct);
        await ListAsync(ct);
        return Page();
    }

    /// <summary>Loads the file.</summary>
    public async Task<IActionResult> OnPostLoadAsync(CancellationToken ct)
    {
        if (await CheckedAsync(ct) is { } check && check.IsValid)
        {
            commands.Describe($"load calendar {Country} {Year} (web page)");
            Change = await CalendarEndpoints.ApplyLoadAsync(commands, source, HttpContext.RequestServices, Country, Year, Json!, check.Year!, User.UserName(), Note,
                clock.GetCurrentInstant(), ct);
        }
        await ListAsync(ct);
        return Page();
    }

    /// <summary>Removes a loaded year.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string country, int year, CancellationToken ct)
    {
        if (await db.Set<LoadedCalendarRow>().AnyAsync(r => r.Country == country && r.Year == year, ct))
            Change = await CalendarEndpoints.ApplyRemoveAsync(commands, source, HttpContext.RequestServices, country, year, User.UserName(), Note, clock.GetCurrentInstant(), ct);
        await ListAsync(ct);
        return Page();
    }

    async Task<CalendarYearCheck?> CheckedAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > CalendarYearRules.MaxBytes)
            {
                Errors = [new("$", $"The file is larger than {CalendarYearRules.MaxBytes / 1024} KiB.")];
                return null;
            }
            using var reader = new StreamReader(file.OpenReadStream());
            Json = await reader.ReadToEndAsync(ct);
        }
        if (Note is { Length: > CalendarEndpoints.NoteLength })
        {
            Errors = [new("note", $"At most {CalendarEndpoints.NoteLength} characters.")];
            return null;
        }
        var check = CalendarEndpoints.Check(Json ?? string.Empty, Country ?? string.Empty, Year);
        Errors = check.Errors;
        return check;
    }

    async Task ListAsync(CancellationToken ct) => Calendars = CalendarAdministration.Views(source.Current, await CalendarAdministration.RowsAsync(db, ct));
}
