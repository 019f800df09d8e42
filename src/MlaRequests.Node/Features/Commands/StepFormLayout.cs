namespace MlaRequests.Node.Features.Commands;

/// <summary>The inputs a step's form in the web UI shows besides its button.</summary>
[Flags]
public enum StepFields
{
    /// <summary>The button only.</summary>
    None = 0,

    /// <summary>An officer's user name.</summary>
    Assignee = 1,

    /// <summary>Coded refusal grounds.</summary>
    Grounds = 2,

    /// <summary>A future date.</summary>
    Until = 4,

    /// <summary>A number of days.</summary>
    ExtensionDays = 8,

    /// <summary>Every measure executed.</summary>
    Complete = 16,

    /// <summary>A measure's number (its position in the request).</summary>
    Measure = 32,

    /// <summary>A measure's status.</summary>
    MeasureStatus = 64,

    /// <summary>Coded postponement grounds.</summary>
    PostponementGrounds = 128,

    /// <summary>A consultation's purpose (conditions, intended refusal, intended postponement); with it the postponement grounds.</summary>
    Purpose = 256,

    /// <summary>Conditions: one optional wording per kind.</summary>
    Conditions = 512,

    /// <summary>A choice of requested countries (a shared milestone's participants).</summary>
    Countries = 1024,

    /// <summary>A JIT agreement's members, purpose and arrangements (an amendment).</summary>
    JitAgreement = 2048,
    /// <summary>A provisional measure's decision: the outcome (ordered or refused), when and by which authority.</summary>
    ProvisionalDecision = 4096,
}

/// <summary>How a step's form looks in the web UI.</summary>
/// <param name="TextLabel">The UI text key of its one free-text field, or null when it has none.</param>
/// <param name="Fields">Its other inputs.</param>
/// <param name="Danger">True when the step ends or refuses something (a red button).</param>
public sealed record StepFormLayout(string? TextLabel = null, StepFields Fields = StepFields.None, bool Danger = false);
