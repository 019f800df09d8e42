using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;

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
            errors["content"] = [ProblemTexts.ContentRequired.Format()];
            return errors;
        }
        for (var i = 0; i < content.Targets.Count; i++)
        {
            var target = content.Targets[i];
            if (!NodeCode.IsKnown(target))
                errors[$"targets[{i}]"] = [ProblemTexts.UnknownCountry.Format(target, string.Join(", ", NodeCode.Countries.Keys))];
            else if (target == ownNode)
                errors[$"targets[{i}]"] = [ProblemTexts.OwnCountry.Format()];
        }
        if (content.Targets.Distinct().Count() != content.Targets.Count)
            errors["targets"] = [ProblemTexts.CountryTwice.Format()];
        if (content.Jit is { StartsOn: { } start, EndsOn: { } end } && end < start)
            errors["jit.endsOn"] = [ProblemTexts.JitPeriod.Format()];
        if (content.DamageAmount is < 0)
            errors["damageAmount"] = [ProblemTexts.NegativeDamage.Format()];
        if (content.Facts?.Length > 20_000)
            errors["facts"] = [ProblemTexts.FactsTooLong.Format()];
        return errors;
    }
}
