using System.ComponentModel.DataAnnotations;
using MlaRequests.Domain;

namespace MlaRequests.Node.Hosting;

/// <summary>Settings of this national node (section <c>Node</c>).</summary>
public sealed class NodeOptions : IValidatableObject
{
    /// <summary>The node's country code: KZ, KG, TJ, TM or UZ.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>Where the node keeps its database; relative paths are under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The SQLite file of this node.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), $"node-{Code.ToLowerInvariant()}.db");

    /// <summary>
    /// Where the node keeps the key ring that protects its tokens and cookies (ASP.NET Core Data Protection); empty: the
    /// <c>data-protection</c> folder of <see cref="DataDirectory"/>. The ring is this node's alone: a token or cookie another
    /// node issued does not open here.
    /// </summary>
    public string? DataProtectionKeys { get; set; }

    /// <summary>The key ring's directory, resolved.</summary>
    public string DataProtectionKeysPath => Path.GetFullPath(string.IsNullOrWhiteSpace(DataProtectionKeys)
        ? Path.Combine(DataDirectory, "data-protection")
        : DataProtectionKeys);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Code))
            yield return new ValidationResult($"Node:Code is missing: set it to one of {string.Join(", ", NodeCode.Countries.Keys)}.", [nameof(Code)]);
        else if (!NodeCode.IsKnown(Code))
            yield return new ValidationResult($"Node:Code must be one of {string.Join(", ", NodeCode.Countries.Keys)} (was '{Code}').", [nameof(Code)]);
        if (string.IsNullOrWhiteSpace(DataDirectory))
            yield return new ValidationResult("Node:DataDirectory must name a directory.", [nameof(DataDirectory)]);
    }
}
