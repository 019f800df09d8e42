namespace MlaRequests.Node.Accounts;

/// <summary>The roles of a node (DESIGN.md §Security).</summary>
public static class Roles
{
    /// <summary>Opens and follows requests of their own office.</summary>
    public const string Prosecutor = "prosecutor";

    /// <summary>Central authority: approves outgoing steps, registers and decides incoming requests.</summary>
    public const string LiaisonOfficer = "liaison-officer";

    /// <summary>Reads everything on the node and acts on escalations.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Runs the node: accounts, failed messages, quarantine.</summary>
    public const string Administrator = "administrator";

    /// <summary>
    /// The executing prosecutor or investigator of a received request: sees only the cases assigned to them, records
    /// execution per measure and prepares the evidence, which a liaison officer reviews and transfers.
    /// </summary>
    public const string Executor = "executor";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Prosecutor, LiaisonOfficer, Supervisor, Administrator, Executor];
}
