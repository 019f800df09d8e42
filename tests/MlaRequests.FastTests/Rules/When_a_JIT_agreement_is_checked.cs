using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using NodaTime;

namespace MlaRequests.FastTests.Rules;

public sealed class When_a_JIT_agreement_is_checked
{
    static readonly string[] Targets = ["KG", "TJ"];

    static JitProposal Agreement() => new()
    {
        Purpose = "Dismantle the recruitment network",
        StartsOn = new LocalDate(2026, 7, 1),
        EndsOn = new LocalDate(2027, 6, 30),
        Arrangements = "Evidence shared directly between the leaders.",
        Members =
        [
            new() { Country = "KZ", Name = "A. Bekova", Function = "Senior prosecutor", Authority = "Prosecutor General's Office", Leader = true },
            new() { Country = "KG", Name = "B. Asanov", Function = "Prosecutor", Authority = "Prosecutor General's Office", Leader = true },
            new() { Country = "TJ", Name = "C. Rahimov", Function = "Investigator", Authority = "Ministry of Internal Affairs", Leader = true },
            new() { Country = "TJ", Name = "D. Nazarov", Function = "Investigator", Authority = "Ministry of Internal Affairs" },
        ],
    };

    [Fact]
    public void A_complete_agreement_with_a_leader_per_party_has_no_problem()
    {
        JitAgreementRules.Problems(Agreement(), "KZ", Targets).Should().BeEmpty();
        JitAgreementRules.Parties("KZ", Targets).Should().Equal("KZ", "KG", "TJ");
    }

    [Fact]
    public void A_proposal_without_an_agreement_names_every_field_it_needs()
    {
        JitAgreementRules.Problems(null, "KZ", Targets).Keys
            .Should().BeEquivalentTo("jit.purpose", "jit.startsOn", "jit.endsOn", "jit.arrangements", "jit.members");
    }

    [Fact]
    public void A_member_s_missing_name_function_or_authority_is_named_by_its_index()
    {
        var jit = Agreement();
        jit.Members![3].Name = " ";
        jit.Members[3].Function = null;
        jit.Members[1].Authority = "";

        JitAgreementRules.Problems(jit, "KZ", Targets).Keys
            .Should().BeEquivalentTo("jit.members[3].name", "jit.members[3].function", "jit.members[1].authority");
    }

    [Fact]
    public void A_party_without_a_leader_is_named()
    {
        var jit = Agreement();
        jit.Members![2].Leader = false;

        var problems = JitAgreementRules.Problems(jit, "KZ", Targets);

        problems.Keys.Should().Equal("jit.members");
        problems["jit.members"].Single().Should().Contain("TJ");
    }

    [Fact]
    public void A_member_of_a_country_that_is_not_a_party_and_a_second_leader_are_refused_even_in_a_draft()
    {
        var jit = Agreement();
        jit.Members![3].Country = "UZ";
        jit.Members.Add(new() { Country = "KZ", Name = "E. Serikov", Function = "Prosecutor", Authority = "Prosecutor General's Office", Leader = true });

        var problems = JitAgreementRules.ShapeProblems(jit, "KZ", Targets);

        problems.Keys.Should().BeEquivalentTo("jit.members[3].country", "jit.members");
        problems["jit.members[3].country"].Single().Should().Contain("UZ").And.Contain("KZ, KG, TJ");
        problems["jit.members"].Single().Should().Contain("KZ");
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused_on_the_end_date()
    {
        var jit = Agreement();
        jit.EndsOn = new LocalDate(2026, 6, 30);

        JitAgreementRules.Problems(jit, "KZ", Targets).Keys.Should().Equal("jit.endsOn");
    }

    [Fact]
    public void A_draft_without_members_has_no_shape_problem()
    {
        JitAgreementRules.ShapeProblems(new JitProposal { Purpose = "Draft" }, "KZ", Targets).Should().BeEmpty();
    }
}
