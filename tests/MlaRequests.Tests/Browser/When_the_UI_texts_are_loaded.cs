using System.Xml.Linq;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Tests.Browser;

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
}
