using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Measures;

namespace MlaRequests.Workflows.Shared;

/// <summary>The per-measure rows a workflow step writes, in the step's own unit of work.</summary>
public static class MeasureRows
{
    /// <summary>The row of <paramref name="caseId"/>'s measure <paramref name="measure"/>, added (pending) when there is none yet.</summary>
    public static async Task<MeasureResult> FindOrAddAsync(DbContext db, Guid caseId, int measure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.Set<MeasureResult>();
        var row = await rows.FindAsync([caseId, measure], ct);
        if (row is null)
        {
            row = new MeasureResult { CaseId = caseId, Measure = measure, Status = MeasureStatus.Pending };
            rows.Add(row);
        }
        return row;
    }
}
