using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Timeline;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Accounts;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Persistence;

/// <summary>The node's database: accounts, request content, workflow instances, timeline, and the engine's inbox and outbox.</summary>
public sealed class NodeDbContext(DbContextOptions<NodeDbContext> options) : IdentityDbContext<NodeUser>(options)
{
    /// <summary>Requests this node's offices send.</summary>
    public DbSet<MlaRequest> Requests => Set<MlaRequest>();

    /// <summary>Requests received from other countries.</summary>
    public DbSet<IncomingCase> IncomingCases => Set<IncomingCase>();

    /// <summary>Notes on requests.</summary>
    public DbSet<RequestNote> Notes => Set<RequestNote>();

    /// <summary>Who did what when, per request or case.</summary>
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    /// <summary>Per-measure results of incoming cases (receiving node) and branches (requesting node).</summary>
    public DbSet<Domain.Measures.MeasureResult> MeasureResults => Set<Domain.Measures.MeasureResult>();

    /// <summary>Shared milestones of linked cases.</summary>
    public DbSet<Milestone> Milestones => Set<Milestone>();

    /// <summary>The participating countries' confirmations of shared milestones.</summary>
    public DbSet<MilestoneConfirmation> MilestoneConfirmations => Set<MilestoneConfirmation>();

    /// <summary>Status enquiries about branches (asked here) and cases (asked of this node).</summary>
    public DbSet<StatusEnquiry> StatusEnquiries => Set<StatusEnquiry>();

    /// <summary>Consultations before refusal or postponement (UNTOC Art. 18(26)), of branches and of cases.</summary>
    public DbSet<Consultation> Consultations => Set<Consultation>();

    /// <summary>Conditions proposed in consultations and those of acceptances under conditions.</summary>
    public DbSet<CaseCondition> CaseConditions => Set<CaseCondition>();

    /// <summary>The versions of JIT agreements per branch or case: the agreement first signed and each amendment (issue 14).</summary>
    public DbSet<Domain.Requests.JitAgreementVersion> JitAgreementVersions => Set<Domain.Requests.JitAgreementVersion>();

    /// <summary>Commands already executed, by idempotency key.</summary>
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>The append-only, hash-chained audit log.</summary>
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    /// <summary>Per-year counters for references.</summary>
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    /// <summary>Messages to other nodes and their transport states.</summary>
    public DbSet<Delivery.CrossBorderMessage> CrossBorderMessages => Set<Delivery.CrossBorderMessage>();

    /// <summary>Cross-border messages applied here, by envelope MessageId.</summary>
    public DbSet<Delivery.ReceivedEnvelope> ReceivedEnvelopes => Set<Delivery.ReceivedEnvelope>();

    /// <summary>Messages that arrived and were not applied.</summary>
    public DbSet<Delivery.QuarantinedMessage> QuarantinedMessages => Set<Delivery.QuarantinedMessage>();

    /// <summary>The contract version each peer was last seen speaking.</summary>
    public DbSet<Delivery.PeerVersion> PeerVersions => Set<Delivery.PeerVersion>();

    /// <summary>Outgoing-request workflows.</summary>
    public DbSet<OutgoingRequestState> OutgoingRequestWorkflows => Set<OutgoingRequestState>();

    /// <summary>Branch workflows (one per requested country).</summary>
    public DbSet<BranchState> BranchWorkflows => Set<BranchState>();

    /// <summary>Incoming-case workflows.</summary>
    public DbSet<IncomingCaseState> IncomingCaseWorkflows => Set<IncomingCaseState>();

    /// <summary>Deadline clocks.</summary>
    public DbSet<DeadlineClockState> Clocks => Set<DeadlineClockState>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseNodaTime();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyEngineModel();
        builder.ApplyConfigurationsFromAssembly(typeof(OutgoingRequestStateMap).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(NodeDbContext).Assembly);
    }
}
