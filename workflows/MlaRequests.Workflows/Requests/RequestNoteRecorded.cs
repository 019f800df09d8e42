namespace MlaRequests.Workflows.Requests;

/// <summary>Published once the workflow applied a note.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="NoteId">The note.</param>
/// <param name="NoteCount">Notes on the request after this one.</param>
public sealed record RequestNoteRecorded(Guid RequestId, Guid NoteId, int NoteCount);
