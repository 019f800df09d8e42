namespace MlaRequests.Domain.Requests;

/// <summary>Stage of the requesting state's proceedings.</summary>
public enum CaseStage
{
    /// <summary>Pre-trial investigation.</summary>
    Investigation,

    /// <summary>Prosecution.</summary>
    Prosecution,

    /// <summary>Trial.</summary>
    Trial,
}
