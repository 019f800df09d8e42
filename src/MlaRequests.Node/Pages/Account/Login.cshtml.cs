using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MlaRequests.Node.Accounts;

namespace MlaRequests.Node.Pages.Account;

/// <summary>
/// Sign-in with the node's accounts (Identity's application cookie), or through the configured
/// OpenID Connect provider: its user is matched to an existing local account of the same user
/// name (accounts, roles and offices stay with the node's administrators).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimiting.Policy)]
public sealed class LoginModel(SignInManager<NodeUser> signIn, UserManager<NodeUser> users, IAuthenticationSchemeProvider schemes, SignInGuard guard)
    : PageModel
{
    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The user name typed.</summary>
    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>The password typed.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The resource key of what went wrong.</summary>
    public string? Error { get; private set; }

    /// <summary>True when an OpenID Connect provider is configured.</summary>
    public bool OidcEnabled { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync() => OidcEnabled = await schemes.GetSchemeAsync(UiHosting.OidcScheme) is not null;

    /// <summary>Checks the password and sets the cookie.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await OnGetAsync();
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Login.Missing";
            return Page();
        }
        var name = UserName.Trim();
        var outcome = name.Length > SignInLimits.MaxUserNameLength
            ? new SignInGuard.Outcome(false, null)
            : await guard.SignInAsync(signIn, HttpContext, name, Password);
        if (outcome.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        if (outcome.RetryAfter is { } retry)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = SignInGuard.RetryAfterHeader(retry);
            Error = "Login.TooMany";
            return Page();
        }
        // One message for every failure: an unknown user, a wrong password and a locked account are not told apart.
        Error = "Login.Wrong";
        UserName = name.Length > SignInLimits.MaxUserNameLength ? null : name;
        return Page();
    }

    /// <summary>Signs out.</summary>
    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }

    /// <summary>Goes to the OpenID Connect provider.</summary>
    public IActionResult OnPostExternal()
    {
        var callback = Url.Page("/Account/Login", "ExternalCallback", new { ReturnUrl });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(UiHosting.OidcScheme, callback), UiHosting.OidcScheme);
    }

    /// <summary>Back from the provider: signs in the linked account, linking it first by user name.</summary>
    public async Task<IActionResult> OnGetExternalCallbackAsync()
    {
        await OnGetAsync();
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Error = "Login.ExternalFailed";
            return Page();
        }
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (!result.Succeeded && info.Principal.FindFirst("preferred_username")?.Value is { } name && await users.FindByNameAsync(name) is { } user
            && (await users.AddLoginAsync(user, info)).Succeeded)
            result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        Error = "Login.NoLocalAccount";
        return Page();
    }
}
