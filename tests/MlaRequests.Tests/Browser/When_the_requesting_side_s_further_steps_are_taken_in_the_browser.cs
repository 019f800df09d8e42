using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlaRequests.Tests.Browser;

/// <summary>
/// Status enquiries and withdrawal from one country, clicked in the web UI: the prosecutor asks KG and withdraws from TJ on the
/// request page; a liaison officer answers KG's enquiry on the incoming case's page, in Russian.
/// </summary>
[Trait("Category", "Browser")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_the_requesting_side_s_further_steps_are_taken_in_the_browser(BrowserNode ui) : IClassFixture<BrowserNode>
{
    ApiNode Api => ui.Api;

    [Fact]
    public async Task A_prosecutor_sends_a_status_enquiry_to_one_country_and_withdraws_from_the_other()
    {
        var id = await Api.RequestIn("Approved", TestContent.Complete(LegalBasis.Chisinau2002, "KG", "TJ"));
        var page = await ui.SignedIn(RequestSetup.Prosecutor);
        await page.GotoAsync($"/Requests/{id}");

        var kg = page.Locator("#targets tr[data-country=KG]");
        await kg.Locator("form[data-step-form=enquire] input[name='Form.Text']").FillAsync("Our trial opens on 1 June: has the witness been heard?");
        await kg.Locator("button[data-step=enquire]").ClickAsync();
        await Expect(page.Locator(".flash.ok")).ToContainTextAsync("Send a status enquiry");
        await Expect(page.Locator("#enquiries")).ToContainTextAsync("has the witness been heard?");

        var tj = page.Locator("#targets tr[data-country=TJ]");
        await tj.Locator("form[data-step-form=withdraw-country] input[name='Form.Text']").FillAsync("The witness came to Kazakhstan.");
        await tj.Locator("button[data-step=withdraw-country]").ClickAsync();
        await Expect(page.Locator("#targets tr[data-country=TJ] .status")).ToHaveAttributeAsync("data-status", "Withdrawn");
        await Expect(page.Locator("#request-status")).ToHaveAttributeAsync("data-status", "Approved");
        await Expect(page.Locator("#request-progress")).ToContainTextAsync("1 of 2");
        await Api.Node.BranchIn(DeterministicGuid.Branch(id, "KG"), "Transmitted");
    }

    [Fact]
    public async Task A_liaison_officer_answers_KG_s_status_enquiry_on_the_Russian_case_page()
    {
        var incoming = await Api.CaseIn("Assigned");
        await TestEnvelopes.DeliverAsync(Api.Node, TestEnvelopes.Signed("KG", "KZ",
            new StatusEnquirySent(incoming, "KG", Guid.NewGuid(), "Has the witness been heard?", false, "kg.prosecutor", Api.Now), Api.Now));
        await Eventually.Until(() => Api.Node.Query(db => db.StatusEnquiries.CountAsync(e => e.BranchId == incoming)), n => n == 1, TestTimeouts.Workflow,
            "KG's enquiry");
        var page = await ui.SignedIn(RequestSetup.Liaison, "ru");

        await page.GotoAsync($"/Incoming/{incoming}");
        await page.Locator("#enquiries input[name='Form.Text']").FillAsync("Допрос назначен на 20 мая.");
        await page.Locator("#enquiries button[data-step=answer-enquiry]").ClickAsync();

        await Expect(page.Locator("#enquiries li[data-answered=true]")).ToContainTextAsync("Допрос назначен на 20 мая.");
        await Expect(page.Locator("#timeline .action")).ToContainTextAsync(["Получен запрос о ходе исполнения", "Дан ответ на запрос о ходе исполнения"]);
        await Api.Kg.Receives<StatusEnquiryAnswered>(incoming);
    }
}
