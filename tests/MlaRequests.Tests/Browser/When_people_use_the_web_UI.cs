using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace MlaRequests.Tests.Browser;

[Trait("Category", "Browser")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_people_use_the_web_UI(BrowserNode ui) : IClassFixture<BrowserNode>
{
    ApiNode Api => ui.Api;

    [Fact]
    public async Task A_prosecutor_creates_and_submits_a_request_to_two_countries()
    {
        var page = await ui.SignedIn(RequestSetup.Prosecutor);
        await GuidedForm.FillAsync(page, "ALM-2026-7001");
        await BrowserNode.Screenshot(page, "prosecutor-new-request");

        await page.ClickAsync("button[data-step=save-and-submit]");

        await Expect(page.Locator("#request-status")).ToHaveAttributeAsync("data-status", "InReview");
        await Expect(page.Locator("#targets tr[data-country=KG]")).ToBeVisibleAsync();
        await Expect(page.Locator("#targets tr[data-country=TJ]")).ToBeVisibleAsync();
        await Expect(page.Locator(".diagram .state.current")).ToHaveAttributeAsync("data-state", "InReview");
        await Expect(page.Locator("button[data-step=withdraw]")).ToBeVisibleAsync();
        var id = Guid.Parse(new Uri(page.Url).Segments[^1]);
        (await Api.Node.Request(id))!.CurrentState.Should().Be("InReview");
        await BrowserNode.Screenshot(page, "prosecutor-request");
    }

    [Fact]
    public async Task A_liaison_officer_approves_it_from_the_inbox()
    {
        var id = await Api.RequestIn("InReview", TestContent.Complete(LegalBasis.Chisinau2002, "KG", "TJ"));
        var reference = (await Api.Node.Request(id))!.Reference;
        var page = await ui.SignedIn(RequestSetup.Liaison);
        var task = page.Locator($"li.task[data-reference='{reference}']");
        await Expect(task).ToContainTextAsync("Review the outgoing request");
        await BrowserNode.Screenshot(page, "liaison-inbox");

        await task.Locator("button[data-step=approve]").ClickAsync();

        await Expect(page.Locator(".flash.ok")).ToContainTextAsync("Approve and transmit");
        await Expect(page.Locator($"li.task[data-reference='{reference}']")).ToHaveCountAsync(0);
        await Api.Node.RequestIn(id, "Approved");
        await Api.Node.BranchIn(DeterministicGuid.Branch(id, "KG"), "Transmitted");
        await Api.Node.BranchIn(DeterministicGuid.Branch(id, "TJ"), "Transmitted");
    }

    [Fact]
    public async Task Returning_a_request_needs_comments_and_sends_it_back_to_draft()
    {
        var id = await Api.RequestIn("InReview");
        var reference = (await Api.Node.Request(id))!.Reference;
        var page = await ui.SignedIn(RequestSetup.Liaison);
        var form = page.Locator($"li.task[data-reference='{reference}'] form[data-step-form=return]");

        await form.Locator("input[name='Form.Text']").FillAsync("Add the witness's address.");
        await form.Locator("button").ClickAsync();

        await Expect(page.Locator(".flash.ok")).ToBeVisibleAsync();
        await Api.Node.RequestIn(id, "Draft");
    }

    [Fact]
    public async Task A_refusal_without_a_coded_ground_is_refused_with_the_rule_named()
    {
        var caseId = await Api.CaseIn("Assigned");
        var page = await ui.SignedIn(RequestSetup.Liaison);
        await page.GotoAsync($"/Incoming/{caseId}");
        var form = page.Locator("form[data-step-form=refuse]");

        await form.Locator("input[name='Form.Text']").FillAsync("Not an offence here.");
        await form.Locator("button").ClickAsync();

        await Expect(page.Locator(".flash.error")).ToContainTextAsync("UNTOC Art. 18(21)");
        (await Api.Node.Incoming(caseId))!.CurrentState.Should().Be("Assigned");
    }

    [Fact]
    public async Task A_supervisor_signs_off_a_proposed_refusal_from_the_Russian_inbox()
    {
        var caseId = await Api.CaseIn("RefusalProposed");
        var reference = (await Api.Node.Incoming(caseId))!.Reference;
        var page = await ui.SignedIn(RequestSetup.Supervisor);
        await page.SelectOptionAsync("select[name=culture]", "ru");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await page.GotoAsync("/Inbox");
        var task = page.Locator($"li.task[data-reference='{reference}']");
        await Expect(task).ToContainTextAsync("Утвердить или вернуть предложение об отказе");
        await page.GotoAsync($"/Incoming/{caseId}");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Предложен отказ (ожидает утверждения руководителем)");
        await Expect(page.Locator("button[data-step=sign-off-refusal]")).ToHaveTextAsync("Утвердить отказ");
        await Expect(page.Locator("button[data-step=return-refusal]")).ToHaveTextAsync("Вернуть предложение об отказе");

        await page.Locator("button[data-step=sign-off-refusal]").ClickAsync();

        await Expect(page.Locator(".flash.ok")).ToBeVisibleAsync();
        await Api.Node.IncomingIn(caseId, "Refused");
        await Api.Kg.Receives<IncomingRequestRefused>(caseId);
        await page.GotoAsync($"/Incoming/{caseId}");
        await Expect(page.Locator("#timeline")).ToContainTextAsync($"Утверждено; предложил(а) {RequestSetup.Liaison}");
    }

    [Fact]
    public async Task A_supervisor_sees_an_overdue_clock_on_the_dashboard_after_the_clock_is_advanced()
    {
        var id = await Api.RequestIn("Approved", TestContent.Complete(LegalBasis.Chisinau2002, "KG", "TJ"));
        var reference = (await Api.Node.Request(id))!.Reference;
        await Scenario.RegisteredBy(Api.Node, id, "KG", Api.Now.Plus(Duration.FromHours(36)));
        await Api.Node.BranchIn(DeterministicGuid.Branch(id, "KG"), "Acknowledged");
        await Api.Settled();

        // Seven days end on a Tajik day off (9 May, Victory Day, falls on a Saturday in 2026 and moves to Monday 11 May), so the
        // acknowledgement is due at the end of the next working day: ten days leave it overdue whatever the week.
        Api.Clock.Advance(Duration.FromDays(10));

        var page = await ui.SignedIn(RequestSetup.Supervisor);
        var overdue = page.Locator($"#overdue tr[data-reference='{reference}']");
        await Expect(overdue).ToHaveCountAsync(1);
        await Expect(overdue).ToHaveAttributeAsync("data-state", "overdue");
        await Expect(overdue).ToContainTextAsync("TJ");
        await Expect(overdue.Locator(".pill.overdue")).ToHaveTextAsync(new Regex("^−"));
        await Expect(page.Locator(".chart g[data-country=KG]")).ToContainTextAsync("1.5 days");
        await BrowserNode.Screenshot(page, "supervisor-dashboard");
    }

    [Fact]
    public async Task A_prosecutor_of_another_office_cannot_open_the_request()
    {
        var id = await Api.RequestIn("Draft");
        var reference = (await Api.Node.Request(id))!.Reference;
        var page = await ui.SignedIn(RequestSetup.OtherOfficeProsecutor);

        var response = await page.GotoAsync($"/Requests/{id}");

        response!.Status.Should().Be(404);
        await Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync(reference);
        await page.GotoAsync("/Requests");
        await Expect(page.Locator("#requests")).Not.ToContainTextAsync(reference);
        (await page.GotoAsync($"/api/requests/{id}/letter"))!.Status.Should().Be(404);
    }

    [Fact]
    public async Task The_Russian_UI_shows_Russian_labels()
    {
        var page = await ui.SignedIn(RequestSetup.Prosecutor);

        await page.SelectOptionAsync("select[name=culture]", "ru");

        await Expect(page.Locator("header nav")).ToContainTextAsync("Мои запросы");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Запросы");
        await page.GotoAsync("/Requests/New");
        await Expect(page.Locator("#requirements h2")).ToHaveTextAsync("Что требует правовое основание");
        await Expect(page.Locator("button[data-step=save-and-submit]")).ToHaveTextAsync("Сохранить и направить на проверку");
    }

    [Fact]
    public async Task The_Russian_request_page_shows_its_timeline_statuses_and_refusal_in_Russian()
    {
        var (id, branch) = await Api.BranchIn("UnderRecognition");
        await Api.Node.Bus.Publish(new IncomingRequestRefused(branch, "KG", ["DUAL_CRIMINALITY"], "Not an offence in Kyrgyzstan.", "kg.liaison", Api.Now));
        await Api.Node.BranchIn(branch, "Refused");
        await Api.Settled();
        var page = await ui.SignedIn(RequestSetup.Prosecutor);
        await page.SelectOptionAsync("select[name=culture]", "ru");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Запросы");

        await page.GotoAsync($"/Requests/{id}");

        var timeline = page.Locator("#timeline li");
        await Expect(timeline.Locator(".action")).ToContainTextAsync(["Создан черновик", "Направлен на проверку", "Одобрен", "Направлен", "Отказано"]);
        await Expect(timeline.Filter(new() { HasText = "Одобрен" }).First).ToContainTextAsync("Направлен: Кыргызстан");
        await Expect(timeline.Filter(new() { HasText = "Отказано" })).ToContainTextAsync("Основания: Деяние не является преступлением в запрашиваемом государстве");
        await Expect(page.Locator("#targets tr[data-country=KG] .status")).ToHaveTextAsync("Отказано");
        await Expect(page.Locator("#targets tr[data-country=KG]")).ToContainTextAsync("Деяние не является преступлением");
        await Expect(page.Locator("#targets tr[data-country=KG] td[data-transport]")).Not.ToBeEmptyAsync();
        foreach (var text in await page.Locator("#timeline .action, #timeline .status, #targets .status, #targets td[data-transport], .clocks td, .diagram text, .request-head .status")
            .AllInnerTextsAsync())
            (text ?? string.Empty).Should().NotMatchRegex("[A-Za-z]{3,}", "every word the system writes on the Russian page is Russian");
        (await page.Locator(".diagram title").AllTextContentsAsync()).Should().NotBeEmpty()
            .And.AllSatisfy(title => title.Should().NotMatchRegex("[A-Za-z]{3,}", "the diagram's arrows name the statuses in Russian"));
        await BrowserNode.Screenshot(page, "prosecutor-request-ru");
    }

    [Fact]
    public async Task The_audit_page_verifies_the_chain()
    {
        await Api.RequestIn("Draft");
        var page = await ui.SignedIn(RequestSetup.Admin);
        await page.GotoAsync("/Audit");

        await page.ClickAsync("button[data-step=verify]");

        await Expect(page.Locator("#verification")).ToHaveAttributeAsync("data-intact", "true");
        await Expect(page.Locator("#audit")).ToContainTextAsync("sign-in (Identity.Application)");
    }
}
