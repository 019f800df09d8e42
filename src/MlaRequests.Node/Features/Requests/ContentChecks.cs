using MlaRequests.Domain;
using MlaRequests.Domain.Requests;

namespace MlaRequests.Node.Features.Requests;

/// <summary>Checks on content that hold even for a draft: known countries, sane lengths and dates.</summary>
public static class ContentChecks
{
    /// <summary>Problems with <paramref name="content"/>'s shape, keyed by field.</summary>
    public static Dictionary<string, string[]> Shape(RequestContent? content, string ownNode)
    {
        var errors = new Dictionary<string, string[]>();
        if (content is null)
        {
            errors["content"] = ["The request content is required."];
            return errors;
        }
        for (var i = 0; i < content.Targets.Count; i++)
        {
            var target = content.Targets[i];
            if (!NodeCode.IsKnown(target))
                errors[$"targets[{i}]"] = [$"Unknown country '{target}'; one of {string.Join(", ", NodeCode.Countries.Keys)}."];
            else if (target == ownNode)
                errors[$"targets[{i}]"] = ["A request goes to another country, not to this one."];
        }
        if (content.Targets.Distinct().Count() != content.Targets.Count)
            errors["targets"] = ["Each country appears once."];
        if (content.Jit is { StartsOn: { } start, EndsOn: { } end } && end < start)
            errors["jit.endsOn"] = ["The team's period ends after it starts."];
        if (content.DamageAmount is < 0)
            errors["damageAmount"] = ["The damage amount cannot be negative."];
        if (content.Facts?.Length > 20_000)
            errors["facts"] = ["At most 20,000 characters."];
        return errors;
    }
}
