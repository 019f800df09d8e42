using NodaTime;

namespace MlaRequests.Domain.Cases;

/// <summary>
/// A consultation before refusal or postponement (UNTOC Art. 18(26)): opened by the requested side, answered once by the requesting
/// side. Both nodes keep it under the same id (the requesting node under its branch, the requested node under its case, which has the
/// branch's id); the conditions it proposes are <see cref="CaseCondition"/> rows with its id.
/// </summary>
public sealed class Consultation
{
    /// <summary>The consultation, the same on both nodes.</summary>
    public Guid Id { get; set; }

    /// <summary>The branch (on the requested node: the case).</summary>
    public Guid BranchId { get; set; }

    /// <summary>One of <see cref="ConsultationCodes.Purposes"/>.</summary>
    public required string Purpose { get; set; }

    /// <summary>Refusal or postponement ground codes, comma-separated (empty for conditions).</summary>
    public string Grounds { get; set; } = string.Empty;

    /// <summary>The reasons.</summary>
    public required string Reasons { get; set; }

    /// <summary>Who opened it, with the requested node when it is not this one.</summary>
    public required string OpenedBy { get; set; }

    /// <summary>When.</summary>
    public Instant OpenedAt { get; set; }

    /// <summary><see cref="ConsultationCodes.Accepted"/> or <see cref="ConsultationCodes.Supplied"/> once answered.</summary>
    public string? Decision { get; set; }

    /// <summary>The supplied information or the note with an acceptance.</summary>
    public string? Answer { get; set; }

    /// <summary>Who answered, with the requesting node when it is not this one.</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>When it was answered.</summary>
    public Instant? AnsweredAt { get; set; }

    /// <summary>True once answered.</summary>
    public bool IsAnswered => AnsweredAt is not null;
}
