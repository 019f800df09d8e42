using System.Reflection;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Node.Persistence;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// Who may send each contract, checked at the border against the case this node stores. A signature only says who
/// sent an envelope; a trusted peer must still be a party to the case, in the role the contract belongs to: the
/// requested country steps its own branch, the requesting country withdraws, answers and confirms its own case, and
/// nobody acts for a third country. Anything else is quarantined with the reason, never applied.
/// </summary>
public static class PeerAuthorization
{
    /// <summary>Every contract a peer may send, and which party of the case may send it.</summary>
    public static IReadOnlyDictionary<Type, Sender> Rules { get; } = new Dictionary<Type, Sender>
    {
        [typeof(RequestTransmitted)] = Sender.RequestingCountryOpening,
        [typeof(IncomingRequestRegistered)] = Sender.RequestedCountry,
        [typeof(IncomingRequestAssigned)] = Sender.RequestedCountry,
        [typeof(IncomingRequestAccepted)] = Sender.RequestedCountry,
        [typeof(IncomingRequestRefused)] = Sender.RequestedCountry,
        [typeof(IncomingRequestPostponed)] = Sender.RequestedCountry,
        [typeof(IncomingRequestResumed)] = Sender.RequestedCountry,
        [typeof(AdditionalInformationRequested)] = Sender.RequestedCountry,
        [typeof(RecognitionPeriodExtended)] = Sender.RequestedCountry,
        [typeof(ExecutionRecorded)] = Sender.RequestedCountry,
        [typeof(EvidenceTransferred)] = Sender.RequestedCountry,
        [typeof(SpontaneousInformationNoted)] = Sender.RequestedCountry,
        [typeof(MeasureResultReported)] = Sender.RequestedCountry,
        [typeof(ProvisionalMeasureDecided)] = Sender.RequestedCountry,
        [typeof(RequestWithdrawn)] = Sender.RequestingCountry,
        [typeof(AdditionalInformationProvided)] = Sender.RequestingCountry,
        [typeof(EvidenceReceiptConfirmed)] = Sender.RequestingCountry,
        [typeof(MilestoneProposed)] = Sender.EitherParty,
        [typeof(MilestoneConfirmed)] = Sender.EitherParty,
        [typeof(StatusEnquirySent)] = Sender.RequestingCountry,
        [typeof(StatusEnquiryAnswered)] = Sender.RequestedCountry,
        [typeof(ConsultationOpened)] = Sender.RequestedCountry,
        [typeof(ConsultationAnswered)] = Sender.RequestingCountry,
        [typeof(IncomingRequestAcceptedUnderConditions)] = Sender.RequestedCountry,
        [typeof(SharedMilestoneScheduled)] = Sender.RequestingCountry,
        [typeof(SharedMilestoneChanged)] = Sender.RequestingCountry,
        [typeof(SharedMilestoneConfirmed)] = Sender.RequestedCountry,
        [typeof(JitAgreementSigned)] = Sender.EitherParty,
        [typeof(JitAgreementDeclined)] = Sender.EitherParty,
        [typeof(JitAgreementClosed)] = Sender.EitherParty,
        [typeof(JitExtensionProposed)] = Sender.EitherParty,
        [typeof(JitExtensionSigned)] = Sender.EitherParty,
        [typeof(JitExtensionDeclined)] = Sender.EitherParty,
        [typeof(JitAmendmentProposed)] = Sender.EitherParty,
        [typeof(JitAmendmentSigned)] = Sender.EitherParty,
        [typeof(JitAmendmentDeclined)] = Sender.EitherParty,
        [typeof(JitSignatureRelayed)] = Sender.RequestingCountry,
        [typeof(JitPartyLeft)] = Sender.RequestingCountry,
        [typeof(DeliveryReceipt)] = Sender.Addressee,
    };

