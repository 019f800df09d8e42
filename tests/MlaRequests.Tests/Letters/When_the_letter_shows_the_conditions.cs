using System.Net;
using MlaRequests.Contracts;
using MlaRequests.Contracts.Parts;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace MlaRequests.Tests.Letters;

/// <summary>
/// The printed letter carries the conditions KG executes the request under (issue 14): the one a consultation proposed and this office
/// accepted (UNTOC Art. 18(26)), and the one of KG's acceptance under conditions, in English and Russian.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_letter_shows_the_conditions(ApiNode api) : IClassFixture<ApiNode>
{
    const string UseLimit = "Only in criminal case ALM-2026-4411";
    const string Secret = "The witness's name is not disclosed outside the proceedings";

    [Fact]
    public async Task The_conditions_accepted_in_a_consultation_and_those_of_the_acceptance_are_printed_in_either_language()
    {
        var (id, branch) = await api.BranchIn("UnderRecognition");
        (await LetterText(id, "en")).Should().NotContain("Conditions under which", "no condition binds this office yet");
        await api.Node.Bus.Publish(new ConsultationOpened(branch, "KG", Guid.NewGuid(), "Conditions", [], [new AgreedCondition("UseLimitedToProceedings", UseLimit)],
            "The evidence concerns a protected witness.", "kg.liaison", api.Now));
        await api.Node.BranchIn(branch, "InConsultation");
        await (await api.As(RequestSetup.Prosecutor)).StepAsync($"/api/requests/{id}/targets/KG/accept-consultation", new { note = "Agreed." });
        await api.Node.BranchIn(branch, "UnderRecognition");
        await api.Node.Bus.Publish(new IncomingRequestAcceptedUnderConditions(branch, "KG", [new AgreedCondition("Confidentiality", Secret)], null,
            "kg.liaison", api.Now));
        await api.Node.BranchIn(branch, "InExecution");
        await api.Settled();

        var english = await LetterText(id, "en");
        var russian = await LetterText(id, "ru");

        english.Should().Contain("Conditions under which the requested countries execute this request")
            .And.Contain($"Kyrgyzstan: Confidentiality: {Secret}")
            .And.Contain($"Kyrgyzstan: Use limited to the stated proceedings: {UseLimit} (agreed in a consultation, UNTOC Art. 18(26))");
        russian.Should().Contain("Условия, на которых запрашиваемые страны исполняют запрос")
            .And.Contain($"Кыргызстан: Конфиденциальность: {Secret}").And.Contain("согласовано в ходе консультаций");
    }

    async Task<string> LetterText(Guid id, string lang)
    {
        var response = await (await api.As(RequestSetup.Prosecutor)).Client.GetAsync($"/api/requests/{id}/letter?lang={lang}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
