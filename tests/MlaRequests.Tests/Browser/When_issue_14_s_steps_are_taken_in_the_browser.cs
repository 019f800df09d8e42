using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlaRequests.Tests.Browser;

/// <summary>
/// Issue 14's steps clicked in the web UI. On the requested side, in Russian: a liaison officer consults the requesting
/// country on a condition, accepts under it once it agrees, then postpones execution on a coded ground and resumes it. On
/// the requesting side: the prosecutor signs a JIT agreement the other party signed, sees it in force, and closes it.
/// </summary>
[Trait("Category", "Browser")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_issue_14_s_steps_are_taken_in_the_browser(BrowserNode ui) : IClassFixture<BrowserNode>
{
    ApiNode Api => ui.Api;

    [Fact]
    public async Task A_liaison_officer_consults_accepts_under_conditions_postpones_and_resumes_on_the_Russian_case_page()
    {
        var incoming = await Api.CaseIn("Assigned");
        var page = await ui.SignedIn(RequestSetup.Liaison, "ru");
        await page.GotoAsync($"/Incoming/{incoming}");

        var consult = page.Locator("form[data-step-form=consult]");
        await consult.Locator("select[name='Form.Purpose']").SelectOptionAsync("Conditions");
        await consult.Locator("input[data-condition=Confidentiality]").FillAsync("Имя свидетеля не раскрывается до суда.");
        await consult.Locator("input[name='Form.Text']").FillAsync("Свидетель находится под защитой.");
        await consult.Locator("button[data-step=consult]").ClickAsync();
        await Expect(page.Locator("#incoming-status")).ToHaveAttributeAsync("data-status", "InConsultation");

        var consultation = await Api.Node.Query(db => db.Consultations.SingleAsync(c => c.BranchId == incoming));
        await TestEnvelopes.DeliverAsync(Api.Node, TestEnvelopes.Signed("KG", "KZ",
            new ConsultationAnswered(incoming, "KG", consultation.Id, "Accepted", "Согласны.", "kg.prosecutor", Api.Now), Api.Now));
        await Api.Node.IncomingIn(incoming, "Assigned");
        await page.ReloadAsync();

        var accept = page.Locator("form[data-step-form=accept-under-conditions]");
        await accept.Locator("input[data-condition=Confidentiality]").FillAsync("Имя свидетеля не раскрывается до суда.");
        await accept.Locator("button[data-step=accept-under-conditions]").ClickAsync();
        await Expect(page.Locator("#incoming-status")).ToHaveAttributeAsync("data-status", "InExecution");
        await Expect(page.Locator("[data-conditions=accepted] li[data-condition=Confidentiality]")).ToContainTextAsync("Имя свидетеля не раскрывается до суда.");

        var postpone = page.Locator("form[data-step-form=postpone]");
        await postpone.Locator("input[name='Form.Until']").FillAsync(Api.Now.InUtc().Date.PlusDays(60).ToString("yyyy-MM-dd", null));
        await postpone.Locator("input[name='Form.Grounds'][value=ONGOING_PROSECUTION]").CheckAsync();
        await postpone.Locator("input[name='Form.Text']").FillAsync("Исполнение помешает нашему уголовному преследованию.");
        await postpone.Locator("button[data-step=postpone]").ClickAsync();
        await Expect(page.Locator("#incoming-status")).ToHaveAttributeAsync("data-status", "ExecutionPostponed");

        var resume = page.Locator("form[data-step-form=resume]");
        await resume.Locator("input[name='Form.Text']").FillAsync("Наше производство завершено.");
        await resume.Locator("button[data-step=resume]").ClickAsync();
        await Expect(page.Locator("#incoming-status")).ToHaveAttributeAsync("data-status", "InExecution");
        (await Api.Kg.Receives<IncomingRequestAcceptedUnderConditions>(incoming)).Conditions.Single().Kind.Should().Be("Confidentiality");
    }

    [Fact]
    public async Task A_prosecutor_signs_the_JIT_agreement_KG_signed_and_closes_it_with_an_evaluation()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(content.Targets);
        var id = await Api.RequestIn("Approved", content);
        var branch = DeterministicGuid.Branch(id, "KG");
        await Api.Node.Bus.Publish(new IncomingRequestRegistered(branch, "KG", "kg.liaison", Api.Now));
        await Api.Node.BranchIn(branch, "Acknowledged");
        await Api.Node.Bus.Publish(new IncomingRequestAssigned(branch, "KG", "kg.liaison", Api.Now));
        await Api.Node.BranchIn(branch, "UnderRecognition");
        await Api.Node.Bus.Publish(new IncomingRequestAccepted(branch, "KG", null, "kg.liaison", Api.Now));
        await Api.Node.BranchIn(branch, "AgreementAwaitingSignatures");
        await TestEnvelopes.DeliverAsync(Api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(branch, "KG", "kg.liaison", Api.Now), Api.Now));
        await Api.Node.BranchIn(branch, "AgreementSignedThere");

        var page = await ui.SignedIn(RequestSetup.Prosecutor);
        await page.GotoAsync($"/Requests/{id}");
        await Expect(page.Locator("#jit-agreement li[data-status][data-country=KG]")).ToHaveAttributeAsync("data-status", "AgreementSignedThere");
        await page.Locator("#targets tr[data-country=KG] button[data-step=sign-jit]").ClickAsync();
        await Expect(page.Locator("#jit-agreement li[data-status][data-country=KG]")).ToHaveAttributeAsync("data-status", "AgreementInForce");
        await Expect(page.Locator("#jit-signatures li")).ToHaveCountAsync(2);

        var close = page.Locator("#targets tr[data-country=KG] form[data-step-form=close-jit]");
        await close.Locator("input[name='Form.Text']").FillAsync("The network was dismantled; 14 suspects charged in both countries.");
        await close.Locator("button[data-step=close-jit]").ClickAsync();
        await Expect(page.Locator("#jit-agreement li[data-status][data-country=KG]")).ToHaveAttributeAsync("data-status", "AgreementClosed");
        (await Api.Kg.Receives<JitAgreementClosed>(branch)).Evaluation.Should().Be("The network was dismantled; 14 suspects charged in both countries.");
    }
}
