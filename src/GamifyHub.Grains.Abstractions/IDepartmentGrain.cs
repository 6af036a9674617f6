namespace GamifyHub.Grains;

/// <summary>One department: its engagement totals.</summary>
[Alias("gh.IDepartmentGrain")]
public interface IDepartmentGrain : IGrainWithGuidKey
{
    [Alias("GetSummary")]
    Task<DepartmentSummary> GetSummary();

    [Alias("ApplyDeltas")]
    Task ApplyDeltas(IReadOnlyList<ScoreDelta> deltas);
}
