namespace MlaRequests.Contracts.Versions;

/// <summary>
/// The contract version that introduced a message. A contract without it has been spoken since version 1. A node
/// that speaks an older version does not know the message: it quarantines it with that reason, and the sender
/// sends it again once the peer speaks the version (see <c>CrossBorderContracts</c> in the node).
/// </summary>
/// <param name="version">The first contract version with this message.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SinceVersionAttribute(int version) : Attribute
{
    /// <summary>The first contract version with this message.</summary>
    public int Version { get; } = version;
}
