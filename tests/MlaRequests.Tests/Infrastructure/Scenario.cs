using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>Common paths through the API on one node; the requested countries' answers are published as they would arrive from their nodes.</summary>
public static class Scenario
{
    public static async Task<Guid> DraftAsync(NodeFactory node, RequestContent? content = null)
    {
        var prosecutor = await node.LoginAsync($"{node.Code.ToLowerInvariant()}.prosecutor");
        var created = await prosecutor.CreateAsync(content ?? TestContent.Complete());
        await node.RequestIn(created.Id, "Draft");
        return created.Id;
    }

    public static async Task<Guid> InReviewAsync(NodeFactory node, RequestContent? content = null)
    {
        var id = await DraftAsync(node, content);
        var prosecutor = await node.LoginAsync($"{node.Code.ToLowerInvariant()}.prosecutor");
        await prosecutor.StepAsync($"/api/requests/{id}/submit");
        await node.RequestIn(id, "InReview");
        return id;
    }

    public static async Task<Guid> ApprovedAsync(NodeFactory node, RequestContent? content = null)
    {
        content ??= TestContent.Complete();
        var id = await InReviewAsync(node, content);
        var liaison = await node.LoginAsync($"{node.Code.ToLowerInvariant()}.liaison");
        await liaison.StepAsync($"/api/requests/{id}/approve");
        await node.RequestIn(id, "Approved");
        foreach (var target in content.Targets)
            await node.BranchIn(DeterministicGuid.Branch(id, target), "Transmitted");
        return id;
    }

    /// <summary>The requested country registers the request (as its node would report it).</summary>
    public static Task RegisteredBy(NodeFactory node, Guid requestId, string target, Instant at) =>
        node.Bus.Publish(new IncomingRequestRegistered(DeterministicGuid.Branch(requestId, target), target, $"{target.ToLowerInvariant()}.liaison", at));

    /// <summary>The requested country assigns and accepts the request; the branch then <paramref name="reaches"/> (a JIT: its agreement awaits signatures).</summary>
    public static async Task AcceptedBy(NodeFactory node, Guid requestId, string target, Instant at, string reaches = "InExecution")
    {
        var branch = DeterministicGuid.Branch(requestId, target);
        await node.Bus.Publish(new IncomingRequestAssigned(branch, target, $"{target.ToLowerInvariant()}.liaison", at));
        await node.BranchIn(branch, "UnderRecognition");
        await node.Bus.Publish(new IncomingRequestAccepted(branch, target, null, $"{target.ToLowerInvariant()}.liaison", at));
        await node.BranchIn(branch, reaches);
    }
}
