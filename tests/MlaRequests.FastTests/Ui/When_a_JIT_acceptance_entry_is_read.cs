using System.Xml.Linq;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.FastTests.Ui;

/// <summary>
/// The entry written when every requested country has accepted a JIT proposal says what happened (accepted, signatures follow);
/// rows the previous release wrote with the old wording still match a key (as the page does: the first entry of
/// <see cref="TimelineTexts.All"/> whose action matches) and so render in the user's language.
/// </summary>
public sealed class When_a_JIT_acceptance_entry_is_read
{
    static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Repository.Root, "src", "MlaRequests.Node", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    static TimelineTexts.Entry? Matching(string action) => TimelineTexts.All.FirstOrDefault(e => e.Action.Match(action) is not null);

    [Fact]
    public void The_entry_written_now_says_every_party_accepted_and_signatures_follow()
    {
        var written = TimelineTexts.JitAgreed.Format();

        written.Should().Be("JIT proposal accepted by every party; the agreement's signatures follow");
        Matching(written)!.Action.Key.Should().Be("Timeline.JitAgreed");
        Texts("Ui.ru.resx")["Timeline.JitAgreed"].Should().Contain("приняли").And.Contain("подписание");
    }

    [Fact]
    public void A_row_of_the_previous_release_still_matches_a_key_with_its_details_and_says_every_party_accepted()
    {
        var entry = Matching("Joint investigation team agreed by every party");

        entry.Should().NotBeNull("a stored row must not fall back to raw English");
        entry!.Action.Key.Should().Be("Timeline.JitAgreed.Previous");
        entry.Details.Select(d => d.Key).Should().Contain("Timeline.JitAgreed.Details");
        Texts("Ui.resx")[entry.Action.Key].Should().Be("JIT proposal accepted by every party");
        Texts("Ui.ru.resx")[entry.Action.Key].Should().Be("Все стороны приняли предложение о СГР");
    }
}
