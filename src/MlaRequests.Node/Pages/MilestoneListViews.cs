using MlaRequests.Domain.Requests;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Milestones;

namespace MlaRequests.Node.Pages;

/// <summary>Loads the milestones the request and incoming pages show, through the same code as the API's milestone reads.</summary>
public static class MilestoneListViews
{
    /// <summary>The shared milestones of request <paramref name="id"/>, or null when it is not a linked case; <paramref name="openTargets"/> may be named in a new one.</summary>
    public static async Task<MilestoneListView?> OnRequestAsync(Guid id, IReadOnlyList<string> openTargets, StepServices steps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (await MilestoneEndpoints.SideAsync(MilestoneScope.Request, id, null, steps, ct) is not { } side || !Linked(side.Kind))
            return null;
        var items = await MilestoneEndpoints.ListAsync(side, steps, ct);
        var schedule = MilestoneSteps.All.Single(s => s.Scope == MilestoneScope.Request && !s.OnMilestone);
        var countries = schedule.MayAct(steps.User, side.Office) ? openTargets : [];
        return items.Count == 0 && countries.Count < 2 ? null : new MilestoneListView(items, MilestoneScope.Request, id, countries, $"/Requests/{id}");
    }

    /// <summary>The milestones of incoming case <paramref name="id"/>, or null when it has none.</summary>
    public static async Task<MilestoneListView?> OnIncomingAsync(Guid id, StepServices steps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (await MilestoneEndpoints.SideAsync(MilestoneScope.Incoming, id, null, steps, ct) is not { } side)
            return null;
        var items = await MilestoneEndpoints.ListAsync(side, steps, ct);
        return items.Count == 0 ? null : new MilestoneListView(items, MilestoneScope.Incoming, id, [], $"/Incoming/{id}");
    }

    static bool Linked(RequestKind kind) => kind is RequestKind.ParallelInvestigation or RequestKind.MirrorInvestigation or RequestKind.JointInvestigationTeam;
}
