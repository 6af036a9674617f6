using Orleans.Concurrency;

namespace GamifyHub.Grains;

/// <summary>One employee: totals, recent awards and personal notifications.</summary>
[Alias("gh.IEmployeeGrain")]
public interface IEmployeeGrain : IGrainWithGuidKey
{
    [Alias("GetSummary")]
    Task<EmployeeSummary> GetSummary();

    /// <summary>Records an event that concerns no feedback item (e.g. from an integration). It reads no grain
    /// state (the writer deduplicates, the fan-out updates totals), so calls may interleave and share a group commit.</summary>
    [Alias("RecordExternal"), AlwaysInterleave]
    Task<ActionOutcome> RecordExternal(ActionCommand command);

    [Alias("ApplyAwards")]
    Task ApplyAwards(IReadOnlyList<EarnedAwards> earned);
}
