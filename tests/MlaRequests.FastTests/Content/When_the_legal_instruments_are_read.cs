using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Workflows.Content;
using NodaTime;

namespace MlaRequests.FastTests.Content;

/// <summary>Which instrument applies between two states (legal-instruments.json), entry by entry, on the data the node ships with.</summary>
public sealed class When_the_legal_instruments_are_read
{
    static readonly InstrumentTable Table = ContentData.Instruments;
    static readonly LocalDate Today = new(2026, 12, 7);

    [Theory]
    // UNTOC: all five states are parties.
    [InlineData(LegalBasis.Untoc, "KZ", "KG", true)]
    [InlineData(LegalBasis.Untoc, "KZ", "TJ", true)]
    [InlineData(LegalBasis.Untoc, "KZ", "TM", true)]
    [InlineData(LegalBasis.Untoc, "KZ", "UZ", true)]
    [InlineData(LegalBasis.Untoc, "KG", "UZ", true)]
    [InlineData(LegalBasis.Untoc, "TM", "UZ", true)]
    // Minsk 1993: between a Chisinau party and a state that is not, and between two non-parties of Chisinau.
    [InlineData(LegalBasis.Minsk1993, "KZ", "UZ", true)]
    [InlineData(LegalBasis.Minsk1993, "KZ", "TM", true)]
    [InlineData(LegalBasis.Minsk1993, "KG", "UZ", true)]
    [InlineData(LegalBasis.Minsk1993, "UZ", "TM", true)]
    // ... but not between two Chisinau parties (Chisinau Art. 120-121).
    [InlineData(LegalBasis.Minsk1993, "KZ", "KG", false)]
    [InlineData(LegalBasis.Minsk1993, "KG", "KZ", false)]
    // Chisinau 2002: KZ and KG ratified; UZ and TM are not parties.
    [InlineData(LegalBasis.Chisinau2002, "KZ", "KG", true)]
    [InlineData(LegalBasis.Chisinau2002, "KZ", "UZ", false)]
    [InlineData(LegalBasis.Chisinau2002, "KG", "TM", false)]
    // Tajikistan's Chisinau status is unverified: a warning, never a block, either way.
    [InlineData(LegalBasis.Chisinau2002, "KZ", "TJ", true)]
    [InlineData(LegalBasis.Minsk1993, "KZ", "TJ", true)]
    // Reciprocity and bilateral treaties: between any two states.
    [InlineData(LegalBasis.Reciprocity, "KZ", "KG", true)]
    [InlineData(LegalBasis.Reciprocity, "UZ", "TM", true)]
    [InlineData(LegalBasis.BilateralTreaty, "KZ", "UZ", true)]
    public void Each_pair_of_states_has_the_instruments_its_parties_ratified(LegalBasis basis, string requesting, string requested, bool applies) =>
        Table.Check(basis, requesting, requested, Today, "A treaty").Applies.Should().Be(applies);

    [Fact]
    public void Minsk_between_Kazakhstan_and_Kyrgyzstan_is_refused_with_a_reason_a_prosecutor_understands() =>
        Table.Check(LegalBasis.Minsk1993, "KZ", "KG", Today).Problem.Should().Be(
            "The Minsk Convention does not apply between Kazakhstan and Kyrgyzstan: the Chisinau Convention replaces it between its parties "
            + "(Chisinau 2002 Art. 120-121; CIS Economic Court advisory opinion of 2024 on Minsk Art. 84 / Chisinau Art. 121).");

    [Fact]
    public void Chisinau_towards_Uzbekistan_names_the_state_that_is_not_a_party() =>
        Table.Check(LegalBasis.Chisinau2002, "KZ", "UZ", Today).Problem.Should().StartWith(
            "The Chisinau Convention does not apply between Kazakhstan and Uzbekistan: Uzbekistan is not a party to it");

    [Fact]
    public void Tajikistan_s_unverified_Chisinau_entry_warns_both_ways()
    {
        Table.Check(LegalBasis.Chisinau2002, "KZ", "TJ", Today).Warnings.Should().ContainSingle().Which.Should().StartWith("Tajikistan's status under the Chisinau Convention is not verified");
        Table.Check(LegalBasis.Minsk1993, "KZ", "TJ", Today).Warnings.Should().ContainSingle().Which.Should().StartWith("The Chisinau Convention may replace the Minsk Convention");
        Table[LegalBasis.Chisinau2002].Parties!.Single(p => p.Country == "TJ").Verified.Should().BeFalse();
    }

