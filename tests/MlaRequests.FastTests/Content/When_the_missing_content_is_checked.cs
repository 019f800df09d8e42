using System.Text.Json.Nodes;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Content;
using NodaTime;

namespace MlaRequests.FastTests.Content;

/// <summary>
/// The content issue 15 added, rule by rule on the shipped data: what each instrument now requires (with its article),
/// what it does not, the bounds every input keeps, and that content the previous release wrote submits as before.
/// </summary>
public sealed class When_the_missing_content_is_checked
{
    static readonly RequiredContentRules Rules = ContentData.RequiredContent;
    static readonly LocalDate Today = new(2026, 12, 7);

    static Dictionary<string, string[]> Bounds(RequestContent content) => ContentBounds.Problems(content, new InputLimits(), Today);

    [Fact]
    public void Under_UNTOC_the_request_says_why_the_Convention_applies_and_the_penalty_citing_Art_3_and_Art_2b()
    {
        var content = TestContent.AsPreviousRelease(TestContent.Complete(LegalBasis.Untoc));

        var missing = Rules.Missing(content);

        missing.Keys.Should().BeEquivalentTo("untocScope.ground", "untocScope.reasons", "penalty");
        missing["untocScope.ground"].Should().Equal(
            "Required (UNTOC Art. 3(1),(2) and Art. 18(1); Trafficking Protocol Art. 1(3): why the Convention applies).");
        missing["penalty"].Should().Equal("Required (UNTOC Art. 2(b): a serious crime is punishable by at least four years' deprivation of liberty).");
    }

    [Theory]
    [InlineData(LegalBasis.Minsk1993)]
    [InlineData(LegalBasis.Chisinau2002)]
    [InlineData(LegalBasis.BilateralTreaty)]
    [InlineData(LegalBasis.Reciprocity)]
    public void Content_the_previous_release_wrote_lacks_nothing_new_outside_UNTOC(LegalBasis basis) =>
        Rules.Missing(TestContent.AsPreviousRelease(TestContent.Complete(basis))).Should().BeEmpty();

    [Theory]
    [InlineData(LegalBasis.Untoc)]
    [InlineData(LegalBasis.Minsk1993)]
    [InlineData(LegalBasis.Chisinau2002)]
    [InlineData(LegalBasis.BilateralTreaty)]
    [InlineData(LegalBasis.Reciprocity)]
    public void The_signatory_the_contact_officer_and_the_procedural_status_never_block_a_submission(LegalBasis basis)
    {
        var content = TestContent.Complete(basis);
        content.Signatory = null;
        content.ContactOfficer = null;
        content.Persons.ForEach(p => p.ProceduralStatus = null);

        Rules.Missing(content).Should().BeEmpty();
    }

