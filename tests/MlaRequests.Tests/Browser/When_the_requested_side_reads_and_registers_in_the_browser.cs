using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlaRequests.Tests.Browser;

/// <summary>
/// Issue 16, the receiving side: a liaison officer reads the whole request on the incoming case page (sections, the measures' procedure, the
/// persons' table, the badges) and registers it under the office's own file number, which the form requires, in English and in Russian.
/// </summary>
[Trait("Category", "Browser")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_the_requested_side_reads_and_registers_in_the_browser(BrowserNode ui) : IClassFixture<BrowserNode>
{
    ApiNode Api => ui.Api;

    static RequestContent Content()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.Measures.Add(new MeasureRequested
        {
            Type = MeasureType.Hearing, Description = "Hear the victim on the recruitment", Procedure = "interview in the presence of a psychologist",
        });
        content.Persons.Add(new PersonConcerned { Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = "O. P.", PossibleMinor = true });
        content.Persons[0].InPretrialDetention = true;
        return content;
    }

    [Theory]
    [InlineData("en", "Our file no.", "Procedure", "KZ-GP 2-17/26")]
    [InlineData("ru", "Номер нашего производства", "Порядок производства", "МП-17/2026")]
    public async Task A_liaison_officer_reads_the_request_and_registers_it_under_the_office_s_number(string language, string label, string procedure, string number)
    {
        var incoming = await Api.ReceiveFromKg(Content());
        var page = await ui.SignedIn(RequestSetup.Liaison, language);
        await page.GotoAsync($"/Incoming/{incoming}");

        await Expect(page.Locator("#content-measures-table thead")).ToContainTextAsync(procedure);
        await Expect(page.Locator("#content-measures-table tr[data-measure-index='1'] td[data-field=procedure]")).ToHaveTextAsync("interview in the presence of a psychologist");
        await Expect(page.Locator("#content-persons-table tr[data-person-index='0'] [data-flag=detention]")).ToBeVisibleAsync();
        await Expect(page.Locator("#content-persons-table tr[data-person-index='2'] [data-flag=possible-minor]")).ToBeVisibleAsync();
        await Expect(page.Locator("#child-victim-badge")).ToBeVisibleAsync();
        await Expect(page.Locator("#detention-badge")).ToBeVisibleAsync();
        await Expect(page.Locator("#file-number")).ToContainTextAsync($"{label}: —");

        var register = page.Locator("form[data-step-form=register]");
        await register.Locator("button[data-step=register]").ClickAsync();
        (await register.Locator("input[name='Form.Text']").EvaluateAsync<bool>("e => e.validity.valueMissing")).Should().BeTrue("the form asks for the number first");
        await Expect(page.Locator("#incoming-status")).ToHaveAttributeAsync("data-status", "Received");

        await register.Locator("input[name='Form.Text']").FillAsync(number);
        await register.Locator("button[data-step=register]").ClickAsync();
        await Expect(page.Locator("#incoming-status")).ToHaveAttributeAsync("data-status", "Registered");
        await Expect(page.Locator("#file-number")).ToContainTextAsync($"{label}: {number}");
        (await Api.Kg.Receives<MlaRequests.Contracts.IncomingRequestRegistered>(incoming)).FileNumber.Should().Be(number);
    }
}
