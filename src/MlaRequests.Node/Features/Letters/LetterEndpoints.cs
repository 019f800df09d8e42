using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.Node.Audit;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Features.Letters;

/// <summary>
/// <c>GET /api/requests/{id}/letter?lang=en|ru</c>: the request letter as a PDF, for whoever may see
/// the request (404 otherwise), with a child victim's data redacted exactly as <c>GET /api/requests/{id}</c> does, and the conditions
/// the requested countries execute it under (of an acceptance under conditions, or proposed in a consultation and accepted).
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
        endpoints.MapGet("/api/incoming/{id:guid}/letter", IncomingLetter.Handle).WithTags("Incoming").RequireAuthorization()
            .WithName("GetIncomingLetter").WithSummary("Write the letter of request received from another country as a PDF")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf");
        return endpoints;
    }

    /// <summary>Writes the audit row of a printed letter (the subject is the request's or the case's URL) and commits it.</summary>
    internal static async Task AuditAsync(NodeDbContext db, AuditLog audit, string language, string subject, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(db, AuditTexts.PrintLetter.Format(language), subject, "200", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The letter of request <paramref name="id"/> in <paramref name="lang"/> (English by default).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Handle(Guid id, string? lang, ClaimsPrincipal user,
        NodeDbContext db, IClock clock, IOptions<NodeOptions> node, AuditLog audit, CancellationToken cancellationToken)
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
        var conditions = await ConditionsAsync(db, id, content.Targets, cancellationToken);
        var amended = await AmendedJitAsync(db, id, content, cancellationToken);
        var pdf = RequestLetter.Render(request, content, today, CultureInfo.GetCultureInfo(language), conditions, amended);
        await AuditAsync(db, audit, language, $"/api/requests/{id}", cancellationToken);
        return TypedResults.File(pdf, "application/pdf", $"{request.Reference}-{language}.pdf");
    }

    /// <summary>Per requested country whose JIT agreement was amended, the version in force (the letter prints it beside the agreement first proposed).</summary>
    static async Task<IReadOnlyList<LetterJitVersion>> AmendedJitAsync(NodeDbContext db, Guid id, Domain.Requests.RequestContent content, CancellationToken ct)
    {
        var amended = new List<LetterJitVersion>();
        if (content.Kind != Domain.Requests.RequestKind.JointInvestigationTeam || content.Jit is null)
            return amended;
        foreach (var country in content.Targets)
        {
            var branchId = DeterministicGuid.Branch(id, country);
            var branch = await db.BranchWorkflows.AsNoTracking().Where(b => b.CorrelationId == branchId).Select(b => new { b.CurrentState, b.JitEndsOn })
                .SingleOrDefaultAsync(ct);
            var history = await Requests.JitAgreementHistory.ReadAsync(db, branchId, branch?.CurrentState, content.Jit, branch?.JitEndsOn, ct);
            if (history.InForce is { Number: > 1 } inForce)
            {
                var agreement = inForce.Read();
                agreement.EndsOn = branch?.JitEndsOn ?? agreement.EndsOn;
                amended.Add(new(country, inForce.Number, agreement));
            }
        }
        return amended;
    }

    /// <summary>
    /// The conditions that bind this office, per requested country: those of an acceptance under conditions, and those a consultation
    /// proposed which this office accepted. Conditions of a consultation answered otherwise, or still open, are not terms of execution.
    /// </summary>
    static async Task<IReadOnlyList<LetterCondition>> ConditionsAsync(NodeDbContext db, Guid id, IReadOnlyList<string> targets, CancellationToken ct)
    {
        var branches = targets.ToDictionary(t => DeterministicGuid.Branch(id, t), t => t);
        var ids = branches.Keys.ToList();
        var accepted = await db.Consultations.AsNoTracking()
            .Where(c => ids.Contains(c.BranchId) && c.Purpose == ConsultationCodes.Conditions && c.Decision == ConsultationCodes.Accepted)
            .Select(c => c.Id).ToListAsync(ct);
        var rows = await db.CaseConditions.AsNoTracking()
            .Where(c => ids.Contains(c.BranchId) && (c.ConsultationId == null || accepted.Contains(c.ConsultationId.Value))).ToListAsync(ct);
        return [.. rows.OrderBy(c => branches[c.BranchId], StringComparer.Ordinal).ThenBy(c => c.ConsultationId is null).ThenBy(c => c.Position)
            .Select(c => new LetterCondition(branches[c.BranchId], c.Kind, c.Text, c.ConsultationId is not null))];
    }
}
