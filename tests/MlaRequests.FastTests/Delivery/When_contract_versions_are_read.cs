using FluentAssertions;
using MlaRequests.Contracts;
using MlaRequests.Contracts.Versions;
using MlaRequests.Node.Delivery;
using Xunit;

namespace MlaRequests.FastTests.Delivery;

/// <summary>
/// Which contract version each cross-border message needs. A message the release of 7 December 2026 (contract version 1)
/// did not have must say so with <c>[SinceVersion(2)]</c> or later, or a node of that release would be sent it as a message
/// it reads; and no message may need more than this release speaks.
/// </summary>
public sealed class When_contract_versions_are_read
{
    /// <summary>The contracts of version 1, as that release has them (docs/upgrades.md).</summary>
    static readonly string[] VersionOne =
    [
        nameof(AdditionalInformationProvided), nameof(AdditionalInformationRequested), nameof(EvidenceReceiptConfirmed), nameof(EvidenceTransferred),
        nameof(ExecutionRecorded), nameof(IncomingRequestAccepted), nameof(IncomingRequestAssigned), nameof(IncomingRequestPostponed),
        nameof(IncomingRequestRefused), nameof(IncomingRequestRegistered), nameof(MilestoneConfirmed), nameof(MilestoneProposed),
        nameof(RecognitionPeriodExtended), nameof(RequestTransmitted), nameof(RequestWithdrawn), nameof(SpontaneousInformationNoted),
    ];

    static IEnumerable<Type> Contracts() => typeof(CrossBorderEnvelope).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(CrossBorderEnvelope).Namespace && t != typeof(CrossBorderEnvelope) && t.IsClass);

    [Fact]
    public void Every_contract_of_the_first_release_needs_version_one()
    {
        foreach (var name in VersionOne)
            CrossBorderContracts.VersionOf(CrossBorderContracts.TypeOf(name)!).Should().Be(1, "{0} has been spoken since version 1", name);
    }

    [Fact]
    public void Every_later_contract_names_the_version_that_introduced_it()
    {
        Contracts().Where(t => !VersionOne.Contains(t.Name) && CrossBorderContracts.VersionOf(t) < 2).Select(t => t.Name)
            .Should().BeEmpty("a contract added after version 1 carries [SinceVersion(2)] or later, so a peer of version 1 is never sent it as one it reads");
    }

    [Fact]
    public void No_contract_needs_more_than_this_release_speaks()
    {
        Contracts().Where(t => CrossBorderContracts.VersionOf(t) > CrossBorderContracts.Version).Select(t => t.Name)
            .Should().BeEmpty("this release must read every contract it has");
        CrossBorderContracts.VersionOf(typeof(Introduced)).Should().Be(2);
    }

    [SinceVersion(2)]
    sealed record Introduced(Guid BranchId);
}
