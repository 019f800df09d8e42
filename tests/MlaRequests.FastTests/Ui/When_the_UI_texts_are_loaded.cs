using System.Text.Json;
using System.Xml.Linq;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Domain.Timeline;
using MlaRequests.Node.Audit;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.FastTests.Ui;

public sealed class When_the_UI_texts_are_loaded
{
    static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Repository.Root, "src", "MlaRequests.Node", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void Every_English_text_has_a_Russian_translation_and_no_Russian_text_is_orphaned()
    {
        var english = Texts("Ui.resx");
        var russian = Texts("Ui.ru.resx");

        russian.Keys.Should().BeEquivalentTo(english.Keys);
        russian.Where(r => string.IsNullOrWhiteSpace(r.Value)).Should().BeEmpty();
    }

    [Fact]
    public void Every_request_status_of_the_workflows_has_a_label()
    {
        var english = Texts("Ui.resx");
        var node = new WorkflowNode("KZ");
        var states = new OutgoingRequestStateMachine(node).States
            .Concat(new BranchStateMachine(node).States)
            .Concat(new IncomingCaseStateMachine(node).States)
            .Select(s => s.Name).Where(n => n is not ("Initial" or "Final")).Distinct();

        states.Where(s => !english.ContainsKey("Status." + s)).Should().BeEmpty();
    }

    static IEnumerable<TextTemplate> Templates() =>
        TimelineTexts.All.SelectMany(e => e.Details.Prepend(e.Action)).Concat(ProblemTexts.All).Concat(AuditTexts.All).Distinct();

    [Fact]
    public void Every_timeline_and_problem_text_has_an_English_and_a_Russian_text_with_the_same_placeholders()
    {
        var english = Texts("Ui.resx");
        var russian = Texts("Ui.ru.resx");

        foreach (var template in Templates())
        {
            english.Should().ContainKey(template.Key);
            russian.Should().ContainKey(template.Key);
            TextTemplate.PlaceholdersOf(english[template.Key]).Should().BeEquivalentTo(template.Names, template.Key);
            TextTemplate.PlaceholdersOf(russian[template.Key]).Should().BeEquivalentTo(template.Names, template.Key);
        }
        Templates().Select(t => t.Key).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_text_written_from_a_template_is_matched_back_to_its_values_and_free_text_is_not()
    {
        var written = TimelineTexts.RefusedDetails.Format("DUAL_CRIMINALITY, IMMUNITY", "Not an offence here.\nSecond line. Third.");

        TimelineTexts.RefusedDetails.Match(written).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["grounds"] = "DUAL_CRIMINALITY, IMMUNITY", ["reasons"] = "Not an offence here.\nSecond line. Third.",
        });
        TimelineTexts.ClockReminder.Match("Acknowledgement clock at 80 %")!["kind"].Should().Be("Acknowledgement");
        TimelineTexts.Approved.Match("Approved by someone").Should().BeNull();
        ProblemTexts.Required.Match("Something else entirely.").Should().BeNull();
    }

    static IEnumerable<string> Sources(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "source" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Sources(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Sources),
        _ => [],
    };

    [Theory]
    [InlineData("required-content.json")]
    [InlineData("deadline-policies.json")]
    [InlineData("refusal-grounds.json")]
    [InlineData("postponement-grounds.json")]
    public void Every_legal_source_the_rules_cite_has_a_Russian_text(string file)
    {
        var russian = Texts("Ui.ru.resx");
        using var data = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "workflows", "MlaRequests.Workflows", "Data", file)));

        var sources = Sources(data.RootElement).Distinct().ToList();

        sources.Should().NotBeEmpty();
        sources.Where(s => !russian.ContainsKey("Source." + s)).Should().BeEmpty();
    }
}
