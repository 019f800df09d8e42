using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Timeline;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Requests;
using NodaTime;

namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>
/// Fills a stopped node's database with requests in the shape the node itself writes: the request with its content, its
/// workflow (a fifth still drafts, the rest spread over review, approval, completion, rejection and withdrawal), one branch
/// per requested country for the approved ones with their acknowledgement and execution clocks, and a timeline entry.
/// One minute between creations, newest last, so about 70 days of a busy office.
/// </summary>
static class RequestSeeder
{
    static readonly string[] RequestStates =
        ["Draft", "Draft", "Draft", "Draft", "InReview", "InReview", "Approved", "Approved", "Approved", "Approved", "Approved", "Approved",
         "Approved", "Approved", "Approved", "Approved", "Completed", "Completed", "RejectedInternally", "Withdrawn"];
    static readonly string[] BranchStates =
        ["Transmitted", "Transmitted", "Acknowledged", "Acknowledged", "UnderRecognition", "InExecution", "InExecution", "Executed", "Completed", "Completed"];
    static readonly string[] Offences = ["trafficking in persons", "forced labour", "organised recruitment", "document fraud", "money laundering"];

    public static async Task SeedAsync(string databasePath, int count)
    {
        var template = RequestContentJson.Serialize(RequestContentJson.Deserialize(Requests.ContentFor("KG")));
        var now = SystemClock.Instance.GetCurrentInstant();
        const int chunk = 5_000;
        for (var start = 0; start < count; start += chunk)
        {
            await using var db = Database.Open(databasePath);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + chunk); i++)
                Add(db, template, i, now - Duration.FromMinutes(count - i));
            await db.SaveChangesAsync();
        }
    }

    static void Add(Node.Persistence.NodeDbContext db, string template, int i, Instant createdAt)
    {
        string[] targets = i % 3 == 0 ? ["KG", "TJ"] : i % 3 == 1 ? ["KG"] : ["UZ"];
        var content = RequestContentJson.Deserialize(template);
        content.Targets = [.. targets];
        content.CaseReference = $"ALM-{i:000000}";
        content.Facts = $"A recruitment network ({Offences[i % Offences.Length]}) moved victims from Almaty to {string.Join(" and ", targets)} under false job offers; lead {i}.";
        var id = Guid.NewGuid();
        var office = i % 4 == 0 ? "KZ-AST" : "KZ-ALM";
        var reference = $"KZ-2025-{i + 1:000000}";
        var request = new MlaRequest
        {
            Id = id, Reference = reference, RequestingNode = "KZ", OfficeCode = office, CreatedBy = "kz.prosecutor",
            CreatedAt = createdAt, UpdatedAt = createdAt, Revision = 1, ChildVictimPriority = i % 7 == 0,
        };
        request.SetContent(content);
        db.Requests.Add(request);

        var state = RequestStates[i % RequestStates.Length];
        var approved = state is "Approved" or "Completed";
        db.OutgoingRequestWorkflows.Add(new OutgoingRequestState
        {
            CorrelationId = id, Version = approved ? 4 : 2, CurrentState = state, Reference = reference, OfficeCode = office,
            LegalBasis = content.LegalBasis, Kind = content.Kind, Urgent = request.ChildVictimPriority, Targets = string.Join(',', targets),
            ReviewRounds = state == "Draft" ? 0 : 1, ApprovedAt = approved ? createdAt + Duration.FromHours(2) : null,
            BranchesFinished = state == "Completed" ? targets.Length : 0,
        });
        db.Timeline.Add(new TimelineEntry { SubjectId = id, At = createdAt, Actor = "kz.prosecutor", Action = "Drafted", Status = "Draft" });
        if (!approved)
            return;

        foreach (var target in targets)
        {
            var branchState = state == "Completed" ? "Completed" : BranchStates[(i / 20 + target.Length) % BranchStates.Length];
            var branchId = DeterministicGuid.Branch(id, target);
            var transmittedAt = createdAt + Duration.FromHours(2);
            var acknowledgement = Clock(id, branchId, ClockKind.Acknowledgement, target, reference, office, transmittedAt, Duration.FromDays(7),
                branchState == "Transmitted" ? null : transmittedAt + Duration.FromDays(1 + (i % 6)));
            db.Clocks.Add(acknowledgement);
            DeadlineClockState? execution = null;
            if (branchState is "InExecution" or "Executed" or "Completed")
            {
                execution = Clock(id, branchId, ClockKind.Execution, target, reference, office, transmittedAt + Duration.FromDays(10), Duration.FromDays(90),
                    branchState == "InExecution" ? null : transmittedAt + Duration.FromDays(20 + (i % 40)));
                db.Clocks.Add(execution);
            }
            db.BranchWorkflows.Add(new BranchState
            {
                CorrelationId = branchId, Version = 3, CurrentState = branchState, RequestId = id, Reference = reference, OfficeCode = office,
                TargetNode = target, LegalBasis = content.LegalBasis ?? LegalBasis.Chisinau2002, Urgent = request.ChildVictimPriority, Kind = content.Kind,
                TransmittedAt = transmittedAt, AcknowledgementClockId = acknowledgement.CorrelationId, ExecutionClockId = execution?.CorrelationId,
            });
        }
    }

    static DeadlineClockState Clock(Guid subject, Guid branch, ClockKind kind, string acting, string reference, string office, Instant start,
        Duration length, Instant? endedAt) => new()
    {
        CorrelationId = Guid.NewGuid(), Version = 1, CurrentState = endedAt is null ? "Running" : "Met", SubjectId = subject, BranchId = branch,
        Kind = kind, LegalBasis = LegalBasis.Chisinau2002, ActingCountry = acting, Reference = reference, OfficeCode = office, StartedAt = start,
        DueAt = start + length, Reminder50At = start + (length / 2), Reminder80At = start + (length * 0.8), LastPercent = 0,
        Length = $"{length.Days} days", Source = "Chisinau 2002", TimeZone = "Asia/Bishkek", CalendarVerified = true, EndedAt = endedAt,
    };
}
