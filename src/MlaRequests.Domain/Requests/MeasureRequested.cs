using System.Text.Json.Serialization;

namespace MlaRequests.Domain.Requests;

/// <summary>A measure the requested state is asked to carry out.</summary>
public sealed class MeasureRequested
{
    /// <summary>What kind of measure.</summary>
    public MeasureType Type { get; set; }

    /// <summary>What exactly is to be done.</summary>
    public string? Description { get; set; }

    /// <summary>Any procedure the requested state is asked to follow.</summary>
    public string? Procedure { get; set; }

    /// <summary>Freezing and preservation are provisional measures with a 24-hour clock (EIO Art. 32).</summary>
    /// <remarks>Derived from <see cref="Type"/>, so not part of the document: a caller cannot send it, and a field the API would ignore is refused.</remarks>
    [JsonIgnore]
    public bool IsProvisional => Type is MeasureType.FreezeAssets or MeasureType.PreserveEvidence;
}

/// <summary>Kinds of measures.</summary>
public enum MeasureType
{
    /// <summary>Hear a witness, victim or suspect.</summary>
    Hearing,

    /// <summary>Obtain bank, telecom or other records.</summary>
    ObtainRecords,

    /// <summary>Search and seizure.</summary>
    SearchAndSeizure,

    /// <summary>Freeze assets (provisional).</summary>
    FreezeAssets,

    /// <summary>Preserve evidence (provisional).</summary>
    PreserveEvidence,

    /// <summary>Serve documents.</summary>
    ServeDocuments,

    /// <summary>Identify or locate a person.</summary>
    IdentifyPerson,

    /// <summary>Anything else, described.</summary>
    Other,
}
