using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Upgrade;

/// <summary>
/// A JIT agreement that entered into force under release 2 has no stored versions: after the upgrade it is amended across both nodes
/// (KZ proposes, KG signs; the proposal waits on KZ until KG's first envelope after the upgrade), version 1 is derived from the request's content on each node, and both nodes hold the same history. The
/// fixture is copied, never changed.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_an_agreement_in_force_of_release_2_is_amended : IAsyncLifetime
{
    /// <summary>Release 2's databases (the fixture that holds an agreement in force).</summary>
    const string Release2 = "2026-12-07-issue14";

    UpgradedRegion _region = null!;

    public async Task InitializeAsync() => _region = await UpgradedRegion.OpenAsync(Release2);

    public async Task DisposeAsync() => await _region.DisposeAsync();

    [Fact]
    public async Task KZ_proposes_KG_signs_and_both_nodes_hold_version_1_superseded_and_version_2_in_force()
    {
        var request = _region.Instance("jit in force", "request").Id;
        var branch = DeterministicGuid.Branch(request, "KG");
        var kz = await _region.As("kz.prosecutor");
        var kg = await _region.As("kg.liaison");
        var content = (await _region.Kz.Query(db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == request))).Content;
        var jit = content.Jit!;
        var leader = jit.Members!.First(m => m.Country == "KG" && m.Leader);
        var amended = new JitProposal
        {
            Purpose = jit.Purpose, Arrangements = jit.Arrangements + " Financial records are exchanged monthly.",
            Members = [.. jit.Members!, new JitMember { Country = "KG", Name = "Cholpon Toktogulova", Function = "Financial analyst", Authority = leader.Authority }],
        };

        await kz.StepAsync($"/api/requests/{request}/targets/KG/propose-jit-amendment", new { jit = amended, reasons = "A financial analyst joins the team." });
        await _region.Kz.BranchIn(branch, "AmendmentProposedHere");
        // KZ last saw KG speak release 2's version: the version-4 proposal waits on KZ until KG's next envelope shows it upgraded
        // (docs/upgrades.md). Here that is KG's answer to a status enquiry release 2 left open.
        var enquired = _region.Instance("status enquiry unanswered", "incoming").Id;
        var enquiry = (await kg.GetAsync($"/api/incoming/{enquired}/enquiries"))[0].GetProperty("id").GetGuid();
        await kg.StepAsync($"/api/incoming/{enquired}/answer-enquiry", new { enquiryId = enquiry, answer = "The witness is summoned for 10 February." });
        await _region.Kg.IncomingIn(branch, "AmendmentProposedThere");
        await kg.StepAsync($"/api/incoming/{branch}/sign-amendment");
        await _region.Kg.IncomingIn(branch, "AgreementInForce");
        await _region.Kz.BranchIn(branch, "AgreementInForce");

        foreach (var node in new[] { _region.Kz, _region.Kg })
        {
            var versions = await Eventually.Until(() => node.Query(db => db.JitAgreementVersions.AsNoTracking().Where(v => v.BranchId == branch)
                .OrderBy(v => v.Number).ToListAsync()), v => v.Count == 2 && v[1].State == "InForce", TestTimeouts.Workflow, "version 2 in force");
            versions.Select(v => (v.Number, v.State)).Should().Equal((1, "Superseded"), (2, "InForce"));
            versions[0].Id.Should().Be(JitAgreementVersion.FirstId(branch), "both nodes derive the same version 1");
            versions[0].Read().Members.Should().HaveCount(jit.Members!.Count);
            versions[1].Read().Members.Should().Contain(m => m.Name == "Cholpon Toktogulova");
            versions[1].Read().EndsOn.Should().Be(jit.EndsOn, "the period in force is kept");
        }
    }
}
