using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Timeline;
using NodaTime;

namespace MlaRequests.Workflows.Shared;

/// <summary>
/// The versions of a JIT agreement per branch (<see cref="JitAgreementVersion"/>), written in the workflow step's own transaction. Version 1
/// is derived from the request's content when it is first needed (agreements that entered into force before amendments existed have no
/// row), with the end date an extension set, and the signature time from the timeline's entry into force.
/// </summary>
public static class JitVersions
{
    /// <summary>The version in force of <paramref name="branchId"/>'s agreement, version 1 derived (and added to <paramref name="db"/>) when there is none yet.</summary>
    /// <param name="db">The unit of work.</param>
    /// <param name="branchId">The branch (on the requested node: the case).</param>
    /// <param name="jit">The agreement in the request's content.</param>
    /// <param name="endsOn">The end date in force (an extension's), or null for the agreement's own.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<JitAgreementVersion> InForceAsync(DbContext db, Guid branchId, JitProposal? jit, LocalDate? endsOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = db.Set<JitAgreementVersion>();
        var rows = await set.Where(v => v.BranchId == branchId).ToListAsync(ct);
        if (rows.Concat(set.Local.Where(v => v.BranchId == branchId)).FirstOrDefault(v => v.State == JitVersionStates.InForce) is { } inForce)
            return inForce;
        var first = await FirstAsync(db, branchId, jit, endsOn, ct);
        set.Add(first);
        return first;
    }

    /// <summary>Version 1 as this node's content and timeline hold it (not stored).</summary>
    public static async Task<JitAgreementVersion> FirstAsync(DbContext db, Guid branchId, JitProposal? jit, LocalDate? endsOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agreement = Copy(jit ?? new JitProposal());
        if (endsOn is not null)
            agreement.EndsOn = endsOn;
        var inForce = TimelineTexts.JitInForce.Format();
        var entry = await db.Set<TimelineEntry>().AsNoTracking().Where(e => e.BranchId == branchId && e.Action == inForce)
            .OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        return new JitAgreementVersion
        {
            Id = JitAgreementVersion.FirstId(branchId), BranchId = branchId, Number = 1, Agreement = JitAgreementVersion.Write(agreement),
            SignedBy = entry?.Details, SignedAt = entry?.At, State = JitVersionStates.InForce,
        };
    }

    /// <summary>Adds a proposed amendment (or, when it crossed another proposal, one that lapsed at once).</summary>
    public static void Add(DbContext db, Guid branchId, Guid id, int number, string agreementJson, string reasons, string by, Instant at, string state)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Set<JitAgreementVersion>().Local.Any(v => v.Id == id) || db.Set<JitAgreementVersion>().Any(v => v.Id == id))
            return;
        db.Set<JitAgreementVersion>().Add(new JitAgreementVersion
        {
            Id = id, BranchId = branchId, Number = number, Agreement = agreementJson, Reasons = reasons, ProposedBy = by, ProposedAt = at, State = state,
        });
    }

    /// <summary>The amendment <paramref name="id"/> is signed by both: in force, and the version in force before it superseded. Returns its number (0 when unknown).</summary>
    public static async Task<int> SignAsync(DbContext db, Guid branchId, Guid id, string by, Instant at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<JitAgreementVersion>().Where(v => v.BranchId == branchId).ToListAsync(ct);
        if (rows.SingleOrDefault(v => v.Id == id) is not { } signed)
            return 0;
        foreach (var old in rows.Where(v => v.State == JitVersionStates.InForce && v.Id != id))
            old.State = JitVersionStates.Superseded;
        signed.State = JitVersionStates.InForce;
        signed.SignedBy = by;
        signed.SignedAt = at;
        return signed.Number;
    }

    /// <summary>Every open proposal of <paramref name="branchId"/> (or only <paramref name="id"/>) ends in <paramref name="state"/> (declined or lapsed).</summary>
    public static async Task EndAsync(DbContext db, Guid branchId, Guid? id, string state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.Set<JitAgreementVersion>().Where(v => v.BranchId == branchId && v.State == JitVersionStates.Proposed).ToListAsync(ct);
        foreach (var row in open.Where(v => id is null || v.Id == id))
            row.State = state;
    }

    /// <summary>The number of the version <paramref name="id"/> this unit of work loaded (for the timeline after a signature), or 0.</summary>
    public static int Tracked(DbContext db, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<JitAgreementVersion>().Local.FirstOrDefault(v => v.Id == id)?.Number ?? 0;
    }

    static JitProposal Copy(JitProposal jit) => System.Text.Json.JsonSerializer.Deserialize<JitProposal>(JitAgreementVersion.Write(jit), RequestContentJson.Options)!;
}
