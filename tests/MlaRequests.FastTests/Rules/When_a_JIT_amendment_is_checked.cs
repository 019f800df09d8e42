using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using NodaTime;

namespace MlaRequests.FastTests.Rules;

public sealed class When_a_JIT_amendment_is_checked
{
    static readonly LocalDate ExtendedEnd = new(2028, 6, 30);
    static readonly InputLimits Limits = new();

    static JitProposal InForce() => new()
    {
        Purpose = "Joint investigation of the trafficking network", StartsOn = new LocalDate(2027, 1, 1), EndsOn = new LocalDate(2027, 12, 31),
        Arrangements = "Evidence shared through the liaison officers",
        Members =
        [
            new() { Country = "KZ", Name = "A. Seitkali", Function = "Senior prosecutor", Authority = "Prosecutor General's Office", Leader = true },
            new() { Country = "KG", Name = "B. Osmonov", Function = "Investigator", Authority = "Prosecutor General's Office", Leader = true },
        ],
    };

    static JitProposal Amended()
    {
        var jit = InForce();
        jit.StartsOn = null;
        jit.EndsOn = null;
        jit.Members!.Add(new() { Country = "KG", Name = "C. Toktogulova", Function = "Financial analyst", Authority = "Financial Police" });
        return jit;
    }

    static Dictionary<string, string[]> Check(JitProposal? proposed, string? reasons = "A financial analyst joins the team") =>
        JitAmendmentRules.Problems(proposed, reasons, InForce(), ExtendedEnd, "KZ", ["KG"], Limits);

    [Fact]
    public void A_new_member_with_reasons_and_no_period_has_no_problem_and_keeps_the_period_in_force()
    {
        Check(Amended()).Should().BeEmpty();
        var kept = JitAmendmentRules.WithPeriod(Amended(), InForce(), ExtendedEnd);
        kept.StartsOn.Should().Be(new LocalDate(2027, 1, 1));
        kept.EndsOn.Should().Be(ExtendedEnd, "the end date an extension set is the one in force");
    }

    [Fact]
    public void Missing_reasons_and_a_missing_agreement_are_named()
    {
        Check(Amended(), " ").Keys.Should().Equal("reasons");
        Check(null, null).Keys.Should().BeEquivalentTo("jit", "reasons");
    }

    [Fact]
    public void The_agreement_in_force_proposed_again_is_refused_as_unchanged()
    {
        var same = InForce();
        same.EndsOn = ExtendedEnd;
        Check(same)["jit"].Should().Equal(JitAmendmentTexts.Unchanged.Format());
    }

    [Fact]
    public void A_changed_end_date_points_at_the_extension_step()
    {
        var later = Amended();
        later.EndsOn = new LocalDate(2029, 1, 31);
        Check(later)["jit.endsOn"].Should().Equal(JitAmendmentTexts.EndByExtension.Format("2028-06-30"));
        later.EndsOn = ExtendedEnd;
        Check(later).Should().BeEmpty("the end date in force given again is no change");
    }

    [Fact]
    public void A_changed_start_date_is_refused()
    {
        var moved = Amended();
        moved.StartsOn = new LocalDate(2027, 2, 1);
        Check(moved).Keys.Should().Equal("jit.startsOn");
    }

    [Fact]
    public void The_agreement_rules_still_hold_a_party_without_leader_a_non_party_and_an_incomplete_member()
    {
        var jit = Amended();
        jit.Members![1].Leader = false;
        Check(jit)["jit.members"].Should().Equal(JitAgreementTexts.LeaderMissing.Format("KG"));

        jit = Amended();
        jit.Members![2].Country = "UZ";
        jit.Members[2].Authority = " ";
        var problems = Check(jit);
        problems.Should().ContainKey("jit.members[2].country").And.ContainKey("jit.members[2].authority");
        jit.Purpose = null;
        Check(jit).Should().ContainKey("jit.purpose");
    }

    [Fact]
    public void Overlong_names_are_refused_with_the_field()
    {
        var jit = Amended();
        jit.Members![2].Name = new string('x', Limits.NameLength + 1);
        Check(jit).Keys.Should().Equal("jit.members[2].name");
    }
}
