namespace MlaRequests.Workflows.Content;

/// <summary>A coded refusal ground.</summary>
/// <param name="Code">Stable code stored with the refusal.</param>
/// <param name="Title">What it means.</param>
/// <param name="Source">The article it comes from.</param>
public sealed record RefusalGround(string Code, string Title, string Source);
