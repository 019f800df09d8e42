using MlaRequests.Domain.Calendars;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_a_holiday_falls_on_a_weekend
{
    [Fact]
    public void In_Kazakhstan_the_day_off_moves_to_the_next_working_day()
    {
        var kz = Calendar("KZ");

        kz.IsWorkingDay(Day("2026-03-09")).Should().BeFalse("Women's Day fell on Sunday 8 March");
        kz.DayOffMovedFrom(Day("2026-03-09"))!.Name.Should().Be("International Women's Day");
        kz.IsWorkingDay(Day("2026-08-31")).Should().BeTrue("30 August is no longer Constitution Day after the referendum of 15 March 2026 (unverified: kept as an observance)");
        kz.IsWorkingDay(Day("2026-10-26")).Should().BeFalse("Republic Day fell on Sunday 25 October");
        kz.IsWorkingDay(Day("2026-03-10")).Should().BeTrue();
    }

    [Fact]
    public void In_Kazakhstan_a_review_started_before_the_moved_day_off_ends_one_working_day_later()
    {
        // Fri 6 March 2026: Mon 9 is the day off moved from Sunday 8 March; Tue 10 (1) .. Mon 16 (5).
        var deadline = Calculator.Compute(ClockKind.InternalReview, LegalBasis.Untoc, false, "KZ", At("2026-03-06T16:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-03-17T00:00+05:00"));
    }

    [Fact]
    public void In_Kazakhstan_a_religious_holiday_on_a_weekend_does_not_move()
    {
        var kz = Calendar("KZ");

        kz.HolidayOnWeekend.Moves(HolidayKind.Religious, IsoDayOfWeek.Sunday).Should().BeFalse();
        kz.HolidayOn(Day("2027-05-16"))!.Kind.Should().Be(HolidayKind.Religious, "Kurban ait is expected on Sunday 16 May 2027");
        kz.IsWorkingDay(Day("2027-05-17")).Should().BeTrue();
    }

    [Fact]
    public void In_Uzbekistan_a_religious_holiday_on_a_weekend_moves_as_well()
    {
        var uz = Calendar("UZ");

        uz.HolidayOnWeekend.Moves(HolidayKind.Religious, IsoDayOfWeek.Sunday).Should().BeTrue();
        uz.IsWorkingDay(Day("2027-05-17")).Should().BeFalse("Qurbon hayit is expected on Sunday 16 May 2027 (Labour Code Art. 208)");
        uz.IsWorkingDay(Day("2026-03-23")).Should().BeFalse("Navruz fell on Saturday 21 March 2026");
    }

    [Fact]
    public void In_Kyrgyzstan_nothing_moves_since_the_2025_Labour_Code()
    {
        var kg = Calendar("KG");

        kg.HolidayOnWeekend.Transfer.Should().Be(HolidayTransfer.Never);
        kg.IsWorkingDay(Day("2026-03-09")).Should().BeTrue("Women's Day fell on Sunday 8 March 2026 and is not moved");
        kg.IsWorkingDay(Day("2026-03-23")).Should().BeTrue("Nooruz fell on Saturday 21 March 2026 and is not moved");
    }

    [Fact]
    public void In_Turkmenistan_only_a_Sunday_holiday_moves()
    {
        var tm = Calendar("TM");

        tm.IsWorkingDay(Day("2026-09-28")).Should().BeFalse("Independence Day fell on Sunday 27 September 2026");
        tm.IsWorkingDay(Day("2026-12-14")).Should().BeTrue("Neutrality Day fell on Saturday 12 December 2026 and is not moved");
        tm.IsWorkingDay(Day("2026-03-23")).Should().BeFalse("the Novruz Sunday moved to Monday 23 March 2026");
        tm.IsWorkingDay(Day("2026-03-24")).Should().BeTrue("the Novruz Saturday is not moved");
    }

    [Fact]
    public void In_Tajikistan_two_weekend_days_of_Navruz_give_two_moved_days_off()
    {
        var tj = Calendar("TJ");

        tj.IsWorkingDay(Day("2026-03-25")).Should().BeFalse();
        tj.IsWorkingDay(Day("2026-03-26")).Should().BeFalse();
        tj.IsWorkingDay(Day("2026-03-27")).Should().BeFalse("the Government swapped Friday 27 March with Saturday 14 March");
        tj.IsWorkingDay(Day("2026-03-30")).Should().BeTrue();
    }
}
