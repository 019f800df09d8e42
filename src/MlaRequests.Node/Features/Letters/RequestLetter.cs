using System.Globalization;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Resources;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Node.Features.Letters;

/// <summary>
/// The request letter for the paper channel: every item of DOMAIN.md's "required content of an
/// outgoing request", labelled in the chosen language; what the prosecutor wrote stays as written.
/// </summary>
public static class RequestLetter
{
    /// <summary>
    /// The PDF of <paramref name="request"/> (its content already redacted for the reader) in <paramref name="culture"/>, with the
    /// <paramref name="conditions"/> the requested countries execute it under, if any.
    /// </summary>
    public static byte[] Render(MlaRequest request, RequestContent content, LocalDate date, CultureInfo culture, IReadOnlyList<LetterCondition>? conditions = null,
        IReadOnlyList<LetterJitVersion>? amendedJit = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Render(request.Reference, content, date, culture, conditions, amendedJit);
    }

    /// <summary>
    /// The PDF of the request <paramref name="reference"/> (the requesting office's reference) from <paramref name="content"/>, already redacted
    /// for the reader: the requesting side prints its own request with it, the requested side the content it received.
    /// </summary>
    public static byte[] Render(string reference, RequestContent content, LocalDate date, CultureInfo culture, IReadOnlyList<LetterCondition>? conditions = null,
        IReadOnlyList<LetterJitVersion>? amendedJit = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(content);
        LetterFonts.Install();
        string T(string key) => Ui.Get(key, culture);
        string E<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? T($"{typeof(TEnum).Name}.{v}") : string.Empty;
        var day = LocalDatePattern.Iso;

        var letter = new LetterWriter($"{reference} — {T("Letter.Title")}");
        letter.Title(T("Letter.Title"));
        letter.Paragraph($"{T("Field.Reference")}: {reference}    {T("Letter.Date")}: {day.Format(date)}");
        letter.Paragraph($"{T("Field.Targets")}: {string.Join(", ", content.Targets.Select(c => $"{c} ({T("Country." + c)})"))}");
        letter.Field(T("Field.Kind"), E<RequestKind>(content.Kind));
        letter.Field(T("Field.RequestingAuthority"), Authority(content.RequestingAuthority));
        letter.Field(T("Field.ConductingAuthority"), Authority(content.ConductingAuthority));
        letter.Field(T("Field.RequestedAuthority"), content.RequestedAuthority);
        letter.Field(T("Field.CaseReference"), Join(content.CaseReference, E(content.Stage)));
        letter.Field(T("Field.LegalBasis"), Join(E(content.LegalBasis), content.TreatyName, content.ReciprocityAssurance));
        if (content.TargetBases is { Count: > 0 } bases)
        {
            letter.Field(T("Field.TargetBases"), string.Join("\n", bases.Where(b => b is not null).Select(b =>
                $"{b.Country} ({T("Country." + b.Country)}): {Join(E(b.LegalBasis), b.TreatyName, b.ReciprocityAssurance)}")));
        }
        if (content.UntocScope is { } scope)
            letter.Field(T("Field.UntocScope"), Join(E(scope.Ground), scope.Reasons));
        letter.Field(T("Field.Facts"), content.Facts);
        letter.Field(T("Field.Offence"), Join(content.OffenceQualification, content.LawText,
            content.DamageAmount is { } amount ? $"{T("Field.Damage")}: {amount.ToString("N2", culture)} {content.DamageCurrency}" : null,
            Labelled(T("Field.Penalty"), content.Penalty)));
        letter.Field(T("Field.Measures"), string.Join("\n", content.Measures.Select((m, i) =>
            $"{i + 1}. {E<MeasureType>(m.Type)}: {m.Description}" + (string.IsNullOrWhiteSpace(m.Procedure) ? string.Empty : $" ({T("Field.Procedure")}: {m.Procedure})"))));
        letter.Field(T("Field.Persons"), string.Join("\n", content.Persons.Select((p, i) => $"{i + 1}. {E<PersonRole>(p.Role)}: " + Person(p, T))));
        letter.Field(T("Field.EvidencePurpose"), content.EvidencePurpose);
        letter.Field(T("Field.Urgency"), content.Urgent
            ? Join(T("Letter.Urgent"), content.UrgencyReasons, content.DesiredDate is { } desired ? $"{T("Field.DesiredDate")}: {day.Format(desired)}" : null)
            : T("Letter.NotUrgent"));
        letter.Field(T("Field.Confidentiality"), content.Confidential ? Join(T("Letter.Confidential"), content.LimitsOnUse) : T("Letter.NotConfidential"));
        letter.Field(T("Field.Languages"), Join($"{T("Field.OriginalLanguage")}: {content.OriginalLanguage}",
            string.Join("\n", content.Translations.Select(t => $"{T("Field.Translation")}: {t.Language}, {t.Translator}, {(t.CertifiedOn is { } on ? day.Format(on) : string.Empty)}"
                + (t.Country is { } country ? $" ({T("Field.TranslationCountry")}: {T("Country." + country)})" : string.Empty)))));
        letter.Field(T("Field.LinkedCase"), content.LinkedCaseReference);
        if (content.FollowsUp is { } follows)
            letter.Field(T("FollowUp.Of." + follows.Kind), follows.EarlierReference);
        if (content.Jit is not null)
            letter.Field(T("RequestKind.JointInvestigationTeam"), Join(content.Jit.Purpose,
                $"{(content.Jit.StartsOn is { } from ? day.Format(from) : "?")} – {(content.Jit.EndsOn is { } to ? day.Format(to) : "?")}"));
        foreach (var version in amendedJit ?? [])
        {
            var jit = version.Agreement;
            letter.Field($"{T("Country." + version.Country)}: {T("Jit.Versions.InForce")} {version.Number}", Join(jit.Purpose,
                $"{(jit.StartsOn is { } from ? day.Format(from) : "?")} – {(jit.EndsOn is { } to ? day.Format(to) : "?")}",
                string.Join("\n", (jit.Members ?? []).Select(m => $"{m.Country}: {m.Name}, {m.Function}, {m.Authority}" + (m.Leader ? $" ({T("Jit.Leader")})" : string.Empty))),
                jit.Arrangements));
        }
        if (content.ContactOfficer is { } contact)
            letter.Field(T("Field.ContactOfficer"), string.Join("; ", new[] { contact.Name, contact.Phone, contact.Email }.Where(x => !string.IsNullOrWhiteSpace(x))));
        if (conditions is { Count: > 0 })
            letter.Field(T("Letter.Conditions"), string.Join("\n", conditions.Select(c =>
                $"{T("Country." + c.Country)}: {T("ConditionKind." + c.Kind)}: {c.Text}" + (c.FromConsultation ? $" ({T("Letter.FromConsultation")})" : string.Empty))));
        // Signed and sealed under the CIS conventions: the signatory is printed above the place for the signature and seal.
        letter.Field(T("Letter.SignatureBlock"), Join(Join(content.Signatory?.Name, content.Signatory?.Function).Replace("\n", ", ", StringComparison.Ordinal), "\n______________________"));
        return letter.ToArray();
    }

