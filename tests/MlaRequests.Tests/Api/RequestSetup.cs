using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Api;

/// <summary>Brings an outgoing request to a given status through the API, and the bodies and actors of the request steps.</summary>
public static class RequestSetup
{
    public const string Prosecutor = "kz.prosecutor";
    public const string OtherOfficeProsecutor = "kz.prosecutor2";
    public const string Liaison = "kz.liaison";
    public const string Supervisor = "kz.supervisor";
    public const string Admin = "kz.admin";

    public static readonly string[] Steps = ["submit", "approve", "return", "reject", "withdraw"];

    /// <summary>The demo account whose role takes <paramref name="step"/> (so only the status decides).</summary>
    public static string ActorOf(string step) => step is "submit" or "withdraw" ? Prosecutor : Liaison;

    /// <summary>A complete body for <paramref name="step"/>.</summary>
    public static object BodyOf(string step) => step switch
    {
        "return" => new { comments = "Add the witness's address." },
        "reject" => new { reasons = "The measures are disproportionate." },
        "withdraw" => new { reason = "The suspect was arrested at home." },
        _ => new { },
    };

    /// <summary>A request of the main office in <paramref name="status"/>, the node settled.</summary>
    public static async Task<Guid> RequestIn(this ApiNode api, string status, RequestContent? content = null)
    {
        var node = api.Node;
        var id = status switch
        {
            "Draft" => await Scenario.DraftAsync(node, content),
            "InReview" => await Scenario.InReviewAsync(node, content),
            "Approved" => await Scenario.ApprovedAsync(node, content),
            "RejectedInternally" => await Then(await Scenario.InReviewAsync(node, content), "reject"),
            "Withdrawn" => await Then(await Scenario.DraftAsync(node, content), "withdraw"),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status a test can reach through the API alone."),
        };
        await node.RequestIn(id, status);
        await api.Settled();
        return id;

        async Task<Guid> Then(Guid request, string step)
        {
            await (await api.As(ActorOf(step))).StepAsync($"/api/requests/{request}/{step}", BodyOf(step));
            return request;
        }
    }
}
