using System.Net;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using UglyToad.PdfPig;

namespace MlaRequests.Tests.Letters;

[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_request_letter_is_printed(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task The_English_letter_holds_the_reference_and_every_required_item()
    {
        var id = await api.RequestIn("InReview", TestContent.Complete(LegalBasis.Chisinau2002, "KG", "TJ"));
        var reference = (await (await api.As(RequestSetup.Prosecutor)).GetAsync($"/api/requests/{id}")).GetProperty("reference").GetString()!;

        var text = await LetterText(RequestSetup.Prosecutor, id, "en");

        text.Should().Contain(reference).And.Contain("Request for mutual legal assistance in a criminal matter")
            .And.Contain("Chisinau Convention 2002").And.Contain("Kyrgyzstan").And.Contain("Tajikistan")
            .And.Contain("Prosecutor's Office of Almaty").And.Contain("Almaty City Police Department")
            .And.Contain("General Prosecutor's Office (central authority)").And.Contain("ALM-2026-4411").And.Contain("Investigation")
            .And.Contain("Art. 128 Criminal Code").And.Contain("Hear the witness E. F. on the recruitment")
            .And.Contain("A. B.").And.Contain("Suspect").And.Contain("Witness").And.Contain("Prove the recruitment scheme")
            .And.Contain("Language of the original: ru");
    }

    [Fact]
    public async Task The_Russian_letter_labels_the_items_in_Russian()
    {
        var id = await api.RequestIn("Draft", TestContent.Complete(LegalBasis.Minsk1993, "UZ"));

        var text = await LetterText(RequestSetup.Liaison, id, "ru");

        text.Should().Contain("Запрос о правовой помощи по уголовному делу").And.Contain("Минская конвенция 1993 года")
            .And.Contain("Запрашиваемые действия").And.Contain("Узбекистан").And.Contain("Подозреваемый").And.Contain("ALM-2026-4411");
    }

    [Fact]
    public async Task The_letter_lists_each_country_s_own_legal_basis()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG", "UZ");
        content.TargetBases = [new TargetBasis { Country = "UZ", LegalBasis = LegalBasis.Minsk1993 }];
        var id = await api.RequestIn("Draft", content);

        (await LetterText(RequestSetup.Prosecutor, id, "ru")).Should().Contain("Правовое основание по странам").And.Contain("UZ (Узбекистан): Минская конвенция 1993 года");
    }

    [Fact]
    public async Task A_child_victim_s_identity_is_left_out_for_a_supervisor()
    {
        var content = TestContent.Complete(LegalBasis.Untoc, "KG");
        content.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = "Child Victim Name", Citizenship = "KZ",
            DateOfBirth = api.Today.PlusYears(-12), PlaceOfBirth = "Almaty",
        });
        var id = await api.RequestIn("InReview", content);

        (await LetterText(RequestSetup.Supervisor, id, "en")).Should().NotContain("Child Victim Name").And.Contain("[restricted: child victim]");
        (await LetterText(RequestSetup.Prosecutor, id, "en")).Should().Contain("Child Victim Name");
    }

    [Fact]
    public async Task Another_office_gets_404_and_an_unknown_language_400()
    {
        var id = await api.RequestIn("Draft");

        (await (await api.As(RequestSetup.OtherOfficeProsecutor)).Client.GetAsync($"/api/requests/{id}/letter")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await api.As(RequestSetup.Prosecutor)).Client.GetAsync($"/api/requests/{id}/letter?lang=de")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_supplementary_request_s_letter_names_the_earlier_request_in_either_language()
    {
        var (earlier, _) = await api.BranchIn("InExecution");
        var earlierReference = (await api.Node.Request(earlier))!.Reference;
        var created = await (await api.As(RequestSetup.Prosecutor)).PostAsync($"/api/requests/{earlier}/targets/KG/supplementary");
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        (await LetterText(RequestSetup.Prosecutor, id, "en")).Should().Contain("Supplementary to").And.Contain(earlierReference);
        (await LetterText(RequestSetup.Prosecutor, id, "ru")).Should().Contain("Дополнительный к запросу").And.Contain(earlierReference);
    }

    async Task<string> LetterText(string user, Guid id, string lang)
    {
        var response = await (await api.As(user)).Client.GetAsync($"/api/requests/{id}/letter?lang={lang}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
