using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Content;
using MlaRequests.Workflows.Data;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

/// <summary>The clock on a postponement's end date: a management target kept as data, counted in the acting country's calendar.</summary>
public sealed class When_a_postponement_runs_until_its_end_date
{
    static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 5, 0); // Monday, 10:00 in Almaty

    [Fact]
    public void It_is_overdue_when_the_first_working_day_after_the_end_date_ends_without_a_resumption()
    {
        // Friday 13 March 2026: the next working day in Kazakhstan is Monday 16 March.
        var deadline = Calculator.ComputeUntil(ClockKind.Postponement, LegalBasis.Chisinau2002, false, "KZ", Start, new LocalDate(2026, 3, 13));

        deadline.DueAt.Should().Be(At("2026-03-17T00:00+05:00"));
        deadline.Start.Should().Be(Start);
    }

    [Fact]
    public void Its_reminders_fall_at_fifty_and_eighty_percent_of_the_time_to_the_due_instant()
    {
        var end = At("2026-03-14T00:00+05:00");

        var deadline = Calculator.ComputeUntil(ClockKind.Postponement, LegalBasis.Untoc, false, "KZ", Start, new LocalDate(2026, 3, 13));

        var interval = (deadline.DueAt - Start).ToBigIntegerNanoseconds();
        deadline.Reminders.Single(r => r.Percent == 50).At.Should().Be(Start + Duration.FromNanoseconds(interval * 50 / 100))
            .And.BeLessThan(end, "the first reminder comes before the end date");
        deadline.Reminders.Single(r => r.Percent == 80).At.Should().Be(Start + Duration.FromNanoseconds(interval * 80 / 100)).And.BeLessThan(deadline.DueAt);
    }

    [Fact]
    public void Its_policy_is_data_that_says_it_is_a_design_choice_not_a_treaty_rule()
    {
        foreach (var urgent in new[] { false, true })
        {
            var rule = WorkflowData.DeadlinePolicies.Rule(ClockKind.Postponement, LegalBasis.Minsk1993, urgent);
            rule.Source.Should().StartWith("design choice").And.Contain("18(25)");
            rule.MaxExtension.Should().BeNull("a postponement is extended by postponing again, to a new end date");
        }
    }

    [Fact]
    public void The_postponement_grounds_are_the_three_of_UNTOC_article_18_25()
    {
        ContentData.PostponementGrounds.Select(g => g.Code).Should().Equal("ONGOING_INVESTIGATION", "ONGOING_PROSECUTION", "ONGOING_PROCEEDINGS");
        ContentData.PostponementGrounds.Should().OnlyContain(g => g.Source == "UNTOC Art. 18(25)" && g.Title.Length > 0);
        ContentData.PostponementGrounds.Select(g => g.Code).Should().NotIntersectWith(ContentData.RefusalGrounds.Select(g => g.Code));
    }
}
