using Microsoft.AspNetCore.Http.HttpResults;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Audit;
using MlaRequests.Node.Persistence;

namespace MlaRequests.Node.Features.Audit;

/// <summary><c>GET /api/audit/verify</c> (administrators and supervisors): checks the audit chain and names the first broken link.</summary>
public static class AuditEndpoints
{
    /// <summary>The result of a check.</summary>
    /// <param name="Intact">True when every row matches its hash and points at the one before it.</param>
    /// <param name="RowsChecked">Rows found intact before the first break (all rows when intact).</param>
    /// <param name="FirstBrokenSequence">The row where the chain breaks, if it does.</param>
    /// <param name="Reason">What is wrong with that row.</param>
    public sealed record Verification(bool Intact, long RowsChecked, long? FirstBrokenSequence, string? Reason);

    /// <summary>Maps the audit endpoints.</summary>
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit/verify", VerifyAsync).WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Supervisor))
            .WithName("VerifyAudit").WithSummary("Check the audit chain and name its first broken link");
        return endpoints;
    }

    /// <summary>Checks the chain.</summary>
    public static async Task<Ok<Verification>> VerifyAsync(NodeDbContext db, CancellationToken cancellationToken)
    {
        var (rows, broken) = await AuditLog.VerifyAsync(db, cancellationToken);
        return TypedResults.Ok(new Verification(broken is null, rows, broken?.Sequence, broken?.Reason));
    }
}
