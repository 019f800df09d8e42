using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MlaRequests.Tests.Browser;

/// <summary>What a prosecutor types into the guided form for a Chisinau-Convention request to Kyrgyzstan and Tajikistan.</summary>
public static class GuidedForm
{
    /// <summary>Opens the form from the header and fills every field the Chisinau Convention requires.</summary>
    public static async Task FillAsync(IPage page, string caseReference)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New request" }).ClickAsync();
        await page.SelectOptionAsync("#legal-basis", "Chisinau2002");
        await Expect(page.Locator("[data-basis=Chisinau2002]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-basis=Minsk1993]")).ToBeHiddenAsync();
        await page.CheckAsync("input[name='Form.Targets'][value=KG]");
        await page.CheckAsync("input[name='Form.Targets'][value=TJ]");
        await page.FillAsync("input[name='Form.RequestingName']", "Prosecutor's Office of Almaty");
        await page.FillAsync("input[name='Form.ConductingName']", "Almaty City Police Department");
        await page.FillAsync("input[name='Form.RequestedAuthority']", "General Prosecutor's Office (central authority)");
        await page.FillAsync("input[name='Form.CaseReference']", caseReference);
        await page.FillAsync("textarea[name='Form.Facts']", "A recruitment network moved victims from Almaty to Bishkek and Dushanbe.");
        await page.FillAsync("input[name='Form.OffenceQualification']", "Art. 128 Criminal Code (trafficking in persons)");
        await page.FillAsync("textarea[name='Form.LawText']", "Article 128. Trafficking in persons ...");
        await page.FillAsync("input[name='Form.Measures[0].Description']", "Hear the witness E. F. on the recruitment");
        await page.FillAsync("input[name='Form.Persons[0].Name']", "A. B.");
        await page.FillAsync("input[name='Form.Persons[0].Citizenship']", "KZ");
        await page.FillAsync("input[name='Form.Persons[0].DateOfBirth']", "1985-04-02");
        await page.FillAsync("input[name='Form.Persons[0].PlaceOfBirth']", "Taraz");
        await page.FillAsync("input[name='Form.Persons[0].Residence']", "Almaty");
        await page.FillAsync("input[name='Form.Persons[0].Occupation']", "driver");
    }
}
