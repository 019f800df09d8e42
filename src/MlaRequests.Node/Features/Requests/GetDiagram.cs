using System.Security.Claims;
using System.Text;
using MassTransit;
using MassTransit.SagaStateMachine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Features.Requests;

/// <summary>
/// <c>GET /api/requests/{id}/diagram</c>: the request's workflow and each branch's workflow as
/// Mermaid state diagrams drawn from the state machines themselves, with the current states marked.
/// </summary>
public static class GetDiagram
{
    /// <summary>How Mermaid writes a diagram's start.</summary>
    public const string Start = "[*]";

    /// <summary>The diagrams.</summary>
    /// <param name="Request">The request workflow, current state marked.</param>
    /// <param name="Targets">Each requested country's branch workflow, current state marked.</param>
    public sealed record Response(string Request, IReadOnlyDictionary<string, string> Targets);

    internal static async Task<Results<Ok<Response>, NotFound>> Handle(Guid id, ClaimsPrincipal user, NodeDbContext db,
        OutgoingRequestStateMachine requestMachine, BranchStateMachine branchMachine, CancellationToken cancellationToken)
    {
        if (await RequestQueries.FindAsync(db, id, user, cancellationToken) is not var (request, status))
            return TypedResults.NotFound();
        var branches = await db.BranchWorkflows.AsNoTracking().Where(b => b.RequestId == id)
            .ToDictionaryAsync(b => b.TargetNode, b => b.CurrentState, cancellationToken);
        var targets = request.Content.Targets.ToDictionary(t => t, t => Mermaid(branchMachine, branches.GetValueOrDefault(t)));
        return TypedResults.Ok(new Response(Mermaid(requestMachine, status), targets));
    }

    /// <summary>A Mermaid <c>stateDiagram-v2</c> of <paramref name="machine"/>, with <paramref name="current"/> highlighted.</summary>
    public static string Mermaid<TSaga>(StateMachine<TSaga> machine, string? current)
        where TSaga : class, SagaStateMachineInstance
    {
        ArgumentNullException.ThrowIfNull(machine);
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var line in Transitions(machine.GetGraph(), machine.Initial).Select(t => $"    {t.From} --> {t.To} : {t.Event}").ToHashSet().Order(StringComparer.Ordinal))
            text.AppendLine(line);
        if (current is not null)
        {
            text.AppendLine("    classDef current fill:#ffd54f,stroke:#e65100,stroke-width:3px");
            text.AppendLine($"    class {current} current");
        }
        return text.ToString();
    }

    /// <summary>
    /// The transitions of a machine's <paramref name="graph"/> between distinct states, as the diagrams draw them: its
    /// <paramref name="initial"/> state as <c>[*]</c> (Mermaid's start), every other state under its own name.
    /// </summary>
    public static IReadOnlyList<(string From, string To, string Event)> Transitions(StateMachineGraph graph, State initial)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(initial);
        var states = graph.Vertices.Where(v => v.VertexType == typeof(State))
            .ToDictionary(v => v, v => v.Title == initial.Name ? Start : v.Title);
        var transitions = new List<(string From, string To, string Event)>();
        foreach (var edge in graph.Edges.Where(e => e.From.VertexType == typeof(Event)))
        {
            foreach (var from in graph.Edges.Where(e => e.To == edge.From && states.ContainsKey(e.From)))
            {
                if (states.TryGetValue(edge.To, out var to) && states[from.From] != to)
                    transitions.Add((states[from.From], to, edge.From.Title));
            }
        }
        return transitions;
    }
}
