namespace MlaRequests.Workflows.Shared;

/// <summary>The node the workflows run on.</summary>
/// <param name="Code">Its country code (KZ, KG, TJ, TM, UZ).</param>
public sealed record WorkflowNode(string Code)
{
    /// <summary>
    /// The cross-border contract version this node speaks (its <c>CrossBorder:ContractVersion</c>, lower when pinned for a staged
    /// roll-out; unlimited in workflow tests). A workflow promises a peer only what this version carries, e.g. provisional-measure
    /// decisions (version 4).
    /// </summary>
    public int ContractVersion { get; init; } = int.MaxValue;

    /// <summary>The queue through which other nodes reach this one (cross-border messages) and its branch and incoming-case workflows run.</summary>
    public string InboundQueue => InboundQueueOf(Code);

    /// <summary>The inbound queue of node <paramref name="code"/>.</summary>
    public static string InboundQueueOf(string code) => $"{code.ToLowerInvariant()}-inbound";

    /// <summary>
    /// The address to send a cross-border message to node <paramref name="code"/>: the exchange in front of its
    /// inbound queue. The queue itself (a quorum queue) is declared only by its owner, with its own arguments; a
    /// message the broker cannot route yet comes back to the sender, whose outbox tries again later.
    /// </summary>
    public static Uri InboundAddressOf(string code) => new($"exchange:{InboundQueueOf(code)}");
}
