using Microsoft.AspNetCore.Identity;
using MlaRequests.Node.Accounts;

namespace MlaRequests.Node.Audit;

/// <summary>Registers the audit log.</summary>
public static class AuditHosting
{
    /// <summary>The audit log and the sign-in manager that records sign-ins in it.</summary>
    public static IServiceCollection AddNodeAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<SignInManager<NodeUser>, AuditedSignInManager>();
        return services;
    }
}
