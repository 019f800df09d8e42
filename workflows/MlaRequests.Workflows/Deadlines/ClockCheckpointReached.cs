namespace MlaRequests.Workflows.Deadlines;

/// <summary>A clock's scheduled checkpoint (a reminder or the due instant) was reached.</summary>
/// <param name="ClockId">The clock.</param>
/// <param name="Percent">50, 80 or 100.</param>
public sealed record ClockCheckpointReached(Guid ClockId, int Percent);
