using System.Text.Json;
using FluentAssertions;
using MlaRequests.Contracts;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Delivery;
using NodaTime;
using Xunit;

namespace MlaRequests.FastTests.Delivery;

/// <summary>
/// The requested office's file number rides at the end of <see cref="IncomingRequestRegistered"/>, optional: a peer of release 2 or 3 (contract
/// version 3 and before) reads the message as it always did, and a registration from such a peer reads here with no number.
/// </summary>
public sealed class When_a_registration_crosses_to_an_older_peer
{
    /// <summary>The message as releases 1 to 3 have it.</summary>
    sealed record IncomingRequestRegisteredOfRelease3(Guid BranchId, string Node, string Actor, Instant At);

    static readonly Guid Branch = Guid.Parse("6f1c1f8e-58a4-4a7b-9f57-3c1d3f3b2a10");
    static readonly Instant At = Instant.FromUtc(2026, 12, 7, 9, 30);

    [Fact]
    public void The_message_needs_no_new_contract_version() =>
        CrossBorderContracts.VersionOf(typeof(IncomingRequestRegistered)).Should().Be(1, "the file number is an optional property at the end, not a new message");

    [Fact]
    public void A_release_3_peer_reads_the_new_message_and_ignores_the_number()
    {
        var json = CrossBorderContracts.Serialize(new IncomingRequestRegistered(Branch, "KG", "kg.liaison", At, "2-1234/26"));

        var old = JsonSerializer.Deserialize<IncomingRequestRegisteredOfRelease3>(json, MessageJson.Options);

        old.Should().Be(new IncomingRequestRegisteredOfRelease3(Branch, "KG", "kg.liaison", At));
    }

    [Fact]
    public void A_registration_from_a_release_3_peer_reads_here_without_a_number()
    {
        var json = JsonSerializer.Serialize(new IncomingRequestRegisteredOfRelease3(Branch, "KG", "kg.liaison", At), MessageJson.Options);

        var read = CrossBorderContracts.Deserialize(json, typeof(IncomingRequestRegistered));

        read.Should().Be(new IncomingRequestRegistered(Branch, "KG", "kg.liaison", At));
        ((IncomingRequestRegistered)read!).FileNumber.Should().BeNull();
    }

    [Fact]
    public void The_number_crosses_between_two_nodes_of_this_release()
    {
        var json = CrossBorderContracts.Serialize(new IncomingRequestRegistered(Branch, "KG", "kg.liaison", At, "МП-17/2026"));

        ((IncomingRequestRegistered)CrossBorderContracts.Deserialize(json, typeof(IncomingRequestRegistered))!).FileNumber.Should().Be("МП-17/2026");
    }
}