    static string Authority(Authority? authority) => Join(authority?.Name, authority?.Function);

    static string Person(PersonConcerned p, Func<string, string> t) => (p.Kind == PersonKind.Legal
        ? Join(p.Name, Labelled(t("Field.Seat"), p.Seat), Labelled(t("Field.BankDetails"), p.BankDetails), Labelled(t("Field.FiscalCode"), p.FiscalCode),
            Labelled(t("Field.ProceduralStatus"), p.ProceduralStatus is { } legalStatus ? t($"ProceduralStatus.{legalStatus}") : null),
            p.InPretrialDetention == true ? t("Field.InPretrialDetention") : null).Replace("\n", "; ", StringComparison.Ordinal)
        : string.Join("; ", new[]
        {
            p.Name, Labelled(t("Field.ProceduralStatus"), p.ProceduralStatus is { } status ? t($"ProceduralStatus.{status}") : null),
            Labelled(t("Field.Citizenship"), p.Citizenship), Labelled(t("Field.DateOfBirth"), p.DateOfBirth is { } born ? LocalDatePattern.Iso.Format(born) : null),
            Labelled(t("Field.PlaceOfBirth"), p.PlaceOfBirth), Labelled(t("Field.Residence"), p.Residence), Labelled(t("Field.Occupation"), p.Occupation),
            p.InPretrialDetention == true ? t("Field.InPretrialDetention") : null, p.PossibleMinor == true ? t("Field.PossibleMinor") : null,
        }.Where(x => !string.IsNullOrWhiteSpace(x))))
        + string.Concat((p.Representatives ?? []).Where(r => r is not null).Select(r => $"\n   {t($"RepresentativeKind.{r.Kind}")}: {Join(r.Name, r.Address).Replace("\n", ", ", StringComparison.Ordinal)}"));

    static string? Labelled(string label, string? value) => string.IsNullOrWhiteSpace(value) ? null : $"{label}: {value}";

    static string Join(params string?[] parts) => string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
