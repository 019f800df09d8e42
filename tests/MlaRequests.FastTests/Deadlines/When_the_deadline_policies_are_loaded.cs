using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Data;
using NodaTime;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_the_deadline_policies_are_loaded
{
    public static TheoryData<ClockKind, bool, string, DayCounting, string?> Defaults => new()
    {
        { ClockKind.InternalReview, false, "P5D", DayCounting.BusinessDays, null },
        { ClockKind.Acknowledgement, false, "P7D", DayCounting.CalendarDaysNextWorkingDay, null },
        { ClockKind.Recognition, false, "P30D", DayCounting.CalendarDaysNextWorkingDay, "P30D" },
        { ClockKind.Execution, false, "P90D", DayCounting.CalendarDaysNextWorkingDay, null },
        { ClockKind.ProvisionalMeasures, false, "PT24H", DayCounting.Hours, null },
        { ClockKind.AdditionalInformation, false, "P14D", DayCounting.CalendarDaysNextWorkingDay, null },
        { ClockKind.InternalReview, true, "P2D", DayCounting.BusinessDays, null },
        { ClockKind.Acknowledgement, true, "P2D", DayCounting.CalendarDaysNextWorkingDay, null },
        { ClockKind.Recognition, true, "P10D", DayCounting.CalendarDaysNextWorkingDay, "P10D" },
        { ClockKind.Execution, true, "P30D", DayCounting.CalendarDaysNextWorkingDay, null },
        { ClockKind.ProvisionalMeasures, true, "PT24H", DayCounting.Hours, null },
        { ClockKind.AdditionalInformation, true, "P7D", DayCounting.CalendarDaysNextWorkingDay, null },
        { ClockKind.Postponement, false, "P1D", DayCounting.BusinessDays, null },
        { ClockKind.Postponement, true, "P1D", DayCounting.BusinessDays, null },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Every_legal_basis_gets_the_DOMAIN_default_for_each_clock(ClockKind kind, bool urgent, string length, DayCounting counting, string? maxExtension)
    {
        foreach (var basis in Enum.GetValues<LegalBasis>())
        {
            var rule = WorkflowData.DeadlinePolicies.Rule(kind, basis, urgent);

            rule.Length.ToString().Should().Be(length);
            rule.Counting.Should().Be(counting);
            rule.MaxExtension?.ToString().Should().Be(maxExtension);
            if (maxExtension is null) rule.MaxExtension.Should().BeNull();
            rule.Source.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Reminders_are_at_fifty_eighty_and_one_hundred_percent()
    {
        WorkflowData.DeadlinePolicies.ReminderPercents.Should().Equal(50, 80, 100);
    }

    [Fact]
    public void A_legal_basis_override_replaces_only_its_own_clock()
    {
        var original = WorkflowData.RawText(WorkflowData.DeadlinePoliciesName);
        var json = original.Replace(
            "\"byLegalBasis\": {}",
            "\"byLegalBasis\": { \"Minsk1993\": { \"default\": { \"Execution\": { \"length\": \"P60D\", \"counting\": \"CalendarDays\", \"maxExtension\": null, \"source\": \"test treaty\" } } } }");

        json.Should().NotBe(original);
        var book = DeadlinePolicyBook.Parse(json);

        book.Rule(ClockKind.Execution, LegalBasis.Minsk1993, false).Length.Should().Be(Period.FromDays(60));
        book.Rule(ClockKind.Execution, LegalBasis.Minsk1993, true).Length.Should().Be(Period.FromDays(30));
        book.Rule(ClockKind.Execution, LegalBasis.Chisinau2002, false).Length.Should().Be(Period.FromDays(90));
        book.Rule(ClockKind.Recognition, LegalBasis.Minsk1993, false).Length.Should().Be(Period.FromDays(30));
    }

    [Fact]
    public void A_length_that_does_not_fit_its_counting_is_rejected()
    {
        var original = WorkflowData.RawText(WorkflowData.DeadlinePoliciesName);
        var json = original.Replace("\"PT24H\", \"counting\": \"Hours\"", "\"P1D\", \"counting\": \"Hours\"");
        json.Should().NotBe(original);

        var parse = () => DeadlinePolicyBook.Parse(json);

        parse.Should().Throw<InvalidDataException>().WithMessage("*ProvisionalMeasures.length 'P1D' must be a positive time period such as PT24H for Hours.");
    }
}
