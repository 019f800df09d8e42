using Microsoft.Playwright;
using MlaRequests.Contracts;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlaRequests.Tests.Browser;

/// <summary>The executing prosecutor's page in both languages, and the requesting prosecutor's table per country and measure.</summary>
[Trait("Category", "Browser")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_an_executor_uses_the_web_UI(BrowserNode ui) : IClassFixture<BrowserNode>
{
    ApiNode Api => ui.Api;

    [Fact]
    public async Task The_executor_records_a_measure_from_the_case_page_and_sees_it_in_Russian()
    {
        var id = await Api.CaseIn("Assigned");
        var liaison = await Api.As(RequestSetup.Liaison);
        await liaison.StepAsync($"/api/incoming/{id}/assign", new { assignee = "kz.executor" });
        await Api.Settled();
        await liaison.StepAsync($"/api/incoming/{id}/accept");
        await Api.Node.IncomingIn(id, "InExecution");
        var page = await ui.SignedIn("kz.executor");
        await Expect(page.Locator("header nav")).ToContainTextAsync("Inbox");
        await page.GotoAsync($"/Incoming/{id}");
        var form = page.Locator("form[data-step-form=record-measure]");

        await form.Locator("input[name='Form.Measure']").FillAsync("1");
        await form.Locator("select[name='Form.MeasureStatus']").SelectOptionAsync("Executed");
        await form.Locator("input[name='Form.Text']").FillAsync("Witness heard on 4 May.");
        await form.Locator("button").ClickAsync();

        await Expect(page.Locator(".flash.ok")).ToBeVisibleAsync();
        await Expect(page.Locator("#measures tr[data-measure='1']")).ToHaveAttributeAsync("data-measure-status", "Executed");
        await Expect(page.Locator("#incoming-status")).ToHaveAttributeAsync("data-status", "PartiallyExecuted");
        await page.SelectOptionAsync("select[name=culture]", "ru");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await page.GotoAsync($"/Incoming/{id}");
        await Expect(page.Locator("#measures tr[data-measure='1'] .status")).ToHaveTextAsync("Исполнено");
        await Expect(page.Locator("button[data-step=record-measure]")).ToHaveTextAsync("Записать результат по мере");
        await Expect(page.Locator("#timeline li .action")).ToContainTextAsync(["Записан результат по мере"]);
        await BrowserNode.Screenshot(page, "executor-incoming-ru");
    }

    [Fact]
    public async Task The_requesting_prosecutor_sees_the_result_per_country_and_measure_in_Russian()
    {
        var (id, branch) = await Api.BranchIn("InExecution");
        await TestEnvelopes.DeliverAsync(Api.Node, TestEnvelopes.Signed("KG", "KZ",
            new MeasureResultReported(branch, "KG", 1, "Impossible", "Searched the address.", [], "The witness left the country.", "kg.executor", Api.Now), Api.Now));
        await Api.Node.BranchIn(branch, "InExecution");
        await Api.Settled();
        var page = await ui.SignedIn(RequestSetup.Prosecutor);
        await page.SelectOptionAsync("select[name=culture]", "ru");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");

        await page.GotoAsync($"/Requests/{id}");

        var row = page.Locator("#measures tr[data-country=KG][data-measure='1']");
        await Expect(row).ToHaveAttributeAsync("data-measure-status", "Impossible");
        await Expect(row.Locator(".status")).ToHaveTextAsync("Исполнение невозможно");
        await Expect(row).ToContainTextAsync("The witness left the country.");
        await Expect(row).ToContainTextAsync("Кыргызстан");
    }
}
