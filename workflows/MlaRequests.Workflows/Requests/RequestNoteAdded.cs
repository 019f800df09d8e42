using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>A note was added to the request's file (its text stays in the domain tables).</summary>
/// <param name="RequestId">The request.</param>
/// <param name="NoteId">The note.</param>
/// <param name="At">When.</param>
public sealed record RequestNoteAdded(Guid RequestId, Guid NoteId, Instant At);
