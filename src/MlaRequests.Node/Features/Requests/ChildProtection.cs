using System.Security.Claims;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Accounts;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary>
/// "Leave no child behind": a child victim's identifying data is shown only to the people handling
/// the request (the owning office's prosecutors and the liaison officers); everyone else sees the
/// person's role and that the data is restricted.
/// </summary>
public static class ChildProtection
{
    /// <summary>What replaces restricted values.</summary>
    public const string Restricted = "[restricted: child victim]";

    /// <summary>True when <paramref name="user"/> handles requests of <paramref name="officeCode"/>.</summary>
    public static bool Handles(ClaimsPrincipal user, string? officeCode) =>
        user.IsInRole(Roles.LiaisonOfficer) || (officeCode is not null && user.IsInRole(Roles.Prosecutor) && user.Office() == officeCode);

    /// <summary>A copy of <paramref name="content"/> with child victims' identifying data removed.</summary>
    public static RequestContent Redact(RequestContent content, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(content);
        var copy = RequestContentJson.Deserialize(RequestContentJson.Serialize(content));
        foreach (var person in copy.Persons.Where(p => p?.IsChildVictimOn(today) == true))
        {
            person.Name = Restricted;
            person.DateOfBirth = null;
            person.PlaceOfBirth = Restricted;
            person.Residence = person.Residence is null ? null : Restricted;
            person.Citizenship = person.Citizenship is null ? null : Restricted;
            // A parent's or guardian's name and address identify the child as surely as the child's own.
            foreach (var representative in person.Representatives?.Where(r => r is not null) ?? [])
                (representative.Name, representative.Address) = (Restricted, representative.Address is null ? null : Restricted);
        }
        return copy;
    }
}
