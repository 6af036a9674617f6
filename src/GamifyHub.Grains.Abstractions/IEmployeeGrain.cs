namespace GamifyHub.Grains;

/// <summary>One employee: totals, recent awards and personal notifications.</summary>
[Alias("gh.IEmployeeGrain")]
public interface IEmployeeGrain : IGrainWithGuidKey
{
    [Alias("GetSummary")]
    Task<EmployeeSummary> GetSummary();

    /// <summary>Records an event that concerns no feedback item (e.g. from an integration).</summary>
    [Alias("RecordExternal")]
    Task<ActionOutcome> RecordExternal(ActionCommand command);

    [Alias("ApplyAwards")]
    Task ApplyAwards(IReadOnlyList<EarnedAwards> earned);
}
