using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Api;

/// <summary>Brings KG's branch of an approved request to a given status, KG's answers arriving as its node would send them.</summary>
public static class BranchSetup
{
    /// <summary>The request and its KG branch in <paramref name="status"/>, the node settled.</summary>
    public static async Task<(Guid Request, Guid Branch)> BranchIn(this ApiNode api, string status)
    {
        var node = api.Node;
        var id = await api.RequestIn("Approved");
        var branch = DeterministicGuid.Branch(id, "KG");
        var path = status switch
        {
            "Transmitted" => [],
            "Acknowledged" => ["Acknowledged"],
            "UnderRecognition" => ["Acknowledged", "UnderRecognition"],
            "AdditionalInformationRequested" => ["Acknowledged", "UnderRecognition", "AdditionalInformationRequested"],
            "InExecution" => ["Acknowledged", "UnderRecognition", "InExecution"],
            "EvidenceTransferred" => ["Acknowledged", "UnderRecognition", "InExecution", "EvidenceTransferred"],
            "Completed" => new[] { "Acknowledged", "UnderRecognition", "InExecution", "EvidenceTransferred", "Completed" },
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a branch status these tests reach."),
        };
        foreach (var next in path)
        {
            object? fromKg = next switch
            {
                "Acknowledged" => new IncomingRequestRegistered(branch, "KG", "kg.liaison", api.Now),
                "UnderRecognition" => new IncomingRequestAssigned(branch, "KG", "kg.liaison", api.Now),
                "AdditionalInformationRequested" => new AdditionalInformationRequested(branch, "KG", "Which bank holds the account?", "kg.liaison", api.Now),
                "InExecution" => new IncomingRequestAccepted(branch, "KG", null, "kg.liaison", api.Now),
                "EvidenceTransferred" => new EvidenceTransferred(branch, "KG", "Bank statements, sealed, by diplomatic courier", "kg.liaison", api.Now),
                _ => null,
            };
            if (fromKg is null)
                await (await api.As(RequestSetup.Prosecutor)).StepAsync($"/api/requests/{id}/targets/KG/confirm-evidence");
            else
                await node.Bus.Publish(fromKg);
            await node.BranchIn(branch, next);
        }
        await api.Settled();
        return (id, branch);
    }
}