    /// <summary>Why <paramref name="envelope"/>'s signer may not send <paramref name="contract"/> to this node, or null when it may.</summary>
    public static async Task<string?> ProblemAsync(NodeDbContext db, string nodeCode, CrossBorderEnvelope envelope, object contract, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(contract);
        var from = envelope.From;
        var name = contract.GetType().Name;
        if (!Rules.TryGetValue(contract.GetType(), out var sender))
            return $"not permitted: {from} signed {name}, which no peer may send";
        if (contract is DeliveryReceipt receipt)
            return await ReceiptProblemAsync(db, from, receipt, ct);
        var caseId = CrossBorderContracts.CorrelationOf(contract);
        var refused = $"not permitted: {from} signed {name} for case {caseId}";
        if (ClaimedNode(contract) is { } claimed && claimed != from)
            return $"{refused}, which names {claimed} as its sender";
        if (contract is RequestTransmitted request)
            return await OpeningProblemAsync(db, nodeCode, from, request, refused, ct);

        var requestedCountry = await RequestedCountryOfOwnBranchAsync(db, caseId, ct);
        var requestingCountry = requestedCountry is null
            ? await db.IncomingCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.RequestingNode).SingleOrDefaultAsync(ct)
            : null;
        if (requestedCountry is null && requestingCountry is null)
            return $"{refused}: this node has no such case";
        return sender switch
        {
            Sender.RequestedCountry when requestedCountry != from => requestedCountry is null
                ? $"{refused}: only the requested country sends it, and on this node the case is a request from {requestingCountry}"
                : $"{refused}: only the requested country of this branch ({requestedCountry}) sends it",
            Sender.RequestingCountry when requestingCountry != from => requestingCountry is null
                ? $"{refused}: only the requesting country sends it, and on this node the case is this node's own branch to {requestedCountry}"
                : $"{refused}: only the requesting country of this case ({requestingCountry}) sends it",
            Sender.EitherParty when (requestedCountry ?? requestingCountry) != from =>
                $"{refused}: {from} is not a party to it (the other party is {requestedCountry ?? requestingCountry})",
            _ => contract is JitSignatureRelayed relay ? await JitRelayAuthorization.ProblemAsync(db, nodeCode, relay, refused, ct) : null,
        };
    }

    /// <summary>A transmitted request opens a case: only from its own requesting country, never over another country's case or a branch of this node.</summary>
    static async Task<string?> OpeningProblemAsync(NodeDbContext db, string nodeCode, string from, RequestTransmitted request, string refused, CancellationToken ct)
    {
        if (!NodeCode.IsKnown(request.FromNode))
            return $"{refused}: '{request.FromNode}' is not a node of the region";
        if (request.ToNode != nodeCode)
            return $"{refused}: the request is for '{request.ToNode}', this is {nodeCode}";
        var existing = await db.IncomingCases.AsNoTracking().Where(c => c.Id == request.BranchId).Select(c => c.RequestingNode).SingleOrDefaultAsync(ct);
        if (existing is not null && existing != from)
            return $"{refused}: that case exists here as a request from {existing}";
        if (await RequestedCountryOfOwnBranchAsync(db, request.BranchId, ct) is { } target)
            return $"{refused}: that id is this node's own branch to {target}";
        return null;
    }

    /// <summary>A receipt only marks delivered a message this node sent to the receipt's signer.</summary>
    static async Task<string?> ReceiptProblemAsync(NodeDbContext db, string from, DeliveryReceipt receipt, CancellationToken ct)
    {
        var sentTo = await db.CrossBorderMessages.AsNoTracking().Where(m => m.MessageId == receipt.MessageId && m.Kind == DeliveryStates.MessageKind)
            .Select(m => m.ToNode).SingleOrDefaultAsync(ct);
        return sentTo == from ? null
            : sentTo is null ? $"not permitted: {from} signed a receipt for message {receipt.MessageId}, which this node never sent"
            : $"not permitted: {from} signed a receipt for message {receipt.MessageId}, which was sent to {sentTo}";
    }

    /// <summary>
    /// The requested country of this node's own branch <paramref name="branchId"/>, or null when it is not one. The transmitted request's
    /// delivery row is written in the approval's own commit, before the branch workflow starts, so an answer that overtakes
    /// the branch's creation is still recognised.
    /// </summary>
    static async Task<string?> RequestedCountryOfOwnBranchAsync(NodeDbContext db, Guid branchId, CancellationToken ct) =>
        await db.BranchWorkflows.AsNoTracking().Where(b => b.CorrelationId == branchId).Select(b => b.TargetNode).SingleOrDefaultAsync(ct)
        ?? await db.CrossBorderMessages.AsNoTracking()
            .Where(m => m.CorrelationId == branchId && m.Kind == DeliveryStates.MessageKind && m.ContractType == nameof(RequestTransmitted))
            .Select(m => m.ToNode).FirstOrDefaultAsync(ct);

    /// <summary>The node a contract says sent it (<c>FromNode</c> of a request, <c>Node</c> of every step), if it names one.</summary>
    static string? ClaimedNode(object contract) => contract switch
    {
        RequestTransmitted request => request.FromNode,
        _ => contract.GetType().GetProperty("Node", BindingFlags.Public | BindingFlags.Instance)?.GetValue(contract) as string,
    };

    /// <summary>The party of a case that may send a contract.</summary>
    public enum Sender
    {
        /// <summary>The requesting country, opening the case (the envelope's signer is the request's own <c>FromNode</c>).</summary>
        RequestingCountryOpening,

        /// <summary>The requested country of this node's branch (its target must be the signer).</summary>
        RequestedCountry,

        /// <summary>The requesting country of a case this node received (its requesting node must be the signer).</summary>
        RequestingCountry,

        /// <summary>Either party of a linked case, never a third country.</summary>
        EitherParty,

        /// <summary>A receipt: only from the node the acknowledged message was sent to.</summary>
        Addressee,
    }
}
