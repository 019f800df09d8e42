using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Content;

namespace MlaRequests.FastTests.Content;

/// <summary>The rules behind submit's 400, on the data the node ships with (<see cref="ContentData.RequiredContent"/>).</summary>
public sealed class When_the_required_content_rules_are_read
{
    static readonly RequiredContentRules Rules = ContentData.RequiredContent;

    [Theory]
    [InlineData(LegalBasis.Untoc)]
    [InlineData(LegalBasis.Minsk1993)]
    [InlineData(LegalBasis.Chisinau2002)]
    [InlineData(LegalBasis.BilateralTreaty)]
    [InlineData(LegalBasis.Reciprocity)]
    public void Complete_content_misses_nothing_under_any_basis(LegalBasis basis) =>
        Rules.Missing(TestContent.Complete(basis)).Should().BeEmpty();

    [Fact]
    public void Each_person_without_a_birth_date_is_named_with_the_article_requiring_it()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002);
        content.Persons.ForEach(p => p.DateOfBirth = null);

        var missing = Rules.Missing(content);

        missing.Keys.Should().BeEquivalentTo("persons[0].dateOfBirth", "persons[1].dateOfBirth");
        missing["persons[1].dateOfBirth"].Should().Equal("Required (Chisinau 2002 Art. 7(1)(d): date and place of birth).");
    }

    [Fact]
    public void The_same_content_lacks_a_birth_date_only_under_Chisinau()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002);
        content.Persons[0].DateOfBirth = null;

        foreach (var basis in Enum.GetValues<LegalBasis>().Where(b => b != LegalBasis.Chisinau2002))
        {
            var other = TestContent.Complete(basis);
            other.Persons[0].DateOfBirth = null;
            Rules.Missing(other).Should().BeEmpty("{0} does not ask for a date of birth", basis);
        }
        Rules.Missing(content).Keys.Should().Equal("persons[0].dateOfBirth");
    }

    [Fact]
    public void A_legal_person_needs_a_name_seat_bank_details_and_fiscal_code_but_no_birth_citizenship_or_occupation()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002);
        content.Persons = [new PersonConcerned { Role = PersonRole.Suspect, Kind = PersonKind.Legal }];

        Rules.Missing(content).Keys.Should().BeEquivalentTo("persons[0].name", "persons[0].seat", "persons[0].bankDetails", "persons[0].fiscalCode");
    }

    [Fact]
    public void A_field_two_rules_require_lists_both_sources()
    {
        var content = TestContent.Complete(LegalBasis.Minsk1993);
        content.Kind = RequestKind.ParallelInvestigation;
        content.OffenceQualification = null;

        Rules.Missing(content)["offenceQualification"].Should().Equal(
            "Required (Minsk 1993 Art. 7(1)(g): the qualification of the offence).",
            "Required (design choice: each state investigates the offence under its own law).");
    }

    [Fact]
    public void Spontaneous_information_waives_the_measures_even_where_the_basis_requires_them()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002);
        content.Kind = RequestKind.SpontaneousInformation;
        content.Measures = [new MeasureRequested { Type = MeasureType.Other }];
        content.RequestedAuthority = null;
        content.EvidencePurpose = null;

        Rules.Missing(content).Should().BeEmpty("measures[0].description and requestedAuthority are waived for spontaneous information");
        Rules.For(content).Select(r => r.Field).Should().NotContain(["measures", "measures[].description", "requestedAuthority", "evidencePurpose"]);
    }

    [Fact]
    public void A_JIT_proposal_needs_its_purpose_and_period_instead_of_measures()
    {
        var content = TestContent.Complete(LegalBasis.Untoc);
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Measures = [];
        content.Jit = new JitProposal { Purpose = "Dismantle the network" };

        Rules.Missing(content).Keys.Should().BeEquivalentTo("jit.startsOn", "jit.endsOn");
    }

    [Fact]
    public void Flags_add_their_fields_only_when_set()
    {
        var content = TestContent.Complete(LegalBasis.Untoc);
        Rules.For(content).Select(r => r.Field).Should().NotContain(["urgencyReasons", "limitsOnUse", "translations[].translator"]);

        content.Urgent = true;
        content.Confidential = true;
        content.Translations = [new Translation { Language = "ky", Translator = "A. Translator" }];

        Rules.Missing(content).Keys.Should().BeEquivalentTo("urgencyReasons", "limitsOnUse", "translations[0].certifiedOn");
    }

    [Fact]
    public void A_typo_in_the_rules_data_is_refused_rather_than_dropping_the_rule()
    {
        var act = () => RequiredContentRules.Parse("""{ "always": [ { "field": "persons[].dateOfBrith", "source": "typo" } ] }""");

        act.Should().Throw<InvalidDataException>().WithMessage("*persons[].dateOfBrith*");
    }

    [Fact]
    public void An_unknown_condition_in_the_rules_data_is_refused()
    {
        var act = () => RequiredContentRules.Parse("""{ "conditional": { "secret": [ { "field": "limitsOnUse", "source": "x" } ] } }""");

        act.Should().Throw<InvalidDataException>().WithMessage("*secret*");
    }
}
