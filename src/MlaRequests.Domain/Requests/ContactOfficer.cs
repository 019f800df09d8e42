namespace MlaRequests.Domain.Requests;

/// <summary>The officer the requested authority may contact about the request (UNODC practice; no treaty requires one).</summary>
public sealed class ContactOfficer
{
    /// <summary>The officer's full name.</summary>
    public string? Name { get; set; }

    /// <summary>A telephone number in international form (+, digits, spaces, brackets, hyphens).</summary>
    public string? Phone { get; set; }

    /// <summary>An e-mail address.</summary>
    public string? Email { get; set; }
}
