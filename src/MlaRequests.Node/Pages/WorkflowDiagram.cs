using MassTransit;
using MlaRequests.Node.Features.Requests;
using MassTransit.SagaStateMachine;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Pages;

/// <summary>
/// A workflow drawn as an SVG on the server from the same transitions as the API's Mermaid diagram:
/// states in columns by their distance from the start, the current state highlighted.
/// </summary>
public sealed class WorkflowDiagram
{
    /// <summary>Box size and spacing.</summary>
    public const int BoxWidth = 150, BoxHeight = 30, ColumnWidth = 180, RowHeight = 44;

    /// <summary>A state with its position.</summary>
    public sealed record Box(string State, int X, int Y, bool Current);

    /// <summary>A transition between two boxes.</summary>
    public sealed record Arrow(Box From, Box To, string Events);

    /// <summary>The boxes.</summary>
    public IReadOnlyList<Box> Boxes { get; }

    /// <summary>The arrows.</summary>
    public IReadOnlyList<Arrow> Arrows { get; }

    /// <summary>Total width.</summary>
    public int Width => Boxes.Count == 0 ? 0 : Boxes.Max(b => b.X) + BoxWidth + 10;

    /// <summary>Total height.</summary>
    public int Height => Boxes.Count == 0 ? 0 : Boxes.Max(b => b.Y) + BoxHeight + 10;

    /// <summary>Lays out <paramref name="machine"/> with <paramref name="current"/> highlighted.</summary>
    public static WorkflowDiagram Of<TSaga>(StateMachine<TSaga> machine, string? current)
        where TSaga : class, SagaStateMachineInstance
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new WorkflowDiagram(GetDiagram.Transitions(machine.GetGraph(), machine.Initial)
            .Where(t => t.From != GetDiagram.Start && t.To != machine.Final.Name).ToList(), current);
    }

    WorkflowDiagram(List<(string From, string To, string Event)> transitions, string? current)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = transitions.Select(t => t.From).FirstOrDefault(s => s is nameof(OutgoingRequestStateMachine.Draft) or nameof(BranchStateMachine.Transmitted)
                or nameof(IncomingCaseStateMachine.Received) or nameof(DeadlineClockStateMachine.Running))
            ?? transitions.Select(t => t.From).FirstOrDefault();
        var queue = new Queue<string>();
        if (start is not null)
        {
            depth[start] = 0;
            queue.Enqueue(start);
        }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var next in transitions.Where(t => t.From == state).Select(t => t.To).Distinct().Where(n => !depth.ContainsKey(n)))
            {
                depth[next] = depth[state] + 1;
                queue.Enqueue(next);
            }
        }
        Boxes = depth.GroupBy(d => d.Value).OrderBy(g => g.Key)
            .SelectMany(g => g.Select((d, row) => new Box(d.Key, 5 + g.Key * ColumnWidth, 5 + row * RowHeight, d.Key == current))).ToList();
        var byState = Boxes.ToDictionary(b => b.State);
        Arrows = transitions.Where(t => byState.ContainsKey(t.From) && byState.ContainsKey(t.To))
            .GroupBy(t => (t.From, t.To)).Select(g => new Arrow(byState[g.Key.From], byState[g.Key.To], string.Join(", ", g.Select(t => t.Event).Distinct()))).ToList();
    }
}
