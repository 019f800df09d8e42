using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlaRequests.Node.Accounts;

namespace MlaRequests.Node.Pages;

/// <summary>The start page of each role: prosecutors their requests, liaison officers the inbox, supervisors and administrators the dashboard.</summary>
public sealed class IndexModel : PageModel
{
    /// <summary>Sends the user to their role's main page.</summary>
    public IActionResult OnGet() =>
        User.IsInRole(Roles.LiaisonOfficer) || User.IsInRole(Roles.Executor) ? Redirect("/Inbox")
        : User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Administrator) ? Redirect("/Dashboard")
        : Redirect("/Requests");
}
