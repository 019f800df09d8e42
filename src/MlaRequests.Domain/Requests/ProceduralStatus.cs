namespace MlaRequests.Domain.Requests;

/// <summary>
/// A person's procedural status as the CIS codes of criminal procedure name it. It refines
/// <see cref="PersonRole"/>, which already says suspect, victim or witness, and must fit it
/// (<see cref="Validation.PersonStatusRules"/>): a release-2 peer reads the role and ignores this.
/// </summary>
public enum ProceduralStatus
{
    /// <summary>Suspect (подозреваемый).</summary>
    Suspect,

    /// <summary>Accused, charged (обвиняемый).</summary>
    Accused,

    /// <summary>Defendant at trial (подсудимый).</summary>
    Defendant,

    /// <summary>Convicted (осуждённый).</summary>
    Convicted,

    /// <summary>Victim (потерпевший).</summary>
    Victim,

    /// <summary>Civil claimant (гражданский истец).</summary>
    CivilClaimant,

    /// <summary>Civil defendant (гражданский ответчик).</summary>
    CivilDefendant,

    /// <summary>Witness (свидетель).</summary>
    Witness,
}
