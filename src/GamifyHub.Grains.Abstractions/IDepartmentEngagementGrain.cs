namespace GamifyHub.Grains;

/// <summary>
/// One department's live engagement figures: told when the log changed something of the department, it pushes the
/// department's figures to its watchers, at most about once a second however many events arrive (coalesced like boards).
/// </summary>
[Alias("gh.IDepartmentEngagementGrain")]
public interface IDepartmentEngagementGrain : IGrainWithGuidKey
{
    /// <summary>Something of the department changed (committed events or routings); a push follows within about a second.</summary>
    [Alias("Changed")]
    [Orleans.Concurrency.OneWay]
    Task Changed();

    /// <summary>Pushes done since activation (tests and diagnostics).</summary>
    [Alias("Pushes")]
    Task<int> Pushes();
}
