using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>
/// Who a received request may be assigned to: an account of this node, not locked out, whose role
/// executes cases (an executing prosecutor or investigator of any of the node's offices, or a liaison
/// officer of the central authority, who may execute a case itself). A free-text name would put anyone,
/// or a megabyte, on the case and in the audit log. A case assigned by an earlier release to a name that is
/// no such account keeps that name until it is reassigned.
/// </summary>
public static class Assignees
{
    /// <summary>The roles that execute a received request.</summary>
    public static IReadOnlyList<string> ExecutingRoles { get; } = [Roles.Executor, Roles.LiaisonOfficer];

    /// <summary>Problems with <paramref name="assignee"/> under the key <c>assignee</c>; empty when the account may take the case.</summary>
    public static async Task<Dictionary<string, string[]>> ProblemsAsync(StepServices s, string? assignee, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (string.IsNullOrWhiteSpace(assignee))
            return new() { ["assignee"] = [ProblemTexts.Required.Format("assignee")] };
        if (assignee.Length > s.Limits.NameLength)
            return new() { ["assignee"] = [ProblemTexts.TooLong.Format(s.Limits.NameLength)] };
        var name = assignee.Trim();
        // Identity's default normalizer: upper-case, invariant culture.
        var normalized = name.ToUpperInvariant();
        var now = s.Now.ToDateTimeOffset();
        var may = await (
            from user in s.Db.Users
            join link in s.Db.UserRoles on user.Id equals link.UserId
            join role in s.Db.Roles on link.RoleId equals role.Id
            where user.NormalizedUserName == normalized && ExecutingRoles.Contains(role.Name!)
            select new { user.UserName, user.LockoutEnd }).ToListAsync(ct);
        // SQLite cannot compare DateTimeOffset values in SQL; an account has few role rows, so compare here.
        return may.Any(u => u.UserName == name && (u.LockoutEnd is null || u.LockoutEnd <= now))
            ? []
            : new() { ["assignee"] = [ProblemTexts.UnknownAssignee.Format(name, string.Join(", ", ExecutingRoles))] };
    }
}
