namespace MlaRequests.Workflows.Shared;

/// <summary>A workflow instance whose steps appear on a request's or case's timeline.</summary>
public interface ITimelineSubject
{
    /// <summary>The request or case the timeline belongs to.</summary>
    Guid TimelineSubjectId { get; }

    /// <summary>The branch, for per-country steps.</summary>
    Guid? TimelineBranchId { get; }

    /// <summary>The country the step concerns.</summary>
    string? TimelineCountry { get; }

    /// <summary>The status after the step.</summary>
    string CurrentState { get; }
}
