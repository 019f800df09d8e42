using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Data;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

/// <summary>
/// Every date-only decision uses the date where the acting authority sits (<see cref="NodeTime.Today"/>), never the UTC date:
/// at 00:30 and 05:30 on 1 January 2027 in Bishkek (UTC+6) and at 00:30 in Almaty (UTC+5) UTC is still on 31 December.
/// </summary>
public sealed class When_the_legal_day_differs_from_the_UTC_day
{
    [Theory]
    [InlineData("KG", "2027-01-01T00:30+06:00", "2026-12-31")]
    [InlineData("KG", "2027-01-01T05:30+06:00", "2026-12-31")]
    [InlineData("KZ", "2027-01-01T00:30+05:00", "2026-12-31")]
    [InlineData("KZ", "2027-01-01T05:30+05:00", "2027-01-01")]
    public void Today_is_the_acting_country_s_date(string country, string localTime, string utcDate)
    {
        var now = At(localTime);

        now.InUtc().Date.Should().Be(Day(utcDate));
        NodeTime.Today(country, now).Should().Be(new LocalDate(2027, 1, 1));
    }

    [Theory]
    [InlineData("KG", "2027-01-01T00:30+06:00")]
    [InlineData("KG", "2027-01-01T05:30+06:00")]
    [InlineData("KZ", "2027-01-01T00:30+05:00")]
    [InlineData("KZ", "2027-01-01T05:30+05:00")]
    public void A_victim_turning_eighteen_that_day_is_no_longer_a_child(string country, string localTime)
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, country == "KZ" ? "KG" : "KZ");
        content.Persons[1].Role = PersonRole.Victim;
        content.Persons[1].DateOfBirth = new LocalDate(2009, 1, 1);

        content.HasChildVictim(NodeTime.Today(country, At(localTime))).Should().BeFalse("the victim is 18 on 1 January 2027 where the office sits");
        content.HasChildVictim(new LocalDate(2026, 12, 31)).Should().BeTrue("a day earlier the victim was 17");
    }

    [Fact]
    public void The_node_s_zone_is_the_zone_its_calendar_counts_deadlines_in()
    {
        foreach (var country in WorkflowData.Calendars.Countries)
            NodeTime.ZoneId(country).Should().Be(Calendar(country).Zone.Id, country);
    }
}
