using MlaRequests.Domain.Requests;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.FastTests.Content;

/// <summary>
/// Priority (issue 15; DOMAIN.md "Deadline clocks"): a person in pre-trial detention or a victim who is or may be a minor
/// makes the request urgent; a flagged possible minor is protected as a child by date of birth is.
/// </summary>
public sealed class When_a_request_has_priority
{
    static readonly LocalDate Today = new(2026, 12, 7);

    static RequestContent Plain() => TestContent.Complete(LegalBasis.Chisinau2002, "KG");

    [Fact]
    public void Neither_flag_changes_nothing()
    {
        var content = Plain();
        content.Persons[1].Role = PersonRole.Victim;

        content.IsPriority(Today).Should().BeFalse("an adult victim, nobody detained, not marked urgent");
        content.HasChildVictim(Today).Should().BeFalse();
        content.HasDetainedPerson().Should().BeFalse();
        ChildProtection.Redact(content, Today).Persons[1].Name.Should().Be(content.Persons[1].Name);
    }

    [Fact]
    public void A_person_in_pre_trial_detention_makes_it_urgent_and_restricts_nothing()
    {
        var content = Plain();
        content.Persons[0].InPretrialDetention = true;

        content.IsPriority(Today).Should().BeTrue();
        content.HasChildVictim(Today).Should().BeFalse("detention is not child protection");
        ChildProtection.Redact(content, Today).Persons[0].Name.Should().Be(content.Persons[0].Name);
    }

    [Fact]
    public void Detention_stated_false_is_not_priority()
    {
        var content = Plain();
        content.Persons[0].InPretrialDetention = false;

        content.IsPriority(Today).Should().BeFalse();
    }

    [Fact]
    public void A_possible_minor_without_a_birth_date_makes_it_urgent_and_restricts_the_data()
    {
        var content = Plain();
        content.Persons[1].Role = PersonRole.Victim;
        content.Persons[1].DateOfBirth = null;
        content.Persons[1].PossibleMinor = true;

        content.IsPriority(Today).Should().BeTrue();
        content.HasChildVictim(Today).Should().BeTrue("the badge and the restriction follow the flag");
        var redacted = ChildProtection.Redact(content, Today).Persons[1];
        redacted.Name.Should().Be(ChildProtection.Restricted);
        redacted.PlaceOfBirth.Should().Be(ChildProtection.Restricted);
        redacted.PossibleMinor.Should().BeTrue("the flag itself identifies nobody");
    }

    [Fact]
    public void A_possible_minor_flag_wins_over_an_adult_birth_date()
    {
        var content = Plain();
        content.Persons[1].Role = PersonRole.Victim;
        content.Persons[1].PossibleMinor = true;

        content.Persons[1].IsChildOn(Today).Should().BeFalse("by the stated date the victim is adult");
        content.HasChildVictim(Today).Should().BeTrue("the age is disputed: protect as a child");
    }

    [Theory]
    [InlineData(PersonRole.Witness, PersonKind.Natural)]
    [InlineData(PersonRole.Suspect, PersonKind.Natural)]
    [InlineData(PersonRole.Victim, PersonKind.Legal)]
    public void The_possible_minor_flag_counts_for_a_natural_victim_only(PersonRole role, PersonKind kind)
    {
        var content = Plain();
        (content.Persons[1].Role, content.Persons[1].Kind, content.Persons[1].PossibleMinor) = (role, kind, true);

        content.HasChildVictim(Today).Should().BeFalse();
        content.IsPriority(Today).Should().BeFalse();
    }

    [Fact]
    public void Content_of_the_previous_release_reads_without_the_flags_and_keeps_its_meaning()
    {
        var json = RequestContentJson.Serialize(Plain());
        json.Should().NotContain("inPretrialDetention\":true");
        json.Should().NotContain("hasDetainedPerson", "a derived rule is not content: it would be stored, sent and offered in the API");

        var read = RequestContentJson.Deserialize(json.Replace("\"inPretrialDetention\":null,", "", StringComparison.Ordinal)
            .Replace("\"possibleMinor\":null,", "", StringComparison.Ordinal));

        read.Persons.Should().OnlyContain(p => p.InPretrialDetention == null && p.PossibleMinor == null);
        read.IsPriority(Today).Should().BeFalse();
    }

    [Fact]
    public void The_flags_cross_the_border_in_the_content()
    {
        var content = Plain();
        (content.Persons[0].InPretrialDetention, content.Persons[1].PossibleMinor) = (true, true);

        var sent = content.ForTarget("KG");

        sent.Persons[0].InPretrialDetention.Should().BeTrue();
        sent.Persons[1].PossibleMinor.Should().BeTrue();
    }
}
