using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using UglyToad.PdfPig;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Incoming;

/// <summary>
/// The requested side sees everything the requesting side sent (issue 16): the API returns it, the incoming case page lays it out in sections
/// and tables in English and Russian, under the child-victim rules for each role, and the requested side prints the same letter.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_requested_side_reads_the_whole_request(ApiNode api) : IClassFixture<ApiNode>
{
    const string Executor = "kz.executor";
    const string OtherExecutor = "kz.executor2";
    const string Administrator = "kz.admin";
    const string ChildName = "Child Victim Name";

    RequestContent Everything()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.Measures.Add(new MeasureRequested
        {
            Type = MeasureType.Hearing, Description = "Hear the victim on the recruitment", Procedure = "interview in the presence of a psychologist",
        });
        content.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Suspect, Kind = PersonKind.Legal, Name = "Silk Road Jobs LLP", Seat = "45 Dostyk Avenue, Almaty",
            BankDetails = "KZ12 3456 7890 1234 5678, Halyk Bank", FiscalCode = "BIN 180840012345", ProceduralStatus = ProceduralStatus.CivilDefendant,
        });
        content.Persons[0].InPretrialDetention = true;
        content.Persons.Add(new PersonConcerned { Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = "O. P.", PossibleMinor = true, Citizenship = "KZ" });
        content.Urgent = true;
        content.UrgencyReasons = "The accused is held in pre-trial detention until 30 June.";
        content.DesiredDate = new LocalDate(2026, 6, 15);
        content.Confidential = true;
        content.LimitsOnUse = "Only for criminal case ALM-2026-4411.";
        content.Translations = [new Translation { Language = "ky", Translator = "R. S., sworn translator", CertifiedOn = new LocalDate(2026, 5, 1), Country = "KZ" }];
        return content;
    }

    RequestContent WithChild()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = ChildName, Citizenship = "KZ", DateOfBirth = api.Today.PlusYears(-12),
            PlaceOfBirth = "Shymkent", Residence = "Almaty",
            Representatives = [new Representative { Kind = RepresentativeKind.LegalRepresentative, Name = "Parent Name", Address = "Parent Address" }],
        });
        return content;
    }

    [Fact]
    public async Task The_API_returns_every_item_sent()
    {
        var id = await api.ReceiveFromKg(Everything(), urgent: true);

        var content = (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("content");

        content.GetProperty("conductingAuthority").GetProperty("name").GetString().Should().Be("Almaty City Police Department");
        content.GetProperty("requestedAuthority").GetString().Should().Be("General Prosecutor's Office (central authority)");
        content.GetProperty("lawText").GetString().Should().StartWith("Article 128.");
        content.GetProperty("measures")[1].GetProperty("procedure").GetString().Should().Be("interview in the presence of a psychologist");
        var company = content.GetProperty("persons")[2];
        (company.GetProperty("seat").GetString(), company.GetProperty("bankDetails").GetString(), company.GetProperty("fiscalCode").GetString())
            .Should().Be(("45 Dostyk Avenue, Almaty", "KZ12 3456 7890 1234 5678, Halyk Bank", "BIN 180840012345"));
        content.GetProperty("persons")[0].GetProperty("inPretrialDetention").GetBoolean().Should().BeTrue();
        content.GetProperty("persons")[3].GetProperty("possibleMinor").GetBoolean().Should().BeTrue();
        content.GetProperty("urgencyReasons").GetString().Should().Contain("pre-trial detention");
        content.GetProperty("desiredDate").GetString().Should().Be("2026-06-15");
        content.GetProperty("limitsOnUse").GetString().Should().Be("Only for criminal case ALM-2026-4411.");
        content.GetProperty("translations")[0].GetProperty("translator").GetString().Should().Be("R. S., sworn translator");
        content.GetProperty("signatory").GetProperty("name").GetString().Should().Be("K. L.");
        content.GetProperty("contactOfficer").GetProperty("email").GetString().Should().Be("m.n@prokuror.example.kz");
    }

    [Fact]
    public async Task The_page_lays_out_each_section_in_English()
    {
        var id = await api.ReceiveFromKg(Everything(), urgent: true);
        var page = await WebPages.GetAsync(await WebPages.SignInAsync(api, Liaison), $"/Incoming/{id}", "en");

        Section(page, "content-authorities").Should().Contain("<h3>Authorities</h3>").And.Contain("Prosecutor's Office of Almaty, Department for combating human trafficking")
            .And.Contain("Almaty City Police Department, Senior investigator").And.Contain("General Prosecutor's Office (central authority)");
        Section(page, "content-case").Should().Contain("ALM-2026-4411").And.Contain("Chisinau Convention 2002").And.Contain("Legal basis for this country");
        Section(page, "content-offence").Should().Contain("Text of the law").And.Contain("Article 128. Trafficking in persons")
            .And.Contain("Deprivation of liberty from 7 to 12 years");
        Section(page, "content-measures").Should().Contain("<th scope=\"col\">Procedure</th>").And.Contain("interview in the presence of a psychologist")
            .And.Contain("Hear the witness E. F. on the recruitment");
        Section(page, "content-persons").Should().Contain("Silk Road Jobs LLP").And.Contain("seat: 45 Dostyk Avenue, Almaty")
            .And.Contain("KZ12 3456 7890 1234 5678, Halyk Bank").And.Contain("BIN 180840012345").And.Contain("data-flag=\"detention\"")
            .And.Contain("data-flag=\"possible-minor\"").And.Contain("Accused").And.Contain("Lawyer: G. H., advocate, 12 Abay Avenue, Almaty")
            .And.Contain("born: 1985-04-02");
        Section(page, "content-purpose").Should().Contain("Prove the recruitment scheme and identify the organisers");
        Section(page, "content-urgency").Should().Contain("The accused is held in pre-trial detention until 30 June.").And.Contain("2026-06-15");
        Section(page, "content-confidentiality").Should().Contain("Confidential").And.Contain("Only for criminal case ALM-2026-4411.");
        Section(page, "content-languages").Should().Contain("ru").And.Contain("ky (Kazakhstan), Translator: R. S., sworn translator");
        Section(page, "content-signature").Should().Contain("K. L., Deputy Prosecutor of Almaty").And.Contain("M. N., +7 727 271 00 00, m.n@prokuror.example.kz");
        page.Should().Contain("id=\"detention-badge\"").And.Contain("id=\"child-victim-badge\"").And.Contain("class=\"badge urgent\">Urgent</span>")
            .And.Contain($"/api/incoming/{id}/letter?lang=ru");
    }

    [Fact]
    public async Task The_page_reads_in_Russian()
    {
        var id = await api.ReceiveFromKg(Everything(), urgent: true);
        var page = await WebPages.GetAsync(await WebPages.SignInAsync(api, Liaison), $"/Incoming/{id}", "ru");

        page.Should().Contain("<h3>Органы</h3>").And.Contain("Обстоятельства дела и квалификация деяния").And.Contain("Текст закона")
            .And.Contain("Порядок производства").And.Contain("Допрос").And.Contain("Обвиняемый").And.Contain("содержится под стражей")
            .And.Contain("Причины срочности").And.Contain("Конфиденциально").And.Contain("Подписавшее лицо и контактное лицо")
            .And.Contain("Номер нашего производства").And.Contain("Лицо под стражей");
    }

    [Theory]
    [InlineData(Liaison, true)]
    [InlineData(Supervisor, false)]
    [InlineData(Administrator, false)]
    public async Task A_child_victim_s_identity_is_shown_only_to_those_who_handle_the_case(string user, bool sees)
    {
        var id = await api.ReceiveFromKg(WithChild());

        var api_ = await api.As(user);
        var shown = await api_.GetAsync($"/api/incoming/{id}");
        var page = await WebPages.GetAsync(await WebPages.SignInAsync(api, user), $"/Incoming/{id}", "en");

        shown.GetProperty("contentRestricted").GetBoolean().Should().Be(!sees);
        page.Should().Contain("id=\"child-victim-badge\"");
        if (sees)
            page.Should().Contain(ChildName).And.Contain("Parent Name").And.Contain("Shymkent").And.NotContain("A child victim's identifying data is restricted.");
        else
            page.Should().NotContain(ChildName).And.NotContain("Parent Name").And.NotContain("Shymkent").And.NotContain("Parent Address")
                .And.Contain("A child victim's identifying data is restricted.").And.Contain("[restricted: child victim]");
    }

    [Fact]
    public async Task The_executor_assigned_sees_the_child_and_another_executor_gets_404()
    {
        var id = await api.ReceiveFromKg(WithChild());
        var liaison = await api.As(Liaison);
        await liaison.StepAsync($"/api/incoming/{id}/register", new { fileNumber = "KZ-GP 2-18/26" });
        await api.Node.IncomingIn(id, "Registered");
        await liaison.StepAsync($"/api/incoming/{id}/assign", new { assignee = Executor });
        await api.Node.IncomingIn(id, "Assigned");

        (await WebPages.GetAsync(await WebPages.SignInAsync(api, Executor), $"/Incoming/{id}", "en")).Should().Contain(ChildName);
        (await LetterText(Executor, id, "en")).Should().Contain(ChildName);
        await WebPages.GetAsync(await WebPages.SignInAsync(api, OtherExecutor), $"/Incoming/{id}", "en", HttpStatusCode.NotFound);
        (await (await api.As(OtherExecutor)).Client.GetAsync($"/api/incoming/{id}/letter")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_requested_side_prints_the_same_letter_in_both_languages()
    {
        var id = await api.ReceiveFromKg(Everything(), urgent: true);
        var remote = (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("remoteReference").GetString()!;

        (await LetterText(Liaison, id, "en")).Should().Contain(remote).And.Contain("Request for mutual legal assistance in a criminal matter")
            .And.Contain("Almaty City Police Department").And.Contain("interview in the presence of a psychologist").And.Contain("Silk Road Jobs LLP")
            .And.Contain("BIN 180840012345").And.Contain("Only for criminal case ALM-2026-4411.").And.Contain("K. L., Deputy Prosecutor of Almaty");
        (await LetterText(Liaison, id, "ru")).Should().Contain("Запрос о правовой помощи по уголовному делу").And.Contain(remote).And.Contain("Срочно");
    }

    [Fact]
    public async Task The_letter_leaves_a_child_out_for_a_supervisor_and_each_print_is_audited()
    {
        var id = await api.ReceiveFromKg(WithChild());
        var before = await api.Node.Query(db => db.AuditEntries.CountAsync(e => e.Subject == $"/api/incoming/{id}"));

        (await LetterText(Supervisor, id, "en")).Should().NotContain(ChildName).And.NotContain("Parent Name").And.Contain("[restricted: child victim]");
        (await LetterText(Liaison, id, "ru")).Should().Contain(ChildName);

        var rows = await api.Node.Query(db => db.AuditEntries.Where(e => e.Subject == $"/api/incoming/{id}").OrderBy(e => e.Sequence).ToListAsync());
        rows.Skip(before).Select(e => (e.Actor, e.Action)).Should().Equal((Supervisor, "print the letter of request (en)"), (Liaison, "print the letter of request (ru)"));
    }

    [Fact]
    public async Task A_prosecutor_gets_403_an_unknown_case_404_and_an_unknown_language_400()
    {
        var id = await api.ReceiveFromKg();

        (await (await api.As(Prosecutor)).Client.GetAsync($"/api/incoming/{id}/letter")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await api.As(Liaison)).Client.GetAsync($"/api/incoming/{Guid.NewGuid()}/letter")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var wrong = await (await api.As(Liaison)).Client.GetAsync($"/api/incoming/{id}/letter?lang=de");
        (await wrong.ErrorFieldsAsync()).Should().Equal("lang");
    }

    async Task<string> LetterText(string user, Guid id, string lang)
    {
        var response = await (await api.As(user)).Client.GetAsync($"/api/incoming/{id}/letter?lang={lang}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    static string Section(string page, string id)
    {
        var start = page.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the page has the section {0}", id);
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}
