using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MlaRequests.Domain;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Features.Letters;

/// <summary>
/// <c>GET /api/requests/{id}/letter?lang=en|ru</c>: the request letter as a PDF, for whoever may see
/// the request (404 otherwise), with a child victim's data redacted exactly as <c>GET /api/requests/{id}</c> does.
/// </summary>
public static class LetterEndpoints
{
    /// <summary>The languages a letter can be written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ru"];

    /// <summary>Maps the letter endpoint.</summary>
    public static IEndpointRouteBuilder MapLetters(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/requests/{id:guid}/letter", Handle).WithTags("Requests").RequireAuthorization()
            .WithName("GetRequestLetter").WithSummary("Write the request letter as a PDF")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf");
        return endpoints;
    }

    /// <summary>The letter of request <paramref name="id"/> in <paramref name="lang"/> (English by default).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Handle(Guid id, string? lang, ClaimsPrincipal user,
        NodeDbContext db, IClock clock, IOptions<NodeOptions> node, CancellationToken cancellationToken)
    {
        var language = string.IsNullOrWhiteSpace(lang) ? "en" : lang.Trim().ToLowerInvariant();
        if (!Languages.Contains(language))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = ["One of en, ru."] });
        if (await RequestQueries.FindAsync(db, id, user, cancellationToken) is not var (request, _))
            return TypedResults.NotFound();
        var createdOn = NodeTime.Today(node.Value.Code, request.CreatedAt);
        var restricted = (request.ChildVictimPriority || request.Content.HasChildVictim(createdOn)) && !ChildProtection.Handles(user, request.OfficeCode);
        var content = restricted ? ChildProtection.Redact(request.Content, createdOn) : request.Content;
        var today = NodeTime.Today(node.Value.Code, clock.GetCurrentInstant());
        var pdf = RequestLetter.Render(request, content, today, CultureInfo.GetCultureInfo(language));
        return TypedResults.File(pdf, "application/pdf", $"{request.Reference}-{language}.pdf");
    }
}
