using MlaRequests.Domain.Requests.Validation;
using NodaTime;

namespace MlaRequests.FastTests.Rules;

public sealed class When_a_JIT_extension_is_checked
{
    static readonly LocalDate Today = new(2027, 3, 1);
    static readonly LocalDate CurrentEnd = new(2027, 6, 30);
    static readonly InputLimits Limits = new();

    [Fact]
    public void A_later_date_with_reasons_has_no_problem() =>
        JitExtensionRules.Problems(new LocalDate(2027, 9, 30), "The financial analysis needs three more months", CurrentEnd, Today, Limits).Should().BeEmpty();

    [Fact]
    public void A_missing_date_and_missing_reasons_are_named()
    {
        var problems = JitExtensionRules.Problems(null, " ", CurrentEnd, Today, Limits);
        problems.Keys.Should().BeEquivalentTo("endsOn", "reasons");
        problems["endsOn"].Should().Equal(ProblemTexts.Required.Format("endsOn"));
    }

    [Theory]
    [InlineData(2027, 6, 30)]
    [InlineData(2027, 5, 1)]
    public void A_date_not_later_than_the_current_end_is_refused_with_that_end(int year, int month, int day) =>
        JitExtensionRules.Problems(new LocalDate(year, month, day), "Reasons", CurrentEnd, Today, Limits)["endsOn"]
            .Should().Equal(JitExtensionTexts.NotLater.Format("2027-06-30"));

    [Fact]
    public void An_agreement_past_its_end_is_extended_only_to_a_future_date()
    {
        var overdue = new LocalDate(2027, 2, 1);
        JitExtensionRules.Problems(new LocalDate(2027, 2, 15), "Reasons", overdue, Today, Limits)["endsOn"].Should().Equal(ProblemTexts.FutureDate.Format());
        JitExtensionRules.Problems(new LocalDate(2027, 3, 2), "Reasons", overdue, Today, Limits).Should().BeEmpty();
    }

    [Fact]
    public void A_date_beyond_the_date_window_is_refused() =>
        JitExtensionRules.Problems(Today.PlusYears(Limits.DateWindowYears).PlusDays(1), "Reasons", CurrentEnd, Today, Limits)
            .Should().ContainKey("endsOn");

    [Fact]
    public void An_agreement_without_an_end_date_takes_any_future_date() =>
        JitExtensionRules.Problems(new LocalDate(2027, 3, 2), "Reasons", null, Today, Limits).Should().BeEmpty();
}