    [Fact]
    public void Under_Chisinau_a_legal_person_needs_bank_details_and_a_fiscal_code_citing_Art_7_1_d()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002);
        content.Persons.Add(new PersonConcerned { Role = PersonRole.Suspect, Kind = PersonKind.Legal, Name = "Silk Road Recruiting LLP", Seat = "Almaty" });

        var missing = Rules.Missing(content);

        missing.Keys.Should().BeEquivalentTo("persons[2].bankDetails", "persons[2].fiscalCode");
        missing["persons[2].fiscalCode"].Should().Equal("Required (Chisinau 2002 Art. 7(1)(d): bank details and fiscal codes of legal persons).");
    }

    [Theory]
    [InlineData(LegalBasis.Untoc)]
    [InlineData(LegalBasis.Minsk1993)]
    [InlineData(LegalBasis.BilateralTreaty)]
    [InlineData(LegalBasis.Reciprocity)]
    public void Bank_details_and_fiscal_codes_are_asked_only_under_Chisinau(LegalBasis basis)
    {
        var content = TestContent.Complete(basis);
        content.Persons.Add(new PersonConcerned { Role = PersonRole.Suspect, Kind = PersonKind.Legal, Name = "Silk Road Recruiting LLP", Seat = "Almaty" });

        Rules.Missing(content).Keys.Should().NotContain(k => k.EndsWith("bankDetails") || k.EndsWith("fiscalCode"));
    }

    [Theory]
    [InlineData(LegalBasis.Chisinau2002, "Required (Chisinau 2002 Art. 7(1)(e): representatives and their addresses).")]
    [InlineData(LegalBasis.Minsk1993, "Required (Minsk 1993 Art. 7(1)(e): names and addresses of representatives).")]
    public void Under_the_CIS_conventions_each_representative_named_needs_a_name_and_an_address(LegalBasis basis, string source)
    {
        var content = TestContent.Complete(basis);
        content.Persons[1].Representatives = [new Representative { Kind = RepresentativeKind.Lawyer, Name = "O. P." }, new Representative { Address = "Osh" }];

        var missing = Rules.Missing(content);

        missing.Keys.Should().BeEquivalentTo("persons[1].representatives[0].address", "persons[1].representatives[1].name");
        missing["persons[1].representatives[0].address"].Should().Equal(source);
    }

    [Fact]
    public void A_person_without_a_representative_lacks_none()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002);
        content.Persons.ForEach(p => p.Representatives = null);

        Rules.Missing(content).Should().BeEmpty();
    }

    [Theory]
    [InlineData(PersonRole.Suspect, ProceduralStatus.Suspect, true)]
    [InlineData(PersonRole.Suspect, ProceduralStatus.Accused, true)]
    [InlineData(PersonRole.Suspect, ProceduralStatus.Defendant, true)]
    [InlineData(PersonRole.Suspect, ProceduralStatus.Convicted, true)]
    [InlineData(PersonRole.Suspect, ProceduralStatus.CivilDefendant, true)]
    [InlineData(PersonRole.Suspect, ProceduralStatus.Victim, false)]
    [InlineData(PersonRole.Suspect, ProceduralStatus.Witness, false)]
    [InlineData(PersonRole.Suspect, ProceduralStatus.CivilClaimant, false)]
    [InlineData(PersonRole.Victim, ProceduralStatus.Victim, true)]
    [InlineData(PersonRole.Victim, ProceduralStatus.CivilClaimant, true)]
    [InlineData(PersonRole.Victim, ProceduralStatus.Accused, false)]
    [InlineData(PersonRole.Victim, ProceduralStatus.Witness, false)]
    [InlineData(PersonRole.Witness, ProceduralStatus.Witness, true)]
    [InlineData(PersonRole.Witness, ProceduralStatus.Suspect, false)]
    [InlineData(PersonRole.Witness, ProceduralStatus.Victim, false)]
    public void A_procedural_status_refines_the_role_and_never_contradicts_it(PersonRole role, ProceduralStatus status, bool fits)
    {
        var content = TestContent.Complete();
        content.Persons[0].Role = role;
        content.Persons[0].ProceduralStatus = status;

        PersonStatusRules.Fits(role, status).Should().Be(fits);
        if (fits)
            Bounds(content).Should().BeEmpty();
        else
            Bounds(content)["persons[0].proceduralStatus"].Single().Should().StartWith($"The status {status} does not fit the role {role}");
    }

    [Fact]
    public void Every_status_fits_some_role() =>
        Enum.GetValues<ProceduralStatus>().Should().OnlyContain(s => Enum.GetValues<PersonRole>().Any(r => PersonStatusRules.Fits(r, s)));

    [Theory]
    [InlineData("m.n@prokuror.kz", null)]
    [InlineData("m.n@", "contactOfficer.email")]
    [InlineData("no at sign", "contactOfficer.email")]
    [InlineData("a@b@c.kz", "contactOfficer.email")]
    public void The_contact_officer_s_e_mail_is_an_address(string email, string? problem)
    {
        var content = TestContent.Complete();
        content.ContactOfficer!.Email = email;

        Bounds(content).Keys.Should().BeEquivalentTo(problem is null ? [] : [problem]);
    }

    [Theory]
    [InlineData("+7 727 271-00-00", null)]
    [InlineData("+996 (312) 62 12 34", null)]
    [InlineData("call me", "contactOfficer.phone")]
    [InlineData("+7", "contactOfficer.phone")]
    [InlineData("+7 727 271 00 00 ext. 5", "contactOfficer.phone")]
    public void The_contact_officer_s_telephone_is_a_number(string phone, string? problem)
    {
        var content = TestContent.Complete();
        content.ContactOfficer!.Phone = phone;

        Bounds(content).Keys.Should().BeEquivalentTo(problem is null ? [] : [problem]);
    }

    [Fact]
    public void Every_new_text_is_bounded_and_every_new_list_and_code_checked()
    {
        var limits = new InputLimits();
        var name = new string('x', limits.NameLength + 1);
        var text = new string('x', limits.TextLength + 1);
        var content = TestContent.Complete();
        content.Persons[0].BankDetails = name;
        content.Persons[0].FiscalCode = name;
        content.Persons[0].Representatives = [new Representative { Name = name, Address = name }, null!, new Representative { Kind = (RepresentativeKind)9 }];
        content.Persons[1].ProceduralStatus = (ProceduralStatus)42;
        content.Signatory = new Signatory { Name = name, Function = name };
        content.ContactOfficer = new ContactOfficer { Name = name };
        content.UntocScope = new UntocScope { Ground = (UntocGround)7, Reasons = text };
        content.Penalty = text;
        content.Translations = [new Translation { Language = "ky", Country = "XX" }];

        Bounds(content).Keys.Should().BeEquivalentTo(
            "persons[0].bankDetails", "persons[0].fiscalCode", "persons[0].representatives[0].name", "persons[0].representatives[0].address",
            "persons[0].representatives[1]", "persons[0].representatives[2].kind", "persons[1].proceduralStatus",
            "signatory.name", "signatory.function", "contactOfficer.name", "untocScope.ground", "untocScope.reasons", "penalty",
            "translations[0].country");
    }

    [Fact]
    public void Too_many_representatives_are_refused()
    {
        var content = TestContent.Complete();
        content.Persons[0].Representatives = [.. Enumerable.Range(0, new InputLimits().ListItems + 1).Select(_ => new Representative())];

        Bounds(content).Keys.Should().Equal("persons[0].representatives");
    }

    [Fact]
    public void Content_the_previous_release_wrote_keeps_every_bound() =>
        Bounds(TestContent.AsPreviousRelease(TestContent.Complete(LegalBasis.Untoc))).Should().BeEmpty();

    [Fact]
    public void Content_without_the_new_fields_reads_as_the_previous_release_wrote_it()
    {
        var json = JsonNode.Parse(RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Chisinau2002)))!.AsObject();
        foreach (var key in new[] { "signatory", "contactOfficer", "untocScope", "penalty" })
            json.Remove(key);
        foreach (var person in json["persons"]!.AsArray())
        {
            foreach (var key in new[] { "proceduralStatus", "bankDetails", "fiscalCode", "representatives" })
                person!.AsObject().Remove(key);
        }

        var read = RequestContentJson.Deserialize(json.ToJsonString());

        read.Signatory.Should().BeNull();
        read.Penalty.Should().BeNull();
        read.Persons.Should().OnlyContain(p => p.Representatives == null && p.ProceduralStatus == null);
        Rules.Missing(read).Should().BeEmpty();
        Bounds(read).Should().BeEmpty();
    }
}
