using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Api;

/// <summary>Brings a request received from KG to a given status through the liaison officer's steps.</summary>
public static class IncomingSetup
{
    public static readonly string[] Routes =
    [
        "register", "assign", "extend-recognition", "request-information", "accept", "refuse", "postpone", "record-execution",
        "transfer-evidence", "open-mirror-case", "close",
        "record-measure", "propose-measure-refusal", "prepare-evidence", "resume",
    ];

    /// <summary>A complete body for <paramref name="route"/> (record-execution: complete; <c>record-execution:partial</c> for part of it).</summary>
    public static object BodyOf(string route, ApiNode api) => route switch
    {
        "register" => new { fileNumber = "KZ-GP 2-17/26" },
        "assign" => new { assignee = "kz.liaison" },
        "extend-recognition" => new { extension = "P10D", reasons = "The bank needs a court order first." },
        "request-information" => new { questions = "Which branch of the bank holds the account?" },
        "refuse" => new { grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "The act is not an offence in Kazakhstan." },
        "postpone" => new { reason = "It would prejudice our own investigation.", until = api.Today.PlusDays(30) },
        "record-execution" => new { complete = true, summary = "Witness heard; bank records obtained." },
        "record-execution:partial" => new { complete = false, summary = "Witness heard; bank records pending." },
        "transfer-evidence" => new { description = "Hearing record and bank statements by diplomatic courier." },
        "record-measure" => new { measure = 1, status = "Executed", summary = "Witness heard." },
        "propose-measure-refusal" => new { measure = 1, grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "Not an offence in Kazakhstan." },
        "prepare-evidence" => new { description = "Hearing record, sealed." },
        "resume" => new { reasons = "Our own trial ended." },
        _ => new { },
    };

    public static string RouteOf(string step) => step.Split(':')[0];

    /// <summary>A classic request received from KG in <paramref name="status"/>, the node settled.</summary>
    public static async Task<Guid> CaseIn(this ApiNode api, string status, RequestContent? content = null)
    {
        var id = await api.ReceiveFromKg(content);
        string[] path = status switch
        {
            "Received" => [],
            "Registered" or "InformationRegistered" => ["register"],
            "Assigned" => ["register", "assign"],
            "AwaitingInformation" => ["register", "assign", "request-information"],
            "Postponed" => ["register", "assign", "postpone"],
            "RefusalProposed" => ["register", "assign", "refuse"],
            "InExecution" => ["register", "assign", "accept"],
            "PartiallyExecuted" => ["register", "assign", "accept", "record-execution:partial"],
            "Executed" => ["register", "assign", "accept", "record-execution"],
            "ResponseTransmitted" => ["register", "assign", "accept", "record-execution", "transfer-evidence"],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an incoming status these tests reach."),
        };
        var liaison = await api.As(RequestSetup.Liaison);
        foreach (var step in path)
        {
            var version = (await api.Node.Incoming(id))!.Version;
            await liaison.StepAsync($"/api/incoming/{id}/{RouteOf(step)}", BodyOf(step, api));
            await Eventually.Until(async () => (await api.Node.Incoming(id))!.Version, v => v > version, TestTimeouts.Workflow, $"{step} on {id}");
        }
        await api.Node.IncomingIn(id, status);
        await api.Settled();
        return id;
    }

    /// <summary>Spontaneous information from KG: no measures, nothing to execute.</summary>
    public static RequestContent Spontaneous()
    {
        var content = TestContent.Complete(LegalBasis.Untoc, "KZ");
        content.Kind = RequestKind.SpontaneousInformation;
        content.Measures = [];
        return content;
    }
}
