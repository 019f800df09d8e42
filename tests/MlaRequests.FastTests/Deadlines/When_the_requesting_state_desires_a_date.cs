using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Data;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

/// <summary>
/// The requesting state's desired date (issue 15; UNTOC Art. 18(24)): a clock of its own, due at the end of that date in the requested country's time
/// zone, reminding 14 and 3 days before (data); and the warning when it is earlier than the last day the policies give that country.
/// </summary>
public sealed class When_the_requesting_state_desires_a_date
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_policy_row_says_it_is_the_requesting_state_s_own_date_and_a_target_not_a_time_limit(bool urgent)
    {
        var rule = WorkflowData.DeadlinePolicies.Rule(ClockKind.DesiredDate, LegalBasis.Untoc, urgent);

        rule.Counting.Should().Be(DayCounting.CalendarDays, "the date is fixed by the requesting state: it is not moved");
        rule.MaxExtension.Should().BeNull("the requested side cannot extend the requesting state's date");
        rule.Source.Should().Contain("UNTOC Art. 18(24)").And.Contain("a target, not a time limit").And.Contain("requested country's time zone");
        WorkflowData.DeadlinePolicies.DesiredDateReminderDays.Should().Equal(14, 3);
    }

    [Fact]
    public void The_clock_is_due_at_the_end_of_the_date_in_the_requested_country_and_reminds_14_and_3_days_before()
    {
        var start = At("2026-07-01T10:00+05:00"); // transmitted from Almaty

        var deadline = Calculator.DesiredDate(LegalBasis.Untoc, false, "KG", start, Day("2026-08-31"));

        deadline.Kind.Should().Be(ClockKind.DesiredDate);
        deadline.TimeZoneId.Should().Be("Asia/Bishkek", "the requested office acts, in its own zone");
        deadline.DueAt.Should().Be(At("2026-09-01T00:00+06:00"));
        deadline.Reminders.Select(r => r.At).Should().Equal(At("2026-08-18T00:00+06:00"), At("2026-08-29T00:00+06:00"), At("2026-09-01T00:00+06:00"));
        deadline.Counting.Should().Be(DayCounting.CalendarDays);
    }

    [Fact]
    public void A_reminder_whose_day_has_passed_falls_at_the_start_and_a_date_already_past_is_due_at_once()
    {
        var start = At("2026-08-25T10:00+06:00");

        var close = Calculator.DesiredDate(LegalBasis.Untoc, false, "KG", start, Day("2026-08-31"));
        var past = Calculator.DesiredDate(LegalBasis.Untoc, false, "KG", start, Day("2026-08-01"));

        close.Reminders[0].At.Should().Be(start, "14 days before was 18 August");
        close.Reminders[1].At.Should().Be(At("2026-08-29T00:00+06:00"));
        past.DueAt.Should().Be(start);
        past.Reminders.Should().OnlyContain(r => r.At == start);
    }

    [Theory]
    [InlineData("[14]")]
    [InlineData("[3, 3]")]
    [InlineData("[0, 3]")]
    public void Reminder_days_that_are_not_two_distinct_days_are_refused(string days)
    {
        var original = WorkflowData.RawText(WorkflowData.DeadlinePoliciesName);
        var json = original.Replace("\"desiredDateReminderDays\": [14, 3]", $"\"desiredDateReminderDays\": {days}", StringComparison.Ordinal);
        json.Should().NotBe(original);

        var load = () => DeadlinePolicyBook.Parse(json);

        load.Should().Throw<InvalidDataException>().WithMessage("*desiredDateReminderDays*");
    }

    [Fact]
    public void The_policies_give_an_urgent_request_to_Tajikistan_recognition_moved_past_Navruz_and_then_execution()
    {
        // Urgent: recognition 10 days from 19 March 2026 ends on Sunday 29 March, inside the closure of 20-29 March: moved to Monday 30 March
        // (Dushanbe). Execution (urgent 30 days) counts on from a decision on that last day: 29 April.
        var sent = At("2026-03-19T10:00+05:00");

        Calculator.PolicyLastDay(RequestKind.ClassicMla, LegalBasis.Untoc, true, "TJ", sent).Should().Be(Day("2026-04-29"));
        Calculator.PolicyLastDay(RequestKind.MirrorInvestigation, LegalBasis.Untoc, true, "TJ", sent).Should().Be(Day("2026-03-30"),
            "a mirror investigation has no execution period: opening the mirror case is the target");
        Calculator.PolicyLastDay(RequestKind.SpontaneousInformation, LegalBasis.Untoc, true, "TJ", sent).Should().BeNull();
    }

    [Theory]
    [InlineData("2026-04-28", true)]
    [InlineData("2026-04-29", false)]
    [InlineData("2026-06-30", false)]
    public void A_desired_date_earlier_than_the_policies_give_is_a_warning_naming_the_date_they_give(string desired, bool warned)
    {
        var content = Urgent("TJ");
        content.DesiredDate = Day(desired);

        var warnings = DesiredDateRules.Warnings(content, Calculator, At("2026-03-19T10:00+05:00"), Day("2026-03-19"));

        if (!warned)
        {
            warnings.Should().BeEmpty();
            return;
        }
        warnings.Should().ContainSingle().Which.Field.Should().Be("desiredDate");
        warnings[0].Message.Should().Contain("2026-04-29").And.Contain("TJ").And.Contain("UNTOC Art. 18(24)");
        DesiredDateTexts.EarlierThanPolicies.Match(warnings[0].Message).Should().NotBeNull("the web UI shows it in the user's language");
    }

    [Fact]
    public void Each_requested_country_is_counted_in_its_own_calendar_and_no_date_warns_nothing()
    {
        var content = Urgent("TJ", "KG");
        content.DesiredDate = Day("2026-04-28");

        var warnings = DesiredDateRules.Warnings(content, Calculator, At("2026-03-19T10:00+05:00"), Day("2026-03-19"));
        content.DesiredDate = null;

        warnings.Select(w => w.Message).Should().ContainSingle(m => m.Contains("TJ")).And.ContainSingle(m => m.Contains("KG"));
        DesiredDateRules.Warnings(content, Calculator, At("2026-03-19T10:00+05:00"), Day("2026-03-19")).Should().BeEmpty();
    }

    [Fact]
    public void A_date_in_the_past_is_refused_on_a_draft_and_today_is_not()
    {
        var today = Day("2026-12-07");

        DesiredDateRules.InputProblem(Day("2026-12-06"), today).Should().ContainSingle().Which.Should().Contain("past");
        DesiredDateRules.InputProblem(today, today).Should().BeNull();
        DesiredDateRules.InputProblem(null, today).Should().BeNull();
    }

    static RequestContent Urgent(params string[] targets)
    {
        var content = TestContent.Complete(LegalBasis.Untoc, targets);
        content.Urgent = true;
        content.UrgencyReasons = "the suspect leaves on 30 April";
        return content;
    }
}
