using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Requests;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>POST /api/requests/{id}/notes</c>: adds a note to a request's file (prosecutors of the office and liaison officers).</summary>
public static class AddNote
{
    /// <summary>The note.</summary>
    /// <param name="Text">What the note says.</param>
    public sealed record Command(string? Text);

    /// <summary>The stored note's id.</summary>
    /// <param name="Id">The note id.</param>
    public sealed record Response(Guid Id);

    internal static async Task<Results<Created<Response>, NotFound, ForbidHttpResult, ValidationProblem>> Handle(
        Guid id, Command command, ClaimsPrincipal user, NodeDbContext db, CommandContext commands, IClock clock, InputLimits limits,
        CancellationToken cancellationToken)
    {
        if (await RequestQueries.FindAsync(db, id, user, cancellationToken) is not var (request, _))
            return TypedResults.NotFound();
        if (!ChildProtection.Handles(user, request.OfficeCode))
            return TypedResults.Forbid();
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > limits.TextLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"A note of 1 to {limits.TextLength:N0} characters is required."] });

        var noteId = NewId.NextGuid();
        var now = clock.GetCurrentInstant();
        var response = new Response(noteId);
        await commands.CommitAsync(context =>
        {
            context.Notes.Add(new RequestNote { Id = noteId, RequestId = id, Text = command.Text, Author = user.UserName(), CreatedAt = now });
            commands.Publish(new RequestNoteAdded(id, noteId, now));
            return Task.CompletedTask;
        }, StatusCodes.Status201Created, response, $"/api/requests/{id}", cancellationToken);
        return TypedResults.Created($"/api/requests/{id}", response);
    }
}
