using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MlaRequests.Node.Pages;

/// <summary>Stores the user's language and time zone in cookies (a year), then goes back to the page they were on.</summary>
public sealed class PreferencesModel : PageModel
{
    /// <summary>Sets the cookies.</summary>
    public IActionResult OnPost(string? culture, string? zone, string? returnUrl)
    {
        var options = new CookieOptions { Expires = TimeProvider.System.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true };
        if (UiHosting.Cultures.Any(c => c.Name == culture))
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)), options);
        if (zone is not null && UiFormat.Zones.Contains(zone))
            Response.Cookies.Append(UiFormat.ZoneCookie, zone, options);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
