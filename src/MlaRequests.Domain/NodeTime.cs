using NodaTime;

namespace MlaRequests.Domain;

/// <summary>
/// The time zone each node's authorities work in, and so the date a legal step is taken on: a
/// postponement "until tomorrow" means tomorrow where the acting prosecutor sits, not in UTC.
/// </summary>
public static class NodeTime
{
    /// <summary>The IANA zone of <paramref name="nodeCode"/> (Asia/Almaty for Kazakhstan and any code the region does not know).</summary>
    public static string ZoneId(string nodeCode) => nodeCode switch
    {
        "KG" => "Asia/Bishkek",
        "TJ" => "Asia/Dushanbe",
        "TM" => "Asia/Ashgabat",
        "UZ" => "Asia/Tashkent",
        _ => "Asia/Almaty",
    };

    /// <summary>The time zone of <paramref name="nodeCode"/>.</summary>
    public static DateTimeZone Zone(string nodeCode) => DateTimeZoneProviders.Tzdb[ZoneId(nodeCode)];

    /// <summary>Today in the acting country <paramref name="nodeCode"/> at <paramref name="now"/>.</summary>
    public static LocalDate Today(string nodeCode, Instant now) => now.InZone(Zone(nodeCode)).Date;
}
