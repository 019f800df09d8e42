using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Workflows.Shared;

/// <summary>The parties' signatures of a JIT agreement a workflow step writes and reads, in the step's own unit of work.</summary>
public static class JitSignatureRows
{
    /// <summary>The row of <paramref name="party"/> under <paramref name="branchId"/>, added when there is none yet.</summary>
    public static async Task<JitPartySignature> FindOrAddAsync(DbContext db, Guid branchId, string party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.Set<JitPartySignature>();
        var row = await rows.FindAsync([branchId, party], ct);
        if (row is null)
        {
            row = new JitPartySignature { BranchId = branchId, Party = party };
            rows.Add(row);
        }
        return row;
    }

    /// <summary>Keeps <paramref name="party"/>'s signature (the first one given: a duplicate changes nothing); true when it is new.</summary>
    public static async Task<bool> SignAsync(DbContext db, Guid branchId, string party, string actor, Instant at, string? relayedBy, CancellationToken ct)
    {
        var row = await FindOrAddAsync(db, branchId, party, ct);
        if (row.SignedAt is not null)
            return false;
        row.Actor = actor;
        row.SignedAt = at;
        row.RelayedBy = relayedBy;
        return true;
    }

    /// <summary>Marks <paramref name="party"/> as no longer a party; true when it is new.</summary>
    public static async Task<bool> LeaveAsync(DbContext db, Guid branchId, string party, string outcome, Instant at, CancellationToken ct)
    {
        var row = await FindOrAddAsync(db, branchId, party, ct);
        if (row.LeftAt is not null)
            return false;
        row.LeftAt = at;
        row.LeftAs = outcome;
        return true;
    }

    /// <summary>Every row under <paramref name="branchId"/>, including the ones this step added and has not saved yet.</summary>
    public static async Task<IReadOnlyList<JitPartySignature>> OfAsync(DbContext db, Guid branchId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = db.Set<JitPartySignature>();
        var stored = await set.Where(r => r.BranchId == branchId).ToListAsync(ct);
        return [.. stored.Concat(set.Local.Where(r => r.BranchId == branchId)).Distinct()];
    }
}
