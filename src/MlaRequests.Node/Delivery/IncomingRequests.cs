using MlaRequests.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.IncomingCases;
using NodaTime;
using NodaTime.Text;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Data;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// A request another country transmitted to this node, applied by the border in the envelope's own unit of work:
/// its content is stored as an incoming case under a local registration reference and the incoming-case workflow
/// starts, in the same commit as the envelope's inbox row and its receipt. The case is on this node's API the
/// moment that commit is done, with no further hop through the broker.
/// </summary>
public static class IncomingRequests
{
    /// <summary>
    /// What makes a contract unacceptable here (checked at the border, so it is quarantined), or null: any contract
    /// over the input limits (<see cref="ContractBounds"/>, the same limits as the API's), and for a transmitted request
    /// whatever makes it unreadable.
    /// </summary>
    public static string? Problem(object contract, string nodeCode, InputLimits limits, Instant now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (ContractBounds.Problem(contract, limits, nameof(RequestTransmitted.ContentJson)) is { } bounds)
            return $"over the input limits: {bounds}";
        return contract switch
        {
            RequestTransmitted request => Problem(request, nodeCode, limits, LaterToday(nodeCode, request.FromNode, now)),
            RecognitionPeriodExtended { Extension: var extension } when !IsRecognitionExtension(extension) =>
                $"over the input limits: Extension: {PeriodPattern.NormalizingIso.Format(extension)} is not 1 to {LongestRecognitionExtension.Value} days",
            _ => null,
        };
    }

    /// <summary>
    /// The later of today here and today in the sending country: a date the sender's own checks took as today or earlier
    /// (a birth date, a desired date) is never refused here because this country's calendar day has not begun yet.
    /// </summary>
    static LocalDate LaterToday(string nodeCode, string fromNode, Instant now)
    {
        var here = NodeTime.Today(nodeCode, now);
        var there = NodeCode.IsKnown(fromNode) ? NodeTime.Today(fromNode, now) : here;
        return here > there ? here : there;
    }

    /// <summary>The longest recognition extension any deadline policy allows (the API checks the case's own policy; a peer's message is checked against this bound).</summary>
    static readonly Lazy<int> LongestRecognitionExtension = new(() => Enum.GetValues<LegalBasis>()
        .SelectMany(basis => new[] { false, true }.Select(urgent => WorkflowData.DeadlinePolicies.Rule(ClockKind.Recognition, basis, urgent).MaxExtension?.Days ?? 0))
        .Max());

    static bool IsRecognitionExtension(Period extension) =>
        extension is { Years: 0, Months: 0, Weeks: 0, HasTimeComponent: false, Days: > 0 } && extension.Days <= LongestRecognitionExtension.Value;

    /// <summary>What makes a transmitted request unreadable here, or null: only defined kinds and bases (by name), content within the API's bounds.</summary>
    public static string? Problem(RequestTransmitted request, string nodeCode, InputLimits limits, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ToNode != nodeCode)
            return $"misaddressed: the request is for '{request.ToNode}', this is {nodeCode}";
        if (request.ContentVersion != RequestContentJson.Version)
            return $"unsupported content version {request.ContentVersion} (this node reads {RequestContentJson.Version})";
        // By name only: Enum.TryParse also takes "999", which names no basis and no kind, and the case's workflow would never start.
        if (!Enum.GetNames<LegalBasis>().Contains(request.LegalBasis, StringComparer.Ordinal))
            return $"unknown legal basis '{Cut(request.LegalBasis)}'";
        if (!Enum.GetNames<RequestKind>().Contains(request.Kind, StringComparer.Ordinal))
            return $"unknown request kind '{Cut(request.Kind)}'";
        try
        {
            var content = RequestContentJson.DeserializeAsSent(request.ContentJson);
            if (ContentBounds.Problems(content, limits, today).Select(e => $"content over the input limits: {e.Key}: {e.Value[0]}").FirstOrDefault() is { } bounds)
                return bounds;
            return content.Kind.ToString() == request.Kind ? null : $"the content's kind '{content.Kind}' is not the request's kind '{request.Kind}'";
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or ArgumentException)
        {
            return $"malformed request content: {Cut(exception.Message)}";
        }
    }

    static string Cut(string? text) => text is { Length: > 100 } ? text[..100] + "…" : text ?? string.Empty;

    /// <summary>Creates the incoming case for <paramref name="request"/> (unless it exists) and starts its workflow.</summary>
    public static async Task ReceiveAsync(NodeDbContext db, string nodeCode, RequestTransmitted request, Instant now, ConsumeContext context)
    {
        if (await db.IncomingCases.AnyAsync(c => c.Id == request.BranchId, context.CancellationToken))
            return;

        var reference = await References.NextAsync(db, $"{nodeCode}-IN", nodeCode, now, context.CancellationToken);
        var content = RequestContentJson.Deserialize(request.ContentJson);
        db.IncomingCases.Add(new IncomingCase
        {
            Id = request.BranchId,
            Reference = reference,
            RemoteReference = request.Reference,
            RequestingNode = request.FromNode,
            RemoteRequestId = request.RequestId,
            ReceivedAt = now,
            Urgent = request.Urgent,
            Content = content,
        });
        await FollowUpLink.RecordAsync(db, request, content, now, context.CancellationToken);
        await context.Publish(new IncomingRequestReceived(request.BranchId, request.FromNode, reference, request.Kind,
            Enum.Parse<LegalBasis>(request.LegalBasis), request.Urgent, request.HasProvisionalMeasures, now,
            request.HasProvisionalMeasures ? Domain.Measures.ProvisionalMeasureRules.Positions(content.Measures) : null, content.DesiredDate));
    }
}
