namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// Which procedural statuses fit which role: the role (suspect, victim, witness) is what a release-2
/// peer reads, so a status may only refine it, never contradict it (a witness is never "accused").
/// </summary>
public static class PersonStatusRules
{
    static readonly Dictionary<PersonRole, ProceduralStatus[]> Fitting = new()
    {
        [PersonRole.Suspect] = [ProceduralStatus.Suspect, ProceduralStatus.Accused, ProceduralStatus.Defendant, ProceduralStatus.Convicted, ProceduralStatus.CivilDefendant],
        [PersonRole.Victim] = [ProceduralStatus.Victim, ProceduralStatus.CivilClaimant],
        [PersonRole.Witness] = [ProceduralStatus.Witness],
    };

    /// <summary>The statuses that fit <paramref name="role"/>.</summary>
    public static IReadOnlyList<ProceduralStatus> For(PersonRole role) => Fitting.TryGetValue(role, out var statuses) ? statuses : [];

    /// <summary>True when <paramref name="status"/> refines <paramref name="role"/>.</summary>
    public static bool Fits(PersonRole role, ProceduralStatus status) => For(role).Contains(status);
}
