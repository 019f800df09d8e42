namespace MlaRequests.Domain.Requests;

/// <summary>An authority named in a request: its name and function.</summary>
public sealed class Authority
{
    /// <summary>Name of the authority.</summary>
    public string? Name { get; set; }

    /// <summary>Its function (e.g. investigator of the Department for combating trafficking).</summary>
    public string? Function { get; set; }
}
