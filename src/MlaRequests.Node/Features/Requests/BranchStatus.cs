using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Features.Requests;

/// <summary>
/// The status the API shows for a requested country whose branch workflow has not started yet. These two are not
/// states of <see cref="Workflows.Branches.BranchStateMachine"/>: no step is allowed in them.
/// </summary>
public static class BranchStatus
{
    /// <summary>The request is approved; its branch opens in a moment.</summary>
    public const string Transmitting = "Transmitting";

    /// <summary>The request is not approved yet.</summary>
    public const string NotTransmitted = "NotTransmitted";

    /// <summary>The status shown for a country without a branch while the request is in <paramref name="requestStatus"/>.</summary>
    public static string Pending(string requestStatus) =>
        requestStatus == nameof(OutgoingRequestStateMachine.Approved) ? Transmitting : NotTransmitted;

    /// <summary>True for <see cref="Transmitting"/> and <see cref="NotTransmitted"/>.</summary>
    public static bool IsPending(string status) => status is Transmitting or NotTransmitted;
}
