using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Data;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

/// <summary>
/// A calendar-day clock whose last day is a non-working day of the acting country ends on that country's next working day
/// (CIS codes of criminal procedure, e.g. RF CPC Art. 128(2)): a national holiday never makes a clock overdue while offices are closed.
/// </summary>
public sealed class When_offices_are_closed_when_a_clock_ends
{
    static readonly Instant SentToTajikistan = At("2026-03-19T10:00+05:00");

    [Fact]
    public void Every_office_in_Tajikistan_is_closed_from_20_to_29_March_2026()
    {
        var tj = Calendar("TJ");

        Enumerable.Range(20, 10).Select(d => new LocalDate(2026, 3, d)).Should().OnlyContain(d => !tj.IsWorkingDay(d));
        tj.IsWorkingDay(new LocalDate(2026, 3, 30)).Should().BeTrue();
    }

    [Theory]
    [InlineData(ClockKind.Acknowledgement)]
    [InlineData(ClockKind.Recognition)]
    public void An_urgent_request_sent_to_Tajikistan_on_19_March_2026_is_not_overdue_before_the_offices_reopen(ClockKind kind)
    {
        // Urgent acknowledgement (2 days) would end with Sat 21 March, recognition (10 days) with Sun 29 March: both inside the
        // Navruz break; each ends with Mon 30 March, the first working day, in Dushanbe.
        var deadline = Calculator.Compute(kind, LegalBasis.Chisinau2002, true, "TJ", SentToTajikistan);

        deadline.DueAt.Should().Be(At("2026-03-31T00:00+05:00"));
        deadline.DueAt.Should().BeGreaterThan(At("2026-03-30T00:00+05:00"), "no escalation while every office is closed");
        deadline.Counting.Should().Be(DayCounting.CalendarDaysNextWorkingDay);
        deadline.UsesUnverifiedCalendar.Should().BeFalse("Tajikistan's 2026 data is verified");
    }

    [Fact]
    public void The_same_request_counted_straight_through_the_holidays_would_have_been_overdue_on_22_March()
    {
        var straight = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Chisinau2002, true, "TJ", SentToTajikistan, DayCounting.CalendarDays);

        straight.DueAt.Should().Be(At("2026-03-22T00:00+05:00"));
    }

    [Fact]
    public void An_end_moved_over_a_holiday_on_an_expected_date_says_so()
    {
        // Urgent acknowledgement from Wed 18 March ends with Fri 20 March, Idi Ramazon on its expected astronomical date.
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Untoc, true, "TJ", At("2026-03-18T10:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-03-31T00:00+05:00"));
        deadline.Warnings.Should().ContainSingle().Which.Should().Contain("2026-03-20").And.Contain("Idi Ramazon").And.Contain("expected date");
    }

    [Fact]
    public void In_Kazakhstan_an_end_on_Nauryz_moves_past_the_days_off_moved_from_its_weekend()
    {
        // Mon 16 March + 7 = Mon 23 March (Nauryz); Tue 24 and Wed 25 are the days off of Nauryz on Sat 21 and Sun 22.
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Untoc, false, "KZ", At("2026-03-16T10:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-03-27T00:00+05:00"));
    }

    [Fact]
    public void In_Kyrgyzstan_an_end_on_a_Saturday_moves_to_Monday()
    {
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Chisinau2002, false, "KG", At("2026-06-06T10:00+06:00"));

        deadline.DueAt.Should().Be(At("2026-06-16T00:00+06:00"));
        deadline.TimeZoneId.Should().Be("Asia/Bishkek");
    }

    [Fact]
    public void In_Kyrgyzstan_an_end_in_the_May_holidays_moves_past_all_of_them()
    {
        // Fri 24 April + 7 = Fri 1 May; 1-9 May are holidays (Labour Code of 2025), Sun 10 May is the weekend.
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Chisinau2002, false, "KG", At("2026-04-24T10:00+06:00"));

        deadline.DueAt.Should().Be(At("2026-05-12T00:00+06:00"));
    }

    [Fact]
    public void In_Uzbekistan_an_end_on_a_decree_working_Saturday_stays()
    {
        // Sat 5 December + 7 = Sat 12 December, made a working day by the Presidential decree of 24 December 2025.
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Minsk1993, false, "UZ", At("2026-12-05T10:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-12-13T00:00+05:00"));
    }

    [Fact]
    public void In_Turkmenistan_an_end_on_a_Sunday_holiday_moves_past_its_Monday_and_the_unverified_year_is_flagged()
    {
        // Sun 20 September + 7 = Sun 27 September, Independence Day; its day off moves to Mon 28 (Labour Code Art. 81(2)).
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Untoc, false, "TM", At("2026-09-20T10:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-09-30T00:00+05:00"));
        deadline.UsesUnverifiedCalendar.Should().BeTrue();
        deadline.Warnings.Should().Contain(w => w.Contains("TM calendar for 2026 is not verified"));
    }

    [Fact]
    public void An_extension_that_ends_on_a_day_off_moves_too()
    {
        // Recognition in Tashkent from Mon 2 March: + 30 = Wed 1 April; extended by 10 = Sat 11 April, so Mon 13 April.
        var deadline = Calculator.Compute(ClockKind.Recognition, LegalBasis.Untoc, false, "UZ", At("2026-03-02T10:00+05:00"));
        deadline.DueAt.Should().Be(At("2026-04-02T00:00+05:00"));

        var extended = Calculator.Extend(deadline, Period.FromDays(10));

        extended.DueAt.Should().Be(At("2026-04-14T00:00+05:00"));
    }

    [Fact]
    public void Every_day_counted_clock_between_offices_counts_working_days_or_moves_off_a_day_off()
    {
        // Fixed dates are not counted: a JIT agreement's end date and the requesting state's desired date (its own date, never moved).
        foreach (var kind in Enum.GetValues<ClockKind>().Where(k => k is not (ClockKind.JitPeriod or ClockKind.ProvisionalMeasures or ClockKind.DesiredDate)))
        {
            foreach (var urgent in new[] { false, true })
            {
                WorkflowData.DeadlinePolicies.Rule(kind, LegalBasis.Untoc, urgent).Counting
                    .Should().BeOneOf([DayCounting.BusinessDays, DayCounting.CalendarDaysNextWorkingDay], $"{kind} (urgent: {urgent})");
            }
        }
    }

    [Fact]
    public void Every_source_says_it_is_a_management_target_or_a_design_choice_and_no_treaty_number_is_claimed()
    {
        foreach (var kind in Enum.GetValues<ClockKind>())
        {
            foreach (var urgent in new[] { false, true })
            {
                var source = WorkflowData.DeadlinePolicies.Rule(kind, LegalBasis.Untoc, urgent).Source;
                source.Should().Match(s => s.Contains("management target") || s.Contains("design choice"), kind.ToString());
                if (source.Contains("EIO", StringComparison.Ordinal))
                    source.Should().Contain("borrowed from EIO Directive 2014/41/EU").And.Contain("no treaty day count applies");
                if (kind is ClockKind.Acknowledgement or ClockKind.Recognition or ClockKind.Execution or ClockKind.ProvisionalMeasures)
                    source.Should().Contain("UNTOC Art. 18(24)").And.Contain("as soon as possible").And.Contain("reasoned deadline");
            }
        }
    }
}
