using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Content;
using NodaTime;

namespace MlaRequests.FastTests.Content;

/// <summary>
/// "Where possible" is a warning, not a block (UNTOC Art. 18(15)(e), Minsk Art. 7(1)(d) births); "unknown" is a valid
/// answer; required content is evaluated per requested country with that country's basis.
/// </summary>
public sealed class When_details_are_asked_only_where_possible
{
    static readonly RequiredContentRules Rules = ContentData.RequiredContent;
    static readonly LocalDate Today = new(2026, 12, 7);

    [Fact]
    public void Under_UNTOC_a_missing_citizenship_warns_and_does_not_block()
    {
        var content = TestContent.Complete(LegalBasis.Untoc);
        content.Persons[1].Citizenship = null;

        var evaluation = Rules.Evaluate(content, "KZ");

        evaluation.Missing.Should().BeEmpty();
        evaluation.Warnings.Should().ContainSingle().Which.Should().Be(new ContentWarning("persons[1].citizenship",
            "Not given (UNTOC Art. 18(15)(e): nationality: where possible); state it unknown if the requesting side does not know it."));
    }

    [Fact]
    public void Under_Minsk_a_missing_birth_date_warns_but_a_missing_citizenship_blocks()
    {
        var content = TestContent.Complete(LegalBasis.Minsk1993, "UZ");
        content.Persons[0].DateOfBirth = null;
        content.Persons[0].Citizenship = null;

        var evaluation = Rules.Evaluate(content, "KZ");

        evaluation.Missing.Keys.Should().Equal("persons[0].citizenship");
        evaluation.Warnings.Select(w => w.Field).Should().Equal("persons[0].dateOfBirth");
    }

