using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_the_acting_authority_is_in_Bishkek
{
    [Fact]
    public void The_same_seven_days_end_in_each_country_s_own_zone_and_calendar()
    {
        var start = Instant.FromUtc(2026, 3, 2, 5, 0); // 10:00 in Almaty, 11:00 in Bishkek

        var almaty = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Chisinau2002, false, "KZ", start);
        var bishkek = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Chisinau2002, false, "KG", start);

        // Mon 9 March is Kazakhstan's day off for Women's Day on Sunday 8 March: the period ends on Tue 10 March there.
        // Kyrgyzstan never moves a weekend holiday (Labour Code of 2025), so 9 March is a working day in Bishkek.
        almaty.DueAt.Should().Be(At("2026-03-11T00:00+05:00"));
        bishkek.DueAt.Should().Be(At("2026-03-10T00:00+06:00"));
        almaty.TimeZoneId.Should().Be("Asia/Almaty");
        bishkek.TimeZoneId.Should().Be("Asia/Bishkek");
    }

    [Fact]
    public void A_start_after_midnight_in_Bishkek_but_before_it_in_Almaty_is_a_day_later_in_Bishkek()
    {
        var start = Instant.FromUtc(2026, 3, 2, 18, 30); // 23:30 on 2 March in Almaty, 00:30 on 3 March in Bishkek

        var almaty = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Chisinau2002, false, "KZ", start);
        var bishkek = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Chisinau2002, false, "KG", start);

        almaty.DueAt.Should().Be(At("2026-03-11T00:00+05:00"), "9 March (the last day in Almaty) is a day off there, so the period ends on the 10th");
        bishkek.DueAt.Should().Be(At("2026-03-11T00:00+06:00"), "the 7 days count from 3 March in Bishkek and end on the working day 10 March");
    }
}
