using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Node.Audit;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Features.Letters;

/// <summary>
/// <c>GET /api/incoming/{id}/letter?lang=en|ru</c>: the requested side prints the letter of request it received, rendered from the received
/// content by the same code as the requesting side's letter (<see cref="RequestLetter"/>), under the reference the requesting office gave it.
/// Whoever may see the case may print it (an executor only the cases assigned to them, else 404; a prosecutor 403, as for the case); a child
/// victim's identifying data are left out for everyone who does not handle the case, exactly as <c>GET /api/incoming/{id}</c> does. Each print is
/// an audit row.
/// </summary>
public static class IncomingLetter
{
    /// <summary>The letter of the incoming case <paramref name="id"/> in <paramref name="lang"/> (English by default).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult, ValidationProblem>> Handle(Guid id, string? lang, ClaimsPrincipal user,
        NodeDbContext db, IClock clock, WorkflowNode node, AuditLog audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var language = string.IsNullOrWhiteSpace(lang) ? "en" : lang.Trim().ToLowerInvariant();
        if (!LetterEndpoints.Languages.Contains(language))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = ["One of en, ru."] });
        if (!IncomingQueries.MaySee(user))
            return TypedResults.Forbid();
        var found = await db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null || !IncomingQueries.MaySee(user, found))
            return TypedResults.NotFound();
        var receivedOn = NodeTime.Today(node.Code, found.ReceivedAt);
        var restricted = found.Content.HasChildVictim(receivedOn) && !IncomingQueries.Handles(user, found);
        var content = restricted ? ChildProtection.Redact(found.Content, receivedOn) : found.Content;
        var today = NodeTime.Today(node.Code, clock.GetCurrentInstant());
        var pdf = RequestLetter.Render(found.RemoteReference, content, today, CultureInfo.GetCultureInfo(language));
        await LetterEndpoints.AuditAsync(db, audit, language, $"/api/incoming/{id}", cancellationToken);
        return TypedResults.File(pdf, "application/pdf", $"{found.RemoteReference}-{language}.pdf");
    }
}
