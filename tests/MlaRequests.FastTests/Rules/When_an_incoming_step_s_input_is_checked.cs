using FluentAssertions;
using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests.Validation;
using NodaTime;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>The refusal, postponement and extension rules of an incoming request, and the node's date, without a node.</summary>
public sealed class When_an_incoming_step_s_input_is_checked
{
    static readonly InputLimits Limits = new();
    static readonly string[] Known = ["DUAL_CRIMINALITY", "SOVEREIGNTY"];
    static readonly LocalDate Today = new(2026, 5, 4);
    static readonly DeadlineRule Recognition = new(ClockKind.Recognition, Period.FromDays(30), DayCounting.CalendarDays, Period.FromDays(30), "UNTOC Art. 18");

    [Theory]
    [InlineData("FISCAL")]
    [InlineData("fiscal")]
    public void A_refusal_on_fiscal_grounds_is_refused_naming_grounds(string ground)
    {
        var problems = RefusalRules.Problems(["DUAL_CRIMINALITY", ground], "A tax matter.", Known, Limits);

        problems.Should().ContainKey("grounds").WhoseValue.Should().Equal(ProblemTexts.FiscalGround.Format());
    }

    [Fact]
    public void A_refusal_on_an_unknown_ground_lists_the_known_ones_in_order()
    {
        var problems = RefusalRules.Problems(["MOON"], "Because.", Known, Limits);

        problems["grounds"].Should().Equal("Unknown ground(s): MOON. Known: DUAL_CRIMINALITY, SOVEREIGNTY.");
    }

    [Fact]
    public void A_refusal_needs_reasons_and_a_ground_without_null_entries()
    {
        RefusalRules.Problems(null, " ", Known, Limits).Keys.Should().BeEquivalentTo("reasons", "grounds");
        RefusalRules.Problems(["SOVEREIGNTY", null!], "Why.", Known, Limits).Keys.Should().Equal("grounds[1]");
        RefusalRules.Problems(["SOVEREIGNTY"], "Why.", Known, Limits).Should().BeEmpty();
    }

    [Theory]
    [InlineData(-1, "A future date is required.")]
    [InlineData(0, "A future date is required.")]
    [InlineData(3654, "A date from 2026-05-05 to 2036-05-04.")]
    public void A_postponement_not_into_the_window_is_refused_naming_until(int days, string problem)
    {
        PostponementRules.Problems("Our case first.", Today.PlusDays(days), Today, Limits)["until"].Should().Equal(problem);
    }

    [Fact]
    public void A_postponement_until_tomorrow_with_a_reason_is_accepted()
    {
        PostponementRules.Problems("Our case first.", Today.PlusDays(1), Today, Limits).Should().BeEmpty();
        PostponementRules.Problems(null, Today.PlusDays(1), Today, Limits).Keys.Should().Equal("reason");
    }

    [Theory]
    [InlineData("P10D", false, null)]
    [InlineData("P30D", false, null)]
    [InlineData("P31D", false, "Between 1 day and 30 days (UNTOC Art. 18).")]
    [InlineData("P1Y10D", false, "Between 1 day and 30 days (UNTOC Art. 18).")]
    [InlineData("PT5H", false, "Between 1 day and 30 days (UNTOC Art. 18).")]
    [InlineData("P10D", true, "The recognition period was already extended; it may be extended only once.")]
    [InlineData("ten days", false, "An ISO-8601 period such as P20D is required.")]
    public void A_recognition_extension_is_a_whole_number_of_days_up_to_the_maximum_once(string extension, bool extended, string? problem)
    {
        var problems = RecognitionExtensionRules.Problems(extension, "Witnesses abroad.", Recognition, extended, Limits);

        if (problem is null)
            problems.Should().BeEmpty();
        else
            problems["extension"].Should().Equal(problem);
    }

    [Fact]
    public void Today_is_the_date_where_the_acting_country_is_not_in_UTC()
    {
        var evening = Instant.FromUtc(2026, 5, 4, 19, 30);

        NodeTime.Today("KZ", evening).Should().Be(new LocalDate(2026, 5, 5), "Astana is UTC+5");
        NodeTime.Today("KG", Instant.FromUtc(2026, 5, 4, 17, 59)).Should().Be(new LocalDate(2026, 5, 4), "Bishkek is UTC+6");
        NodeTime.Today("KG", Instant.FromUtc(2026, 5, 4, 18, 0)).Should().Be(new LocalDate(2026, 5, 5));
        NodeTime.ZoneId("TM").Should().Be("Asia/Ashgabat");
    }
}
