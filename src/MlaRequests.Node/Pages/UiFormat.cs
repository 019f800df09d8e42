using System.Globalization;
using Microsoft.Extensions.Options;
using MlaRequests.Domain;
using MlaRequests.Node.Hosting;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Node.Pages;

/// <summary>Dates and durations as the signed-in user reads them: in the time zone they picked (the node's by default, <see cref="NodeTime"/>) and their language.</summary>
public sealed class UiFormat(IHttpContextAccessor http, IOptions<NodeOptions> node, IClock clock)
{
    /// <summary>The cookie holding the user's time zone.</summary>
    public const string ZoneCookie = "mla.zone";

    /// <summary>The zones the UI offers: the region's capitals and UTC.</summary>
    public static readonly IReadOnlyList<string> Zones = [.. NodeCode.Countries.Keys.Select(NodeTime.ZoneId), "UTC"];

    /// <summary>The user's zone.</summary>
    public DateTimeZone Zone =>
        http.HttpContext?.Request.Cookies[ZoneCookie] is { } id && Zones.Contains(id) ? DateTimeZoneProviders.Tzdb[id] : NodeTime.Zone(node.Value.Code);

    /// <summary>Now.</summary>
    public Instant Now => clock.GetCurrentInstant();

    /// <summary>Today in the user's zone: for showing dates only, never for a date-only legal decision (use <see cref="LegalToday"/>).</summary>
    public LocalDate Today => Now.InZone(Zone).Date;

    /// <summary>
    /// Today where this node's authority acts (<see cref="NodeTime.Today"/>), whatever zone the user reads in: the date the server's
    /// rules decide with (a postponement's end date, a child's age), so a form never offers a date the rules then refuse.
    /// </summary>
    public LocalDate LegalToday => NodeTime.Today(node.Value.Code, Now);

    /// <summary>An instant as <c>2026-05-04 14:30</c> in the user's zone.</summary>
    public string Time(Instant? at) =>
        at is { } value ? LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Format(value.InZone(Zone).LocalDateTime) : "—";

    /// <summary>Time left as days and hours (<c>3d 4h</c>), with a minus sign when overdue.</summary>
    public static string Left(Duration? left)
    {
        if (left is not { } value)
            return "—";
        var sign = value < Duration.Zero ? "−" : string.Empty;
        var abs = value < Duration.Zero ? -value : value;
        var days = (long)abs.TotalDays;
        var d = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru" ? ("д", "ч", "мин") : ("d", "h", "min");
        return days > 0 ? $"{sign}{days}{d.Item1} {abs.Hours}{d.Item2}" : $"{sign}{abs.Hours}{d.Item2} {abs.Minutes}{d.Item3}";
    }
}
