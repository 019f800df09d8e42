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
        var targets = request.Content.Targets.ToDictionary(t => t, t => Mermaid(branchMachine.GetGraph(), branches.GetValueOrDefault(t)));
        return TypedResults.Ok(new Response(Mermaid(requestMachine.GetGraph(), status), targets));
    }

    /// <summary>A Mermaid <c>stateDiagram-v2</c> of <paramref name="graph"/>, with <paramref name="current"/> highlighted.</summary>
    public static string Mermaid(StateMachineGraph graph, string? current)
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var line in Transitions(graph).Select(t => $"    {t.From} --> {t.To} : {t.Event}").ToHashSet().Order(StringComparer.Ordinal))
            text.AppendLine(line);
        if (current is not null)
        {
            text.AppendLine("    classDef current fill:#ffd54f,stroke:#e65100,stroke-width:3px");
            text.AppendLine($"    class {current} current");
        }
        return text.ToString();
    }

    /// <summary>The transitions of <paramref name="graph"/> between distinct states (<c>[*]</c> is the initial state), as the diagrams draw them.</summary>
    public static IReadOnlyList<(string From, string To, string Event)> Transitions(StateMachineGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var states = graph.Vertices.Where(v => v.VertexType == typeof(State)).ToDictionary(v => v, Name);
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

    static string Name(Vertex vertex) => vertex.Title switch
    {
        "Initial" => "[*]",
        "Final" => "Final",
        var title => title,
    };
}
