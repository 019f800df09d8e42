using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary>Checks on content that hold even for a draft: the bounds every input keeps (<see cref="ContentBounds"/>), known countries, sane amounts.</summary>
public static class ContentChecks
{
    /// <summary>Problems with <paramref name="content"/>'s shape, keyed by field.</summary>
    public static Dictionary<string, string[]> Shape(RequestContent? content, string ownNode, InputLimits limits, LocalDate today)
    {
        if (content is null)
            return new() { ["content"] = [ProblemTexts.ContentRequired.Format()] };
        var errors = ContentBounds.Problems(content, limits, today);
        if (content.Targets is { } targets && targets.Count <= limits.ListItems)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                if (targets[i] is not { } target || errors.ContainsKey($"targets[{i}]"))
                    continue;
                if (!NodeCode.IsKnown(target))
                    errors[$"targets[{i}]"] = [ProblemTexts.UnknownCountry.Format(target, string.Join(", ", NodeCode.Countries.Keys))];
                else if (target == ownNode)
                    errors[$"targets[{i}]"] = [ProblemTexts.OwnCountry.Format()];
            }
            if (targets.Distinct().Count() != targets.Count)
                errors["targets"] = [ProblemTexts.CountryTwice.Format()];
        }
        if (content.TargetBases is { } bases && bases.Count <= limits.ListItems && content.Targets is { } requested)
        {
            for (var i = 0; i < bases.Count; i++)
            {
                if (bases[i] is not { } basis || errors.ContainsKey($"targetBases[{i}].country"))
                    continue;
                if (basis.Country is null || !requested.Contains(basis.Country))
                    errors[$"targetBases[{i}].country"] = [LegalBasisTexts.NotATarget.Format(basis.Country, string.Join(", ", requested))];
                else if (basis.LegalBasis is null)
                    errors.TryAdd($"targetBases[{i}].legalBasis", [LegalBasisTexts.BasisRequired.Format(basis.Country)]);
            }
            if (bases.Where(b => b is not null).Select(b => b.Country).Distinct().Count() != bases.Count(b => b is not null))
                errors["targetBases"] = [LegalBasisTexts.BasisTwice.Format()];
        }
        if (content.Jit is { StartsOn: { } start, EndsOn: { } end } && end < start)
            errors["jit.endsOn"] = [ProblemTexts.JitPeriod.Format()];
        foreach (var (field, problem) in JitAgreementRules.ShapeProblems(content.Jit, ownNode, content.Targets))
            errors.TryAdd(field, problem);
        if (DesiredDateRules.InputProblem(content.DesiredDate, today) is { } desired)
            errors.TryAdd(DesiredDateRules.Field, desired);
        if (content.DamageAmount is < 0)
            errors["damageAmount"] = [ProblemTexts.NegativeDamage.Format()];
        return errors;
    }
}