    [Fact]
    public void Under_Chisinau_a_birth_date_stated_unknown_satisfies_the_rule_and_is_shown_as_a_warning()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002);
        content.Persons[1].DateOfBirth = null;
        Rules.Evaluate(content, "KZ").Missing.Keys.Should().Equal("persons[1].dateOfBirth");

        content.Persons[1].Unknown = ["dateOfBirth"];
        var evaluation = Rules.Evaluate(content, "KZ");

        evaluation.Missing.Should().BeEmpty();
        evaluation.Warnings.Should().ContainSingle().Which.Should().Be(new ContentWarning("persons[1].dateOfBirth",
            "Stated unknown by the requesting side (Chisinau 2002 Art. 7(1)(d): date and place of birth)."));
    }

    [Fact]
    public void A_detail_both_given_and_stated_unknown_or_not_unknowable_is_a_bound()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002);
        content.Persons[0].Unknown = ["citizenship", "name"];

        var problems = ContentBounds.Problems(content, new InputLimits(), Today);

        problems.Keys.Should().BeEquivalentTo("persons[0].unknown[0]", "persons[0].unknown[1]");
        problems["persons[0].unknown[0]"].Should().Equal("'citizenship' is given and stated unknown; keep one.");
    }

    [Fact]
    public void The_text_of_the_law_is_required_by_Kazakhstan_s_code_for_Kazakhstan_s_requests_only()
    {
        var content = TestContent.Complete(LegalBasis.Untoc);
        content.LawText = null;

        Rules.Evaluate(content, "KZ").Missing.Keys.Should().Equal("lawText");
        Rules.Evaluate(content, "KG").Missing.Should().BeEmpty();
        Rules.Evaluate(content, "KZ").Missing["lawText"].Single().Should().Contain("CPC of the Republic of Kazakhstan");
    }

    [Fact]
    public void Each_country_is_checked_with_its_own_basis_and_the_request_needs_the_union()
    {
        var content = TestContent.Complete(LegalBasis.Untoc, "KG", "UZ");
        content.TargetBases = [new TargetBasis { Country = "KG", LegalBasis = LegalBasis.Chisinau2002 }, new TargetBasis { Country = "UZ", LegalBasis = LegalBasis.Minsk1993 }];
        content.Persons[0].PlaceOfBirth = null;
        content.OriginalLanguage = null;

        var evaluation = Rules.Evaluate(content, "KZ");

        evaluation.Missing.Keys.Should().BeEquivalentTo("persons[0].placeOfBirth", "originalLanguage");
        evaluation.Missing["persons[0].placeOfBirth"].Should().Equal("Required for KG (Chisinau 2002 Art. 7(1)(d): date and place of birth).");
        evaluation.Warnings.Should().BeEmpty("the same field required for KG is not also a warning for UZ");
    }

    [Fact]
    public void A_country_s_own_basis_is_named_by_its_entry_when_it_misses_its_treaty()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG", "UZ");
        content.TargetBases = [new TargetBasis { Country = "UZ", LegalBasis = LegalBasis.BilateralTreaty }];

        Rules.Evaluate(content, "KZ").Missing.Keys.Should().Equal("targetBases[0].treatyName");
    }

    [Fact]
    public void An_instrument_that_does_not_apply_is_refused_with_the_field_that_chose_it()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG", "UZ");
        content.TargetBases = [new TargetBasis { Country = "KG", LegalBasis = LegalBasis.Chisinau2002 }, new TargetBasis { Country = "UZ", LegalBasis = LegalBasis.Chisinau2002 }];

        var review = LegalBasisRules.Review(content, Rules, ContentData.Instruments, "KZ", Today);

        review.Missing.Keys.Should().Equal("targetBases[1].legalBasis");
        review.Missing["targetBases[1].legalBasis"].Single().Should().Contain("Uzbekistan is not a party");
    }

    [Fact]
    public void Spontaneous_information_naming_an_instrument_that_does_not_apply_only_warns()
    {
        var content = TestContent.Complete(LegalBasis.Minsk1993, "KG");
        content.Kind = RequestKind.SpontaneousInformation;

        var review = LegalBasisRules.Review(content, Rules, ContentData.Instruments, "KZ", Today);

        review.Missing.Should().BeEmpty("UNTOC Art. 18(4): spontaneous information is sent without a request");
        review.Warnings.Should().ContainSingle(w => w.Field == "legalBasis").Which.Message.Should().StartWith("The Minsk Convention does not apply");
        content.Kind = RequestKind.ClassicMla;
        LegalBasisRules.Review(content, Rules, ContentData.Instruments, "KZ", Today).Missing.Keys.Should().Equal("legalBasis");
    }

    [Fact]
    public void The_copy_for_each_country_carries_that_country_s_basis_at_request_level()
    {
        var content = TestContent.Complete(LegalBasis.Untoc, "KG", "UZ");
        content.TargetBases = [new TargetBasis { Country = "UZ", LegalBasis = LegalBasis.BilateralTreaty, TreatyName = "KZ-UZ treaty" }];

        var uz = content.ForTarget("UZ");
        var kg = content.ForTarget("KG");

        (uz.LegalBasis, uz.TreatyName, uz.TargetBases!.Single().Country).Should().Be((LegalBasis.BilateralTreaty, "KZ-UZ treaty", "UZ"));
        (kg.LegalBasis, kg.TreatyName, kg.TargetBases).Should().Be((LegalBasis.Untoc, (string?)null, (List<TargetBasis>?)null));
        content.LegalBasis.Should().Be(LegalBasis.Untoc, "the request itself is unchanged");
    }

    [Fact]
    public void Content_stored_before_per_country_bases_reads_as_before()
    {
        var stored = RequestContentJson.Deserialize("""{ "kind": "ClassicMla", "legalBasis": "Minsk1993", "targets": ["UZ"] }""");

        stored.TargetBases.Should().BeNull();
        stored.BasisFor("UZ").Should().Be(LegalBasis.Minsk1993);
        stored.ForTarget("UZ").LegalBasis.Should().Be(LegalBasis.Minsk1993);
    }
}
