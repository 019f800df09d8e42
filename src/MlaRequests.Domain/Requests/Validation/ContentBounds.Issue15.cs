using System.Text.RegularExpressions;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>The bounds of the content issue 15 added: persons' status, legal persons' details, representatives, signatory, contact officer, UNTOC scope, penalty.</summary>
public static partial class ContentBounds
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{3,28}[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    /// <summary>True for something shaped like an e-mail address.</summary>
    public static bool IsEmail(string value) => EmailPattern().IsMatch(value);

    /// <summary>True for something shaped like a telephone number.</summary>
    public static bool IsPhone(string value) => PhonePattern().IsMatch(value);

    sealed partial class Checker
    {
        public void Person(string path, PersonConcerned p)
        {
            Defined($"{path}.proceduralStatus", p.ProceduralStatus);
            if (p.ProceduralStatus is { } status && Enum.IsDefined(status) && Enum.IsDefined(p.Role) && !PersonStatusRules.Fits(p.Role, status))
            {
                Errors[$"{path}.proceduralStatus"] = [ContentTexts.StatusDoesNotFitRole.Format(status, p.Role,
                    string.Join(", ", PersonStatusRules.For(p.Role)))];
            }
            Name($"{path}.bankDetails", p.BankDetails);
            Name($"{path}.fiscalCode", p.FiscalCode);
            if (p.Representatives is { } representatives)
            {
                Each($"{path}.representatives", representatives, (at, r) =>
                {
                    Defined($"{at}.kind", r.Kind);
                    Name($"{at}.name", r.Name);
                    Name($"{at}.address", r.Address);
                });
            }
        }

        public void Country(string path, string? code)
        {
            Name(path, code);
            if (code is not null && !Errors.ContainsKey(path) && !NodeCode.IsKnown(code))
                Errors[path] = [ProblemTexts.UnknownCountry.Format(code, string.Join(", ", NodeCode.Countries.Keys))];
        }

        public void Signatures(RequestContent content)
        {
            Name("signatory.name", content.Signatory?.Name);
            Name("signatory.function", content.Signatory?.Function);
            Name("contactOfficer.name", content.ContactOfficer?.Name);
            Formatted("contactOfficer.phone", content.ContactOfficer?.Phone, IsPhone, ContentTexts.Phone);
            Formatted("contactOfficer.email", content.ContactOfficer?.Email, IsEmail, ContentTexts.Email);
            Defined("untocScope.ground", content.UntocScope?.Ground);
            Text("untocScope.reasons", content.UntocScope?.Reasons);
            Text("penalty", content.Penalty);
        }

        void Formatted(string path, string? value, Func<string, bool> valid, Timeline.TextTemplate problem)
        {
            Name(path, value);
            if (!string.IsNullOrWhiteSpace(value) && !Errors.ContainsKey(path) && !valid(value.Trim()))
                Errors[path] = [problem.Format()];
        }
    }
}
