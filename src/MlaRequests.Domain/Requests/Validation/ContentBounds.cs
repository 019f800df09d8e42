using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The bounds request content must keep whether a user or a peer sends it: enums only with their
/// defined values, lists present, bounded and without null entries, texts bounded, dates in sane
/// ranges. The API answers 400 with these keys; the border quarantines a transmitted request that
/// breaks any of them. Keys are JSON paths (<c>persons[2].dateOfBirth</c>).
/// </summary>
public static partial class ContentBounds
{
    /// <summary>Every bound <paramref name="content"/> breaks on <paramref name="today"/>, keyed by path.</summary>
    public static Dictionary<string, string[]> Problems(RequestContent content, InputLimits limits, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var check = new Checker(limits, today);
        check.Defined("kind", content.Kind);
        check.Defined("legalBasis", content.LegalBasis);
        check.Defined("stage", content.Stage);
        check.Name("treatyName", content.TreatyName);
        check.Text("reciprocityAssurance", content.ReciprocityAssurance);
        check.Authority("requestingAuthority", content.RequestingAuthority);
        check.Authority("conductingAuthority", content.ConductingAuthority);
        check.Name("requestedAuthority", content.RequestedAuthority);
        check.Name("caseReference", content.CaseReference);
        check.Text("facts", content.Facts);
        check.Text("offenceQualification", content.OffenceQualification);
        check.Text("lawText", content.LawText);
        check.Name("damageCurrency", content.DamageCurrency);
        check.Text("evidencePurpose", content.EvidencePurpose);
        check.Text("urgencyReasons", content.UrgencyReasons);
        check.Date("desiredDate", content.DesiredDate);
        check.Text("limitsOnUse", content.LimitsOnUse);
        check.Name("originalLanguage", content.OriginalLanguage);
        check.Name("linkedCaseReference", content.LinkedCaseReference);
        check.Name("followsUp.earlierReference", content.FollowsUp?.EarlierReference);
        if (content.Jit is { } jit)
        {
            check.Text("jit.purpose", jit.Purpose);
            check.Date("jit.startsOn", jit.StartsOn);
            check.Date("jit.endsOn", jit.EndsOn);
            check.Text("jit.arrangements", jit.Arrangements);
            if (jit.Members is not null)
            {
                check.Each("jit.members", jit.Members, (path, m) =>
                {
                    check.Name($"{path}.country", m.Country);
                    check.Name($"{path}.name", m.Name);
                    check.Name($"{path}.function", m.Function);
                    check.Name($"{path}.authority", m.Authority);
                });
            }
        }
        check.Each("measures", content.Measures, (path, m) =>
        {
            check.Defined($"{path}.type", m.Type);
            check.Text($"{path}.description", m.Description);
            check.Text($"{path}.procedure", m.Procedure);
        });
        check.Each("persons", content.Persons, (path, p) =>
        {
            check.Defined($"{path}.role", p.Role);
            check.Defined($"{path}.kind", p.Kind);
            foreach (var (field, value) in new[] { ("name", p.Name), ("citizenship", p.Citizenship), ("placeOfBirth", p.PlaceOfBirth),
                         ("residence", p.Residence), ("occupation", p.Occupation), ("seat", p.Seat) })
                check.Name($"{path}.{field}", value);
            check.Date($"{path}.dateOfBirth", p.DateOfBirth, new LocalDate(limits.EarliestBirthYear, 1, 1), today);
            check.Person(path, p);
            if (p.Unknown is not null)
            {
                check.Each($"{path}.unknown", p.Unknown, (at, detail) =>
                {
                    if (!RequiredContentFields.Unknowable.TryGetValue(detail, out var given))
                        check.Errors[at] = [LegalBasisTexts.UnknownDetail.Format(Cut(detail), string.Join(", ", RequiredContentFields.Unknowable.Keys))];
                    else if (given(p))
                        check.Errors[at] = [LegalBasisTexts.GivenAndUnknown.Format(detail)];
                });
            }
        });
        if (content.TargetBases is not null)
        {
            check.Each("targetBases", content.TargetBases, (path, b) =>
            {
                check.Name($"{path}.country", b.Country);
                check.Defined($"{path}.legalBasis", b.LegalBasis);
                check.Name($"{path}.treatyName", b.TreatyName);
                check.Text($"{path}.reciprocityAssurance", b.ReciprocityAssurance);
            });
        }
        check.Each("translations", content.Translations, (path, t) =>
        {
            check.Name($"{path}.language", t.Language);
            check.Name($"{path}.translator", t.Translator);
            check.Date($"{path}.certifiedOn", t.CertifiedOn);
            check.Country($"{path}.country", t.Country);
        });
        check.Each("targets", content.Targets, (path, t) => check.Name(path, t));
        check.Signatures(content);
        return check.Errors;
    }

    static string Cut(string value) => value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>Collects the problems of one piece of content.</summary>
    sealed partial class Checker(InputLimits limits, LocalDate today)
    {
        public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

        public void Defined<T>(string path, T? value)
            where T : struct, Enum
        {
            if (value is { } v)
                Defined(path, v);
        }

        public void Defined<T>(string path, T value)
            where T : struct, Enum
        {
            if (!Enum.IsDefined(value))
                Errors[path] = [ProblemTexts.Undefined.Format(value, string.Join(", ", Enum.GetNames<T>()))];
        }

        public void Text(string path, string? value) => Length(path, value, limits.TextLength);

        public void Name(string path, string? value) => Length(path, value, limits.NameLength);

        public void Authority(string path, Authority? authority)
        {
            Name($"{path}.name", authority?.Name);
            Name($"{path}.function", authority?.Function);
        }

        public void Date(string path, LocalDate? value) =>
            Date(path, value, today.PlusYears(-limits.DateWindowYears), today.PlusYears(limits.DateWindowYears));

        public void Date(string path, LocalDate? value, LocalDate from, LocalDate to)
        {
            if (value is { } date && (date < from || date > to))
                Errors[path] = [ProblemTexts.DateRange.Format(LocalDatePattern.Iso.Format(from), LocalDatePattern.Iso.Format(to))];
        }

        public void Each<T>(string path, List<T>? items, Action<string, T> check)
        {
            // A peer or an older client can send "persons": null or [null]: the model's non-nullable types do not stop JSON.
            if (items is null)
            {
                Errors[path] = [ProblemTexts.ListRequired.Format()];
                return;
            }
            if (items.Count > limits.ListItems)
            {
                Errors[path] = [ProblemTexts.TooMany.Format(limits.ListItems)];
                return;
            }
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is { } item)
                    check($"{path}[{i}]", item);
                else
                    Errors[$"{path}[{i}]"] = [ProblemTexts.NullEntry.Format()];
            }
        }

        void Length(string path, string? value, int max)
        {
            if (value?.Length > max)
                Errors[path] = [ProblemTexts.TooLong.Format(max)];
        }
    }
}
