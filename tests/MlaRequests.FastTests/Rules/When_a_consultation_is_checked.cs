using FluentAssertions;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests.Validation;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>
/// The rules of a consultation before refusal or postponement and of an acceptance under conditions (UNTOC Art. 18(26)): a known purpose,
/// reasons always, the grounds that fit the purpose, conditions of known kinds with their wording.
/// </summary>
public sealed class When_a_consultation_is_checked
{
    static readonly InputLimits Limits = new();
    static readonly string[] RefusalGrounds = ["DUAL_CRIMINALITY", "SOVEREIGNTY"];

    static Dictionary<string, string[]> Open(string? purpose, string[]? grounds = null, (string?, string?)[]? conditions = null, string? reasons = "Why") =>
        ConsultationRules.OpenProblems(purpose, grounds, conditions, reasons, RefusalGrounds, Limits);

    [Fact]
    public void An_intended_postponement_offers_the_grounds_the_postponement_step_takes() =>
        ConsultationCodes.PostponementGrounds.Should().Equal(MlaRequests.Workflows.Content.ContentData.PostponementGrounds.Select(g => g.Code),
            "a consultation announces the postponement the liaison officer then decides, on the same coded grounds (postponement-grounds.json)");

    [Fact]
    public void An_intended_refusal_on_a_coded_ground_with_reasons_passes() =>
        Open(ConsultationCodes.IntendedRefusal, ["DUAL_CRIMINALITY"]).Should().BeEmpty();

    [Fact]
    public void An_intended_refusal_on_fiscal_grounds_alone_is_refused_naming_grounds() =>
        Open(ConsultationCodes.IntendedRefusal, [RefusalRules.FiscalGround])["grounds"].Should().Equal(ProblemTexts.FiscalGround.Format());

    [Fact]
    public void An_intended_postponement_takes_only_the_grounds_of_article_18_25()
    {
        Open(ConsultationCodes.IntendedPostponement, ["ONGOING_PROCEEDINGS"]).Should().BeEmpty();
        Open(ConsultationCodes.IntendedPostponement, ["DUAL_CRIMINALITY"]).Should().ContainKey("grounds");
        Open(ConsultationCodes.IntendedPostponement, []).Should().ContainKey("grounds");
    }

    [Theory]
    [InlineData(ConsultationCodes.IntendedRefusal)]
    [InlineData(ConsultationCodes.IntendedPostponement)]
    [InlineData(ConsultationCodes.Conditions)]
    public void Every_consultation_needs_reasons(string purpose) =>
        Open(purpose, purpose == ConsultationCodes.IntendedRefusal ? ["SOVEREIGNTY"] : purpose == ConsultationCodes.IntendedPostponement ? ["ONGOING_INVESTIGATION"] : null,
            [("Confidentiality", "Not disclosed")], reasons: " ")["reasons"].Should().Equal(ProblemTexts.Required.Format("reasons"));

    [Fact]
    public void Proposed_conditions_need_one_condition_of_a_known_kind_with_its_wording()
    {
        Open(ConsultationCodes.Conditions, conditions: [("CostsBorneByRequestingParty", "The expert's fee")]).Should().BeEmpty();
        Open(ConsultationCodes.Conditions, conditions: [])["conditions"].Should().Equal(ProblemTexts.ConditionsRequired.Format());
        Open(ConsultationCodes.Conditions, conditions: [("Gag", "x")]).Should().ContainKey("conditions[0].kind");
        Open(ConsultationCodes.Conditions, conditions: [("Other", " ")]).Should().ContainKey("conditions[0].text");
    }

    [Fact]
    public void Grounds_and_conditions_are_refused_where_the_purpose_takes_none()
    {
        Open(ConsultationCodes.Conditions, ["SOVEREIGNTY"], [("Other", "x")]).Should().ContainKey("grounds");
        Open(ConsultationCodes.IntendedRefusal, ["SOVEREIGNTY"], [("Other", "x")]).Should().ContainKey("conditions");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Refuse")]
    public void An_unknown_or_missing_purpose_is_refused_naming_purpose(string? purpose) =>
        Open(purpose).Should().ContainKey("purpose");

    [Fact]
    public void An_acceptance_under_conditions_needs_at_least_one()
    {
        ConsultationRules.ConditionProblems([("UseLimitedToProceedings", "Only in case KZ-2026-0042")], Limits).Should().BeEmpty();
        ConsultationRules.ConditionProblems(null, Limits).Should().ContainKey("conditions");
        ConsultationRules.ConditionProblems([(null, "x")], Limits).Should().ContainKey("conditions[0].kind");
    }
}
