using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.OutgoingRequests;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>POST /api/requests/{id}/notes</c>: adds a note to a request's file and its timeline.</summary>
public static class AddNote
{
    /// <summary>The note.</summary>
    /// <param name="Text">What the note says.</param>
    /// <param name="Author">Who wrote it.</param>
    public sealed record Command(string? Text, string? Author);

    /// <summary>The stored note's id.</summary>
    /// <param name="Id">The note id.</param>
    public sealed record Response(Guid Id);

    internal static async Task<Results<Created<Response>, NotFound, ValidationProblem>> Handle(
        Guid id, Command command, NodeDbContext db, DurableWriter writer, IClock clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Text))
            errors["text"] = ["The note's text is required."];
        if (string.IsNullOrWhiteSpace(command.Author))
            errors["author"] = ["The note's author is required."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (!await db.Requests.AnyAsync(x => x.Id == id, cancellationToken))
            return TypedResults.NotFound();

        var noteId = NewId.NextGuid();
        var now = clock.GetCurrentInstant();
        await writer.RunAsync(context =>
        {
            context.Add(new RequestNote { Id = noteId, RequestId = id, Text = command.Text!, Author = command.Author!.Trim(), CreatedAt = now });
            writer.Publish(new RequestNoteAdded(id, noteId, now));
            return Task.FromResult(noteId);
        }, cancellationToken);
        return TypedResults.Created($"/api/requests/{id}", new Response(noteId));
    }
}
