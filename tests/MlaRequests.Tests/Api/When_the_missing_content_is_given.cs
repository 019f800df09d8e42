using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using UglyToad.PdfPig;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The content issue 15 added, through the API and the pages: saved and shown, sent to the requested country and shown
/// there, bounded (400 naming the field, nothing created), required per instrument on submit, the languages each
/// requested state accepts checked on submit, and content the previous release wrote still read and submitted.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_missing_content_is_given(ApiNode api) : IClassFixture<ApiNode>
{
    const string BankDetails = "KZ86 125K ZT50 0410 0100, Halyk Bank";
    const string FiscalCode = "BIN 120340012345";

    static RequestContent WithCompany(RequestContent content)
    {
        content.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Suspect, Kind = PersonKind.Legal, Name = "Silk Road Recruiting LLP", Seat = "Almaty, 5 Dostyk Street",
            BankDetails = BankDetails, FiscalCode = FiscalCode, ProceduralStatus = ProceduralStatus.CivilDefendant,
        });
        return content;
    }

    [Fact]
    public async Task The_new_fields_are_saved_shown_and_sent_to_the_requested_country()
    {
        var prosecutor = await api.As(Prosecutor);
        var id = await api.RequestIn("Approved", WithCompany(TestContent.Complete(LegalBasis.Untoc, "KG")));

        var shown = (await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("content");
        shown.GetProperty("signatory").GetProperty("function").GetString().Should().Be("Deputy Prosecutor of Almaty");
        shown.GetProperty("contactOfficer").GetProperty("email").GetString().Should().Be("m.n@prokuror.example.kz");
        shown.GetProperty("untocScope").GetProperty("ground").GetString().Should().Be("TraffickingProtocol");
        shown.GetProperty("penalty").GetString().Should().StartWith("Deprivation of liberty from 7 to 12 years");
        shown.GetProperty("persons")[0].GetProperty("proceduralStatus").GetString().Should().Be("Accused");
        shown.GetProperty("persons")[0].GetProperty("representatives")[0].GetProperty("address").GetString().Should().Be("12 Abay Avenue, Almaty");
        shown.GetProperty("persons")[2].GetProperty("fiscalCode").GetString().Should().Be(FiscalCode);

        var sent = RequestContentJson.Deserialize((await api.Kg.Receives<RequestTransmitted>(DeterministicGuid.Branch(id, "KG"))).ContentJson);
        sent.Signatory!.Name.Should().Be("K. L.");
        sent.UntocScope!.Ground.Should().Be(UntocGround.TraffickingProtocol);
        sent.Persons[0].Representatives.Should().ContainSingle(r => r.Kind == RepresentativeKind.Lawyer && r.Name == "G. H., advocate");
        sent.Persons[2].BankDetails.Should().Be(BankDetails);
    }

    [Fact]
    public async Task The_incoming_case_on_the_requested_node_shows_the_new_fields_in_English_and_Russian()
    {
        var incoming = await api.ReceiveFromKg(WithCompany(TestContent.Complete(LegalBasis.Chisinau2002, "KZ")));
        var liaison = await api.As(Liaison);

        var content = (await liaison.GetAsync($"/api/incoming/{incoming}")).GetProperty("content");
        content.GetProperty("persons")[2].GetProperty("bankDetails").GetString().Should().Be(BankDetails);
        content.GetProperty("contactOfficer").GetProperty("phone").GetString().Should().Be("+7 727 271 00 00");

        var browser = await Browser(Liaison);
        (await Page(browser, $"/Incoming/{incoming}", "en")).Should().Contain("id=\"request-content\"").And.Contain("Accused").And.Contain("Civil defendant")
            .And.Contain(BankDetails).And.Contain(FiscalCode).And.Contain("Lawyer: G. H., advocate, 12 Abay Avenue, Almaty")
            .And.Contain("K. L., Deputy Prosecutor of Almaty").And.Contain("m.n@prokuror.example.kz").And.Contain("Offence under the Trafficking in Persons Protocol");
        (await Page(browser, $"/Incoming/{incoming}", "ru")).Should().Contain("Обвиняемый").And.Contain("Гражданский ответчик")
            .And.Contain("Адвокат: G. H., advocate").And.Contain("Подписант").And.Contain("Контактное лицо").And.Contain("Наказание, предусмотренное законом");
    }

    [Fact]
    public async Task The_request_page_and_the_letter_show_them_in_both_languages()
    {
        var id = await api.RequestIn("InReview", WithCompany(TestContent.Complete(LegalBasis.Untoc, "KG")));
        var browser = await Browser(Prosecutor);

        (await Page(browser, $"/Requests/{id}", "en")).Should().Contain("Why UNTOC applies").And.Contain("Recruiters in Kazakhstan and Kyrgyzstan")
            .And.Contain("Penalty provided by the law");
        (await Page(browser, $"/Requests/{id}", "ru")).Should().Contain("Почему применяется Конвенция ООН (UNTOC)").And.Contain("Банковские реквизиты".ToLowerInvariant());

        (await LetterText(id, "en")).Should().Contain("Why UNTOC applies").And.Contain("Deprivation of liberty from 7 to 12 years")
            .And.Contain("Procedural status: Accused").And.Contain("bank details: " + BankDetails).And.Contain("Lawyer: G. H., advocate")
            .And.Contain("Contact officer").And.Contain("Signature and official seal").And.Contain("K. L., Deputy Prosecutor of Almaty");
        (await LetterText(id, "ru")).Should().Contain("Подпись и гербовая печать").And.Contain("Обвиняемый").And.Contain("налоговый (фискальный) код: " + FiscalCode);
    }

    [Fact]
    public async Task The_request_form_takes_the_new_fields()
    {
        var browser = await Browser(Prosecutor);
        var form = await Page(browser, "/Requests/New", "en");
        form.Should().Contain("data-when-basis=\"Untoc\"").And.Contain("data-person=\"Legal\"").And.Contain("Form.Persons[0].BankDetails")
            .And.Contain("Kyrgyzstan ky, ru");
        var c = TestContent.Complete(LegalBasis.Untoc, "KG");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Kind", "ClassicMla"), new("Form.LegalBasis", "Untoc"), new("Form.Targets", "KG"),
            new("Form.RequestingName", c.RequestingAuthority!.Name!), new("Form.CaseReference", "FORM-ISSUE15"), new("Form.Facts", c.Facts!),
            new("Form.Persons[0].Role", "Suspect"), new("Form.Persons[0].Kind", "Legal"), new("Form.Persons[0].Name", "Silk Road Recruiting LLP"),
            new("Form.Persons[0].ProceduralStatus", "CivilDefendant"), new("Form.Persons[0].BankDetails", BankDetails), new("Form.Persons[0].FiscalCode", FiscalCode),
            new("Form.Persons[0].RepresentativeKind", "Other"), new("Form.Persons[0].RepresentativeName", "S. T., director"),
            new("Form.Persons[0].RepresentativeAddress", "5 Dostyk Street, Almaty"),
            new("Form.SignatoryName", "K. L."), new("Form.SignatoryFunction", "Deputy Prosecutor"), new("Form.ContactName", "M. N."),
            new("Form.ContactPhone", "+7 727 271 00 00"), new("Form.ContactEmail", "m.n@prokuror.example.kz"),
            new("Form.UntocGround", "OrganisedCriminalGroup"), new("Form.UntocReasons", "A group of five in two countries."), new("Form.Penalty", "7 to 12 years"),
            new("Form.OriginalLanguage", "en"), new("Form.TranslationLanguage", "ky"), new("Form.Translator", "Q. R."), new("Form.TranslationCountry", "KG"),
            new("__RequestVerificationToken", Token(form)), new("submit", "false"),
        };

        var posted = await browser.PostAsync("/Requests/New", new FormUrlEncodedContent(fields));

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var id = posted.Headers.Location!.OriginalString.Split('/').Last();
        var saved = RequestContentJson.Deserialize((await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}")).GetProperty("content").GetRawText());
        saved.Persons.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = PersonKind.Legal, ProceduralStatus = ProceduralStatus.CivilDefendant, BankDetails, FiscalCode,
            Representatives = new[] { new { Kind = RepresentativeKind.Other, Name = "S. T., director", Address = "5 Dostyk Street, Almaty" } },
        });
        saved.Signatory.Should().BeEquivalentTo(new Signatory { Name = "K. L.", Function = "Deputy Prosecutor" });
        saved.ContactOfficer!.Email.Should().Be("m.n@prokuror.example.kz");
        saved.UntocScope.Should().BeEquivalentTo(new UntocScope { Ground = UntocGround.OrganisedCriminalGroup, Reasons = "A group of five in two countries." });
        saved.Penalty.Should().Be("7 to 12 years");
        saved.Translations.Should().ContainSingle().Which.Country.Should().Be("KG");
    }

    static string Content(Action<JsonObject> change)
    {
        var content = JsonNode.Parse(RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Untoc, "KG")))!.AsObject();
        change(content);
        return content.ToJsonString();
    }

    public static TheoryData<string, string> BadContent() => new()
    {
        { "persons[0].proceduralStatus", Content(c => c["persons"]![0]!["proceduralStatus"] = "Victim") },
        { "persons[1].proceduralStatus", Content(c => c["persons"]![1]!["proceduralStatus"] = 99) },
        { "persons[0].bankDetails", Content(c => c["persons"]![0]!["bankDetails"] = new string('b', 501)) },
        { "persons[0].representatives[0].kind", Content(c => c["persons"]![0]!["representatives"]![0]!["kind"] = 9) },
        { "persons[0].representatives[0].address", Content(c => c["persons"]![0]!["representatives"]![0]!["address"] = new string('a', 501)) },
        { "persons[0].representatives[1]", Content(c => c["persons"]![0]!["representatives"]!.AsArray().Add(null)) },
        { "contactOfficer.email", Content(c => c["contactOfficer"]!["email"] = "not an address") },
        { "contactOfficer.phone", Content(c => c["contactOfficer"]!["phone"] = "call the office") },
        { "signatory.name", Content(c => c["signatory"]!["name"] = new string('s', 501)) },
        { "untocScope.ground", Content(c => c["untocScope"]!["ground"] = 5) },
        { "penalty", Content(c => c["penalty"] = new string('p', 20_001)) },
        { "translations[0].country", Content(c => c["translations"] = new JsonArray(new JsonObject { ["language"] = "ky", ["country"] = "XX" })) },
    };

    [Theory]
    [MemberData(nameof(BadContent))]
    public async Task A_new_field_out_of_bounds_is_refused_naming_it_and_nothing_is_created(string field, string body)
    {
        var prosecutor = await api.As(Prosecutor);
        var total = (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32();

        var response = await prosecutor.Client.PostAsync("/api/requests", new StringContent(body, Encoding.UTF8, "application/json"));

        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32().Should().Be(total, "no draft was created");
    }

    [Fact]
    public async Task A_draft_edited_out_of_bounds_keeps_its_content()
    {
        var prosecutor = await api.As(Prosecutor);
        var id = await Scenario.DraftAsync(api.Node, TestContent.Complete(LegalBasis.Untoc, "KG"));
        var bad = TestContent.Complete(LegalBasis.Untoc, "KG");
        bad.ContactOfficer!.Email = "nobody";

        var response = await prosecutor.Client.PutAsJsonAsync($"/api/requests/{id}", bad, RequestContentJson.Options);

        (await response.ErrorFieldsAsync()).Should().Equal("contactOfficer.email");
        (await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("content").GetProperty("contactOfficer").GetProperty("email").GetString()
            .Should().Be("m.n@prokuror.example.kz");
    }

    [Fact]
    public async Task A_request_in_a_language_the_requested_state_does_not_accept_is_refused_on_submit_naming_the_field_and_the_accepted_languages()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.OriginalLanguage = "en";
        var id = await Scenario.DraftAsync(api.Node, content);
        await api.Settled();
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/submit");

        (await response.ErrorFieldsAsync()).Should().Equal("originalLanguage");
        (await response.JsonAsync()).GetProperty("errors").GetProperty("originalLanguage")[0].GetString().Should()
            .Be("KG accepts requests in ky, ru; the request offers it en. Add a translation into one of the accepted languages.");
        (await api.OutboxHighWater()).Should().Be(outbox, "nothing is sent for a refused submission");
        await api.Settled();
        (await api.Node.Request(id))!.CurrentState.Should().Be("Draft");
    }

    [Fact]
    public async Task A_translation_for_the_requested_country_into_its_language_lets_the_request_through()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.OriginalLanguage = "en";
        content.Translations = [new Translation { Language = "ky", Translator = "Q. R.", CertifiedOn = api.Today, Country = "KG" }];
        var id = await Scenario.DraftAsync(api.Node, content);

        await (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/submit")).ShouldBeAsync(HttpStatusCode.Accepted);

        await api.Node.RequestIn(id, "InReview");
    }

    [Fact]
    public async Task Under_UNTOC_a_request_without_why_the_Convention_applies_or_the_penalty_stays_a_draft()
    {
        var content = TestContent.Complete(LegalBasis.Untoc, "KG");
        content.UntocScope = null;
        content.Penalty = " ";
        var id = await Scenario.DraftAsync(api.Node, content);

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/submit");

        (await response.ErrorFieldsAsync()).Should().BeEquivalentTo("untocScope.ground", "untocScope.reasons", "penalty");
        await api.Settled();
        (await api.Node.Request(id))!.CurrentState.Should().Be("Draft");
    }

    [Theory]
    [InlineData(LegalBasis.Minsk1993, "UZ")] // the Minsk Convention applies towards Uzbekistan; Chisinau replaces it towards Kyrgyzstan
    [InlineData(LegalBasis.Chisinau2002, "KG")]
    public async Task Content_the_previous_release_wrote_is_read_and_submitted_as_before(LegalBasis basis, string target)
    {
        var json = JsonNode.Parse(RequestContentJson.Serialize(TestContent.AsPreviousRelease(TestContent.Complete(basis, target))))!.AsObject();
        foreach (var key in new[] { "signatory", "contactOfficer", "untocScope", "penalty" })
            json.Remove(key);
        foreach (var person in json["persons"]!.AsArray())
        {
            foreach (var key in new[] { "proceduralStatus", "bankDetails", "fiscalCode", "representatives" })
                person!.AsObject().Remove(key);
        }
        var prosecutor = await api.As(Prosecutor);
        var created = await prosecutor.Client.PostAsync("/api/requests", new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        await (await prosecutor.PostAsync($"/api/requests/{id}/submit")).ShouldBeAsync(HttpStatusCode.Accepted);

        await api.Node.RequestIn(id, "InReview");
        var read = (await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("content");
        (read.TryGetProperty("signatory", out var signatory) ? signatory.ValueKind : System.Text.Json.JsonValueKind.Null).Should().Be(System.Text.Json.JsonValueKind.Null);
        (await Page(await Browser(Prosecutor), $"/Requests/{id}", "en")).Should().Contain("id=\"content-added\"").And.NotContain("id=\"signatory\"");
    }

    [Fact]
    public async Task A_case_a_previous_release_peer_sent_without_the_new_fields_opens_as_before()
    {
        var incoming = await api.ReceiveFromKg(TestContent.AsPreviousRelease(TestContent.Complete(LegalBasis.Chisinau2002, "KZ")));

        (await Page(await Browser(Liaison), $"/Incoming/{incoming}", "ru")).Should().Contain("id=\"request-content\"").And.NotContain("id=\"untoc-scope\"");
    }

    [Fact]
    public async Task A_child_victim_s_legal_representative_is_restricted_like_the_child()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = "Child Victim Name", DateOfBirth = api.Today.PlusYears(-12), ProceduralStatus = ProceduralStatus.Victim,
            Representatives = [new Representative { Kind = RepresentativeKind.LegalRepresentative, Name = "Parent Of The Child", Address = "7 Home Street, Almaty" }],
        });
        var id = await api.RequestIn("Draft", content);

        var seenBySupervisor = (await (await api.As(Supervisor)).GetAsync($"/api/requests/{id}")).GetRawText();
        var seenByProsecutor = (await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}")).GetRawText();

        seenBySupervisor.Should().NotContain("Parent Of The Child").And.NotContain("7 Home Street");
        seenByProsecutor.Should().Contain("Parent Of The Child");
    }

    [Theory]
    [InlineData("contactOfficer.email")]
    [InlineData("persons[0].proceduralStatus")]
    [InlineData("persons[0].representatives[0].address")]
    public async Task A_peer_s_request_with_a_new_field_out_of_bounds_is_quarantined_and_no_case_opens(string field)
    {
        var json = JsonNode.Parse(RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Chisinau2002, "KZ")))!.AsObject();
        switch (field)
        {
            case "contactOfficer.email": json["contactOfficer"]!["email"] = "nobody"; break;
            case "persons[0].proceduralStatus": json["persons"]![0]!["proceduralStatus"] = "Witness"; break;
            default: json["persons"]![0]!["representatives"]![0]!["address"] = new string('a', 501); break;
        }
        var request = new RequestTransmitted(Guid.NewGuid(), Guid.NewGuid(), "KG-2026-000915", "KG", "KZ", "ClassicMla", "Chisinau2002", false, false,
            RequestContentJson.Version, json.ToJsonString(), "kg.liaison", api.Now);
        var envelope = TestEnvelopes.Signed("KG", "KZ", request, api.Now);

        await TestEnvelopes.DeliverAsync(api.Node, envelope);

        var reason = await Eventually.Until(
            () => api.Node.Query(db => db.QuarantinedMessages.Where(q => q.MessageId == envelope.MessageId).Select(q => q.Reason).SingleOrDefaultAsync()),
            r => r is not null, TestTimeouts.Workflow, $"envelope {envelope.MessageId} to be quarantined");
        reason.Should().StartWith($"content over the input limits: {field}");
        (await api.Node.Incoming(request.BranchId)).Should().BeNull("no case opens");
    }

    async Task<string> LetterText(Guid id, string lang)
    {
        var response = await (await api.As(Prosecutor)).Client.GetAsync($"/api/requests/{id}/letter?lang={lang}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    Task<HttpClient> Browser(string user) => WebPages.SignInAsync(api, user);

    static Task<string> Page(HttpClient client, string path, string language) => WebPages.GetAsync(client, path, language);

    static string Token(string page) => WebPages.Token(page);
}
