using System.Xml.Linq;
using MlaRequests.Domain.Cases;
using MlaRequests.Node.Features.Milestones;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.FastTests.Ui;

/// <summary>The milestone step table (<see cref="MilestoneSteps.All"/>), from which the routes, forms and <c>allowedSteps</c> are read.</summary>
public sealed class When_the_milestone_step_table_is_read
{
    static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Repository.Root, "src", "MlaRequests.Node", "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Each_route_is_mapped_once_and_the_routes_of_the_previous_release_are_kept()
    {
        var patterns = MilestoneSteps.All.Select(s => s.Pattern).ToList();

        patterns.Should().OnlyHaveUniqueItems();
        patterns.Should().Contain([
            "/requests/{id:guid}/targets/{country}/milestones", "/requests/{id:guid}/targets/{country}/milestones/{milestoneId:guid}/confirm",
            "/incoming/{id:guid}/milestones", "/incoming/{id:guid}/milestones/{milestoneId:guid}/confirm",
        ]);
    }

    [Fact]
    public void The_shared_milestone_s_steps_are_the_requesting_steps_of_the_domain_rules_plus_schedule()
    {
        MilestoneSteps.All.Where(s => s.Scope == MilestoneScope.Request).Select(s => s.Name)
            .Should().BeEquivalentTo(SharedMilestoneRules.RequestingSteps.Prepend("schedule"));
        MilestoneSteps.All.Where(s => s.Scope == MilestoneScope.Request && s.OnMilestone).Should().OnlyContain(s => s.Answer == 202);
        MilestoneSteps.All.Where(s => !s.OnMilestone).Should().OnlyContain(s => s.Answer == 201);
    }

    [Theory]
    [InlineData("Ui.resx")]
    [InlineData("Ui.ru.resx")]
    public void Every_milestone_step_and_its_form_have_a_label_in_both_languages(string file)
    {
        var keys = Keys(file);

        MilestoneSteps.All.Select(s => "Step.milestone-" + s.Name).Where(k => !keys.Contains(k)).Should().BeEmpty();
        MilestoneSteps.All.Select(s => s.Form.TextLabel).OfType<string>().Where(k => !keys.Contains(k)).Should().BeEmpty();
        Enum.GetNames<MilestoneStatus>().Select(s => "Milestone.Status." + s).Where(k => !keys.Contains(k)).Should().BeEmpty();
    }
}
