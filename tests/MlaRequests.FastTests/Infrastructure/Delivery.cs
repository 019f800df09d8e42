namespace MlaRequests.FastTests.Infrastructure;

/// <summary>What one delivered message did.</summary>
/// <param name="Fault">The exception the workflow threw (an event it does not take yet), or null.</param>
/// <param name="Published">Messages the workflow published while consuming it (faults left out).</param>
/// <param name="Sent">Messages the workflow sent while consuming it.</param>
public sealed record Delivery(Exception? Fault, IReadOnlyList<object> Published, IReadOnlyList<object> Sent);
