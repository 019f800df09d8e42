using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Measures;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Features.Measures;

/// <summary>One requested measure with its result, as the API shows it on an incoming case and on each branch of a request.</summary>
/// <param name="Measure">Its 1-based position in the transmitted content (the id both nodes use).</param>
/// <param name="Type">The kind of measure.</param>
/// <param name="Description">What was asked.</param>
/// <param name="Status">Pending, InExecution, Executed, PartiallyExecuted, Refused or Impossible.</param>
/// <param name="Summary">What was done.</param>
/// <param name="Grounds">Refusal ground codes, when refused.</param>
/// <param name="Reasons">Reasons of a refusal or an impossibility.</param>
/// <param name="RecordedBy">Who recorded the status (on the requesting node: the actor and the requested country).</param>
/// <param name="RecordedAt">When.</param>
/// <param name="RefusalProposedBy">Receiving node only: who proposed a refusal that waits for a supervisor's sign-off.</param>
/// <param name="ProposedGrounds">Its coded grounds.</param>
/// <param name="ProposedReasons">Its reasons.</param>
/// <param name="Provisional">For a provisional measure (freezing, preservation): its decision, or null while undecided; null for other measures.</param>
/// <param name="IsProvisional">True for a provisional measure (its own 24-hour clock until ordered or refused).</param>
public sealed record MeasureView(int Measure, string Type, string? Description, string Status, string? Summary, IReadOnlyList<string> Grounds,
    string? Reasons, string? RecordedBy, Instant? RecordedAt, string? RefusalProposedBy, IReadOnlyList<string> ProposedGrounds, string? ProposedReasons,
    ProvisionalDecisionView? Provisional = null, bool IsProvisional = false)
{
    /// <summary>Every measure of <paramref name="content"/> with the rows of <paramref name="caseId"/> (pending where none).</summary>
    public static async Task<IReadOnlyList<MeasureView>> ForAsync(NodeDbContext db, Guid caseId, RequestContent content, bool withProposals,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        var rows = await db.MeasureResults.AsNoTracking().Where(r => r.CaseId == caseId).ToDictionaryAsync(r => r.Measure, ct);
        return content.Measures.Select((m, i) => From(i + 1, m, rows.GetValueOrDefault(i + 1), withProposals)).ToList();
    }

    static MeasureView From(int number, MeasureRequested measure, MeasureResult? row, bool withProposals) =>
        new(number, measure.Type.ToString(), measure.Description, (row?.Status ?? MeasureStatus.Pending).ToString(), row?.Summary, Split(row?.Grounds),
            row?.Reasons, row?.RecordedBy, row?.RecordedAt, withProposals ? row?.ProposedBy : null, withProposals ? Split(row?.ProposedGrounds) : [],
            withProposals ? row?.ProposedReasons : null,
            row is { ProvisionalOutcome: { } outcome }
                ? new ProvisionalDecisionView(outcome, row.ProvisionalDecidedAt!.Value, row.ProvisionalAuthority ?? string.Empty, Split(row.ProvisionalGrounds),
                    row.ProvisionalReasons, row.ProvisionalRecordedBy, row.ProvisionalRecordedAt)
                : null,
            measure.IsProvisional);

    static IReadOnlyList<string> Split(string? codes) => string.IsNullOrEmpty(codes) ? [] : codes.Split(',');
}

/// <summary>A provisional measure's decision, as recorded on the requested node and reported to the requesting node.</summary>
/// <param name="Outcome">Ordered or Refused.</param>
/// <param name="DecidedAt">When the authority ordered or refused it.</param>
/// <param name="Authority">Which authority.</param>
/// <param name="Grounds">Refusal ground codes, if given.</param>
/// <param name="Reasons">Reasons (always with a refusal).</param>
/// <param name="RecordedBy">Who recorded it (on the requesting node: the actor and the requested country).</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record ProvisionalDecisionView(string Outcome, Instant DecidedAt, string Authority, IReadOnlyList<string> Grounds, string? Reasons,
    string? RecordedBy, Instant? RecordedAt);
