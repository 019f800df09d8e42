namespace MlaRequests.Domain.Requests;

/// <summary>Who signs the letter of request for the requesting authority (under the CIS conventions it is signed and sealed).</summary>
public sealed class Signatory
{
    /// <summary>The signatory's full name.</summary>
    public string? Name { get; set; }

    /// <summary>The signatory's function (e.g. Deputy Prosecutor General).</summary>
    public string? Function { get; set; }
}
