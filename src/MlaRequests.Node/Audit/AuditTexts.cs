using MlaRequests.Domain.Timeline;

namespace MlaRequests.Node.Audit;

/// <summary>
/// What the audit log records for sign-ins and web steps, as English templates under stable keys: the row
/// (and its hash) keeps the English; the audit page shows the key's text in the user's language.
/// API commands are recorded as their HTTP method and path, which need no translation.
/// </summary>
public static class AuditTexts
{
    /// <summary>A sign-in through an authentication scheme.</summary>
    public static readonly TextTemplate SignIn = new("Audit.Text.SignIn", "sign-in ({scheme})");

    /// <summary>A request created from the guided form.</summary>
    public static readonly TextTemplate Create = new("Audit.Text.Create", "create request (web)");

    /// <summary>A draft edited from the guided form.</summary>
    public static readonly TextTemplate Edit = new("Audit.Text.Edit", "edit request {id} (web)");

    /// <summary>A step taken from a page (submit, approve, register, …) on a request, branch or incoming case.</summary>
    public static readonly TextTemplate Step = new("Audit.Text.Step", "{step} {subject} {id} (web)");

    /// <summary>A letter of request printed (on the requesting or the requested side); the subject is the request's or the case's URL.</summary>
    public static readonly TextTemplate PrintLetter = new("Audit.Text.PrintLetter", "print the letter of request ({lang})");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [SignIn, Create, Edit, Step, PrintLetter];
}
