using FluentAssertions;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Workflows.Data;
using NodaTime;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>The rules of milestones shared by several branches (<see cref="SharedMilestoneRules"/>) without a node.</summary>
public sealed class When_a_shared_milestone_is_checked
{
    static readonly InputLimits Limits = new();
    static readonly LocalDate Today = new(2026, 5, 4);
    static readonly string[] Targets = ["KG", "TJ", "UZ"];

    [Fact]
    public void A_milestone_for_two_open_branches_on_a_future_date_is_taken()
    {
        SharedMilestoneRules.ScheduleProblems("Common action day", Today.PlusDays(10), ["KG", "TJ"], Targets, Today, Limits).Should().BeEmpty();
        SharedMilestoneRules.ScheduleProblems("Common action day", Today, ["KG", "TJ", "UZ"], Targets, Today, Limits).Should().BeEmpty("today is allowed");
    }

    [Theory]
    [InlineData(new[] { "KG" }, "one country is a branch's own milestone")]
    [InlineData(new string[0], "nobody")]
    [InlineData(new[] { "KG", "KG" }, "a country twice")]
    [InlineData(new[] { "KG", "RU" }, "RU is not a requested country")]
    [InlineData(new[] { "KG", " " }, "a blank country")]
    public void The_countries_are_two_or_more_open_branches_each_once(string[] countries, string because)
    {
        SharedMilestoneRules.ScheduleProblems("Common action day", Today.PlusDays(3), countries, Targets, Today, Limits).Keys
            .Should().Equal(["countries"], because);
    }

    [Fact]
    public void Title_date_and_countries_are_each_named_when_missing()
    {
        SharedMilestoneRules.ScheduleProblems(" ", null, null, Targets, Today, Limits).Keys.Should().BeEquivalentTo("title", "date", "countries");
        SharedMilestoneRules.ScheduleProblems(new string('x', 201), Today.PlusDays(1), ["KG", "TJ"], Targets, Today, Limits).Keys.Should().Equal("title");
        SharedMilestoneRules.ScheduleProblems("Day", Today.PlusDays(-1), ["KG", "TJ"], Targets, Today, Limits).Keys.Should().Equal("date");
        SharedMilestoneRules.ScheduleProblems("Day", Today.PlusYears(11), ["KG", "TJ"], Targets, Today, Limits).Keys.Should().Equal("date");
    }

    [Fact]
    public void A_reschedule_needs_a_reason_and_another_future_date()
    {
        var current = Today.PlusDays(5);
        SharedMilestoneRules.RescheduleProblems(Today.PlusDays(6), current, "The Tajik team needs a day more.", Today, Limits).Should().BeEmpty();
        SharedMilestoneRules.RescheduleProblems(current, current, "Same.", Today, Limits).Keys.Should().Equal("date");
        SharedMilestoneRules.RescheduleProblems(Today.PlusDays(6), current, "", Today, Limits).Keys.Should().Equal("reason");
        SharedMilestoneRules.RescheduleProblems(null, current, null, Today, Limits).Keys.Should().BeEquivalentTo("date", "reason");
        SharedMilestoneRules.CancelProblems("  ", Limits).Keys.Should().Equal("reason");
    }

    [Theory]
    [InlineData(MilestoneStatus.Scheduled, "reschedule", true)]
    [InlineData(MilestoneStatus.Scheduled, "cancel", true)]
    [InlineData(MilestoneStatus.Scheduled, "complete", true)]
    [InlineData(MilestoneStatus.Scheduled, "confirm", true)]
    [InlineData(MilestoneStatus.Scheduled, "schedule", false)]
    [InlineData(MilestoneStatus.Cancelled, "reschedule", false)]
    [InlineData(MilestoneStatus.Cancelled, "confirm", false)]
    [InlineData(MilestoneStatus.Cancelled, "complete", false)]
    [InlineData(MilestoneStatus.Done, "cancel", false)]
    [InlineData(MilestoneStatus.Done, "confirm", false)]
    public void Only_a_scheduled_milestone_is_changed_or_confirmed(MilestoneStatus status, string step, bool allowed)
    {
        SharedMilestoneRules.Allows(status, step).Should().Be(allowed);
    }

    [Fact]
    public void A_milestone_stored_before_shared_milestones_is_scheduled()
    {
        SharedMilestoneRules.StatusOf(null).Should().Be(MilestoneStatus.Scheduled);
        SharedMilestoneRules.StatusOf("Cancelled").Should().Be(MilestoneStatus.Cancelled);
    }

    [Theory]
    [InlineData(10, null)]
    [InlineData(8, null)]
    [InlineData(7, 7)]
    [InlineData(2, 7)]
    [InlineData(1, 1)]
    [InlineData(0, null)]
    [InlineData(-1, null)]
    public void Reminders_start_7_days_before_turn_to_the_last_one_1_day_before_and_stop_on_the_date(int daysLeft, int? due)
    {
        SharedMilestoneRules.ReminderDue(MilestoneStatus.Scheduled, Today.PlusDays(daysLeft), Today, [7, 1]).Should().Be(due);
    }

    [Fact]
    public void A_cancelled_or_done_milestone_has_no_reminder()
    {
        SharedMilestoneRules.ReminderDue(MilestoneStatus.Cancelled, Today.PlusDays(1), Today, [7, 1]).Should().BeNull();
        SharedMilestoneRules.ReminderDue(MilestoneStatus.Done, Today.PlusDays(3), Today, [7, 1]).Should().BeNull();
    }

    [Fact]
    public void The_reminder_days_are_data_in_the_deadline_policies()
    {
        WorkflowData.DeadlinePolicies.MilestoneReminderDays.Should().Equal(7, 1);
    }
}
