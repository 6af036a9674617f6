namespace GamifyHub.Domain.Scoring;

/// <summary>
/// A snapshot of what badges and profiles need to know about one employee, kept by <see cref="EmployeeLedger"/>.
/// "Rewarded actions" are the employee's own actions that a rule rewarded (possibly with 0 points because of a cap
/// or diminishing returns) — not automation, not flagged, not cooled down, not a repeated read or insight.
/// </summary>
/// <param name="TotalXp">Sum of every line addressed to the employee: own awards, shared credit received, clawbacks.</param>
/// <param name="PointsByCategory">The same sum per category; every category is present.</param>
/// <param name="ActionCounts">Rewarded actions per type; every type is present.</param>
/// <param name="ActiveWorkingDays">Company-local Monday-to-Friday days with a rewarded action, ascending.</param>
/// <param name="DepartmentsEngaged">Departments other than the employee's own that items they worked on were routed to.</param>
/// <param name="FirstReplyDelays">For each rewarded first reply on an item: time since the item was received (never negative).</param>
public sealed record EmployeeStats(
    Guid EmployeeId,
    long TotalXp,
    IReadOnlyDictionary<PointCategory, long> PointsByCategory,
    IReadOnlyDictionary<ActionType, int> ActionCounts,
    IReadOnlyList<DateOnly> ActiveWorkingDays,
    IReadOnlySet<Guid> DepartmentsEngaged,
    IReadOnlyList<TimeSpan> FirstReplyDelays)
{
    public int CountOf(ActionType action) => ActionCounts.TryGetValue(action, out var count) ? count : 0;

    public long PointsIn(PointCategory category) => PointsByCategory.TryGetValue(category, out var points) ? points : 0;

    /// <summary>The "first-ever" flag: has the employee ever done this (rewarded) action?</summary>
    public bool HasEverDone(ActionType action) => CountOf(action) > 0;

    public int InsightsCreated => CountOf(ActionType.Insight);

    /// <summary>First replies given at most this many minutes after the item was received.</summary>
    public int FastFirstReplies(int withinMinutes)
    {
        var limit = TimeSpan.FromMinutes(withinMinutes);
        var count = 0;
        for (var i = 0; i < FirstReplyDelays.Count; i++)
        {
            if (FirstReplyDelays[i] <= limit)
            {
                count++;
            }
        }

        return count;
    }
}
