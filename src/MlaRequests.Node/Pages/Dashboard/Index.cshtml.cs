using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Links;
using MlaRequests.Workflows.Shared;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Deadlines;
using MlaRequests.Node.Health;
using MlaRequests.Node.Persistence;
using NodaTime;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Pages.Dashboard;

/// <summary>
/// The supervisor's dashboard: clocks due soon, overdue and escalated (<c>GET /api/deadlines</c>'s
/// own query), counts by status and by country, and the average time to acknowledge and to execute
/// per country from the clocks that were met; for the link health, how fast the quarantine grows and what waits in this
/// node's error and dead-letter queues.
/// </summary>
[Authorize(Policy = UiHosting.Policy, Roles = Roles.Supervisor + "," + Roles.Administrator)]
public sealed class IndexModel(NodeDbContext db, IClock clock, WorkflowNode node, LinkCircuits circuits, CommandContext commands, QueueDepths depths) : PageModel
{
    /// <summary>Clocks per state: due, overdue, escalated.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ListDeadlines.Item>> Deadlines { get; private set; } = new Dictionary<string, IReadOnlyList<ListDeadlines.Item>>();

    /// <summary>Outgoing requests per status.</summary>
    public IReadOnlyList<(string Status, int Count)> ByStatus { get; private set; } = [];

    /// <summary>Branches per requested country and status.</summary>
    public IReadOnlyList<(string Country, string Status, int Count)> ByCountry { get; private set; } = [];

    /// <summary>Incoming cases per requesting country.</summary>
    public IReadOnlyList<(string Country, int Count)> IncomingByCountry { get; private set; } = [];

    /// <summary>Average days to acknowledge and to execute per acting country (met clocks only).</summary>
    public IReadOnlyList<CountryTimes> Times { get; private set; } = [];

    /// <summary>One country's averages.</summary>
    /// <param name="Country">The acting country.</param>
    /// <param name="AcknowledgeDays">Average days from transmission to acknowledgement; null without data.</param>
    /// <param name="ExecuteDays">Average days from decision to execution; null without data.</param>
    /// <param name="Samples">How many clocks were averaged.</param>
    public sealed record CountryTimes(string Country, double? AcknowledgeDays, double? ExecuteDays, int Samples);

    /// <summary>Every link from this node: circuit, queued, failed, oldest undelivered.</summary>
    public IReadOnlyList<LinkEndpoints.Link> Links { get; private set; } = [];

    /// <summary>Messages whose delivery schedule is exhausted.</summary>
    public IReadOnlyList<LinkEndpoints.Message> FailedMessages { get; private set; } = [];

    /// <summary>Messages quarantined in the last hour and the last day.</summary>
    public (int Hour, int Day) Quarantined { get; private set; }

    /// <summary>Error and dead-letter queues holding messages; null when the broker does not answer.</summary>
    public IReadOnlyList<(string Queue, long Messages)>? Waiting { get; private set; } = [];

    /// <summary>An administrator retries a failed message from the dashboard.</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid messageId, CancellationToken ct)
    {
        await LinkEndpoints.RetryAsync(messageId, User, db, commands, clock, ct);
        return RedirectToPage(null, null, "link-health");
    }

    /// <summary>Loads the dashboard.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Links = await LinkEndpoints.ReadAsync(db, node, circuits, clock, ct);
        FailedMessages = await LinkEndpoints.FailedAsync(db, ct);
        Quarantined = await LastStopHealthCheck.QuarantineGrowthAsync(db, clock.GetCurrentInstant(), ct);
        Waiting = await depths.WaitingAsync(ct);
        var lists = new Dictionary<string, IReadOnlyList<ListDeadlines.Item>>();
        foreach (var state in new[] { "overdue", "escalated", "due" })
            lists[state] = (await ListDeadlines.Handle(state, User, db, clock, ct)).Result is Ok<IReadOnlyList<ListDeadlines.Item>> ok ? ok.Value! : [];
        // The requesting state's desired date is a target of its own (UNTOC Art. 18(24)), not a computed clock: once passed it is counted apart,
        // never among the overdue or escalated management targets.
        var desired = nameof(ClockKind.DesiredDate);
        lists["desired"] = [.. lists["overdue"].Where(i => i.Clock.Kind == desired)];
        lists["overdue"] = [.. lists["overdue"].Where(i => i.Clock.Kind != desired)];
        lists["escalated"] = [.. lists["escalated"].Where(i => i.Clock.Kind != desired)];
        Deadlines = lists;

        var drafts = await db.Requests.CountAsync(r => !db.OutgoingRequestWorkflows.Any(w => w.CorrelationId == r.Id), ct);
        var statuses = await db.OutgoingRequestWorkflows.GroupBy(w => w.CurrentState).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        const string draft = nameof(OutgoingRequestStateMachine.Draft);
        ByStatus = statuses.Select(s => (s.Key, s.Key == draft ? s.Count + drafts : s.Count))
            .Concat(drafts > 0 && statuses.All(s => s.Key != draft) ? [(draft, drafts)] : []).OrderByDescending(s => s.Item2).ToList();
        ByCountry = (await db.BranchWorkflows.GroupBy(b => new { b.TargetNode, b.CurrentState }).Select(g => new { g.Key.TargetNode, g.Key.CurrentState, Count = g.Count() })
            .ToListAsync(ct)).Select(x => (x.TargetNode, x.CurrentState, x.Count)).OrderBy(x => x.TargetNode).ToList();
        IncomingByCountry = (await db.IncomingCases.GroupBy(c => c.RequestingNode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(x => (x.Key, x.Count)).OrderBy(x => x.Key).ToList();

        // Averaged in SQL: the met clocks of a busy node run to hundreds of thousands, never loaded into memory.
        var met = await db.Database.SqlQueryRaw<MetClocks>(MetClocks.Sql).ToListAsync(ct);
        Times = met.GroupBy(c => c.Country).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CountryTimes(g.Key,
            g.SingleOrDefault(c => c.Kind == nameof(ClockKind.Acknowledgement))?.Days, g.SingleOrDefault(c => c.Kind == nameof(ClockKind.Execution))?.Days,
            g.Sum(c => c.Samples))).ToList();
    }

    /// <summary>Met acknowledgement and execution clocks per acting country and kind: how many, and their average length (Unix ticks).</summary>
    internal sealed class MetClocks
    {
        internal const string Sql = """
            SELECT ActingCountry AS Country, Kind, COUNT(*) AS Samples, AVG(EndedAt - StartedAt) AS AverageTicks
            FROM DeadlineClockWorkflows
            WHERE CurrentState = 'Met' AND EndedAt IS NOT NULL AND Kind IN ('Acknowledgement', 'Execution')
            GROUP BY ActingCountry, Kind
            """;

        public string Country { get; set; } = string.Empty;
        public string Kind { get; set; } = string.Empty;
        public int Samples { get; set; }
        public double AverageTicks { get; set; }
        public double Days => AverageTicks / NodaConstants.TicksPerDay;
    }
}