    [Fact]
    public void Every_party_entry_has_a_source_and_only_Tajikistan_s_Chisinau_entry_is_unverified()
    {
        var entries = Table.Instruments.SelectMany(i => (i.Parties ?? []).Select(p => (i.Basis, p))).ToList();
        entries.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e.p.Source));
        entries.Where(e => !e.p.Verified).Select(e => $"{e.Basis} {e.p.Country}").Should().Equal("Chisinau2002 TJ");
        Table[LegalBasis.Untoc].Parties!.Select(p => p.Country).Should().BeEquivalentTo("KZ", "KG", "TJ", "TM", "UZ");
        Table[LegalBasis.Minsk1993].ReplacedBy!.Basis.Should().Be(LegalBasis.Chisinau2002);
    }

    [Theory]
    [InlineData("KZ", "2008-08-29", false)]
    [InlineData("KZ", "2008-08-30", true)]
    [InlineData("UZ", "2004-01-07", false)]
    [InlineData("UZ", "2004-01-08", true)]
    public void UNTOC_applies_from_its_entry_into_force_for_both_states(string country, string date, bool applies)
    {
        var on = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        var check = Table.Check(LegalBasis.Untoc, "KG", country, on);
        check.Applies.Should().Be(applies);
        if (!applies)
            check.Problem.Should().Contain("in force for").And.Contain(country == "KZ" ? "Kazakhstan from 2008-08-30" : "Uzbekistan from 2004-01-08");
    }

    [Fact]
    public void Before_Chisinau_was_in_force_Minsk_still_applied_between_Kazakhstan_and_Kyrgyzstan() =>
        Table.Check(LegalBasis.Minsk1993, "KZ", "KG", new LocalDate(2004, 1, 1)).Applies.Should().BeTrue();

    [Fact]
    public void A_treaty_the_table_does_not_list_is_a_warning_and_a_listed_one_is_not()
    {
        Table.Check(LegalBasis.BilateralTreaty, "KZ", "KG", Today, "Treaty X").Warnings.Should().ContainSingle().Which.Should().Contain("'Treaty X' is not in the table");
        var listed = InstrumentTable.Parse(Data(treaties: """[ { "name": "Treaty X", "countries": ["KZ", "KG"], "inForceFrom": "2000-01-01", "source": "s", "verified": true } ]"""));
        listed.Check(LegalBasis.BilateralTreaty, "KZ", "KG", Today, "treaty x").Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "basis": "Untoc", "name": "U", "source": "s", "parties": [ { "country": "XX", "inForceFrom": "2000-01-01", "source": "s", "verified": true } ] }""", "XX")]
    [InlineData("""{ "basis": "Untoc", "name": "U", "source": "s", "parties": [ { "country": "KZ", "inForceFrom": "2000-01-01", "verified": true } ] }""", "source")]
    [InlineData("""{ "basis": "Untoc", "name": "U", "source": "s", "parties": [ { "country": "KZ", "inForceFrom": "1 May", "source": "s", "verified": true } ] }""", "ISO date")]
    public void A_defect_in_the_table_is_refused_with_what_is_wrong(string untoc, string expected)
    {
        var act = () => InstrumentTable.Parse(Data(untoc: untoc));
        act.Should().Throw<InvalidDataException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void A_table_without_every_legal_basis_is_refused() =>
        ((Action)(() => InstrumentTable.Parse("""{ "instruments": [] }"""))).Should().Throw<InvalidDataException>().WithMessage("*no entry for*");

    static string Data(string? untoc = null, string treaties = "[]") => $$"""
        { "instruments": [
            {{untoc ?? """{ "basis": "Untoc", "name": "U", "source": "s" }"""}},
            { "basis": "Minsk1993", "name": "M", "source": "s" },
            { "basis": "Chisinau2002", "name": "C", "source": "s" },
            { "basis": "BilateralTreaty", "name": "B", "source": "s" },
            { "basis": "Reciprocity", "name": "R", "source": "s" } ],
          "treaties": {{treaties}} }
        """;
}
