using Microsoft.AspNetCore.Identity;

namespace MlaRequests.Node.Accounts;

/// <summary>
/// Demo accounts for a node run in development (or with <c>Demo:SeedAccounts=true</c>): one per
/// role, and a second prosecutor and executor in another office to show office and assignment scoping. Listed in the README.
/// </summary>
public static class DemoAccounts
{
    /// <summary>The demo password of every demo account.</summary>
    public const string Password = "Demo!2026";

    static readonly Dictionary<string, (string Main, string Other)> Offices = new(StringComparer.Ordinal)
    {
        ["KZ"] = ("KZ-ALM", "KZ-AST"),
        ["KG"] = ("KG-BIS", "KG-OSH"),
        ["TJ"] = ("TJ-DUS", "TJ-KHU"),
        ["TM"] = ("TM-ASH", "TM-MAR"),
        ["UZ"] = ("UZ-TAS", "UZ-SAM"),
    };

    /// <summary>The demo accounts of <paramref name="nodeCode"/>: user name, role, office.</summary>
    public static IEnumerable<(string UserName, string Role, string Office)> For(string nodeCode)
    {
        var code = nodeCode.ToLowerInvariant();
        var (main, other) = Offices[nodeCode];
        yield return ($"{code}.prosecutor", Roles.Prosecutor, main);
        yield return ($"{code}.prosecutor2", Roles.Prosecutor, other);
        yield return ($"{code}.liaison", Roles.LiaisonOfficer, main);
        yield return ($"{code}.supervisor", Roles.Supervisor, main);
        yield return ($"{code}.admin", Roles.Administrator, main);
        yield return ($"{code}.executor", Roles.Executor, main);
        yield return ($"{code}.executor2", Roles.Executor, other);
    }

    /// <summary>Creates the roles and the demo accounts that do not exist yet.</summary>
    public static async Task SeedAsync(IServiceProvider services, string nodeCode)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NodeUser>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }
        foreach (var (userName, role, office) in For(nodeCode))
        {
            if (await users.FindByNameAsync(userName) is not null)
                continue;
            var user = new NodeUser { UserName = userName, OfficeCode = office, DisplayName = userName, EmailConfirmed = true };
            Check(await users.CreateAsync(user, Password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
        }
    }

    static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
