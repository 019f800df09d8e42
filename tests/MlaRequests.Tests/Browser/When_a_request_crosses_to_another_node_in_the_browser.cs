using Microsoft.Playwright;
using MlaRequests.Domain;
using MlaRequests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlaRequests.Tests.Browser;

/// <summary>
/// The web UI of two node processes (Kazakhstan and Kyrgyzstan) exchanging signed envelopes over the real
/// RabbitMQ broker: nothing is injected, every step is a click in a browser on the node where it happens.
/// </summary>
[Trait("Category", "Browser")]
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_request_crosses_to_another_node_in_the_browser : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    readonly TestDirectory _data = new();
    NodeProcess _kz = null!, _kg = null!;
    IPlaywright _playwright = null!;
    IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        var settings = RabbitBroker.Settings(await RabbitBroker.CreateVirtualHostAsync());
        settings["Demo:SeedAccounts"] = "true";
        _kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), settings);
        _kg = new NodeProcess("KG", Path.Combine(_data.Path, "kg"), settings);
        await Task.WhenAll(_kz.StartAsync(), _kg.StartAsync());
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    [Fact]
    public async Task Kazakhstan_submits_and_approves_Kyrgyzstan_registers_and_accepts_and_Kazakhstan_sees_it_accepted()
    {
        var prosecutor = await Chromium.SignedIn(_browser, Url(_kz), "kz.prosecutor");
        await GuidedForm.FillAsync(prosecutor, "ALM-2026-7002");
        await prosecutor.ClickAsync("button[data-step=save-and-submit]");
        await Expect(prosecutor.Locator("#request-status")).ToHaveAttributeAsync("data-status", "InReview");
        var id = Guid.Parse(new Uri(prosecutor.Url).Segments[^1]);
        var reference = await prosecutor.Locator("#reference").InnerTextAsync();

        var liaison = await Chromium.SignedIn(_browser, Url(_kz), "kz.liaison");
        await liaison.GotoAsync("/Inbox");
        await liaison.Locator($"li.task[data-reference='{reference}'] button[data-step=approve]").ClickAsync();
        await Expect(liaison.Locator(".flash.ok")).ToBeVisibleAsync();

        var kgLiaison = await Chromium.SignedIn(_browser, Url(_kg), "kg.liaison");
        var caseId = DeterministicGuid.Branch(id, "KG");
        var task = kgLiaison.Locator("li.task").Filter(new() { Has = kgLiaison.Locator($"a.ref[href='/Incoming/{caseId}']") });
        await UntilShown(kgLiaison, "/Inbox", task, "the request to arrive in Kyrgyzstan's inbox");
        await task.Locator("form[data-step-form=register] input[name='Form.Text']").FillAsync("KG-GP 05-311/26");
        await task.Locator("button[data-step=register]").ClickAsync();
        await Expect(task).ToHaveAttributeAsync("data-status", "Registered");
        await task.Locator("button[data-step=assign]").ClickAsync();
        await Expect(task).ToHaveAttributeAsync("data-status", "Assigned");
        await task.Locator("a.ref").ClickAsync();
        await kgLiaison.ClickAsync("button[data-step=accept]");
        await Expect(kgLiaison.Locator("#incoming-status")).ToHaveAttributeAsync("data-status", "InExecution");
        await Expect(kgLiaison.Locator("main")).ToContainTextAsync(reference);
        await BrowserNode.Screenshot(kgLiaison, "liaison-incoming-kg");

        var kgRow = prosecutor.Locator("#targets tr[data-country=KG] .status[data-status=InExecution]");
        await UntilShown(prosecutor, $"/Requests/{id}", kgRow, "Kyrgyzstan's acceptance to reach the Kazakh request page");
        await Expect(prosecutor.Locator("#targets tr[data-country=KG] td[data-transport]")).ToHaveAttributeAsync("data-transport", "delivered");
        await Expect(prosecutor.Locator("#timeline")).ToContainTextAsync("Accepted for execution");
        await Expect(prosecutor.Locator("#request-status")).ToHaveAttributeAsync("data-status", "Approved");
        // Kyrgyzstan's own file number, given at its registration, crossed with it and shows as theirs on the request and in the list.
        await Expect(prosecutor.Locator("#targets tr[data-country=KG] td[data-their-file-number]")).ToHaveTextAsync("KG-GP 05-311/26");
        await prosecutor.GotoAsync("/Requests");
        await Expect(prosecutor.Locator("#requests td[data-their-file-numbers]").First).ToContainTextAsync("KG: KG-GP 05-311/26");
    }

    static string Url(NodeProcess node) => $"http://127.0.0.1:{node.Port}";

    /// <summary>Reloads <paramref name="path"/> until <paramref name="shown"/> is on it (what reaches another node arrives asynchronously).</summary>
    static Task UntilShown(IPage page, string path, ILocator shown, string what) =>
        Eventually.Until(async () =>
        {
            await page.GotoAsync(path);
            return await shown.CountAsync();
        }, count => count > 0, Patience, what);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Task.WhenAll(_kz.DisposeAsync().AsTask(), _kg.DisposeAsync().AsTask());
        _data.Dispose();
    }
}
