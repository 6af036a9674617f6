namespace GamifyHub.Domain.Scoring;

/// <summary>How a rescore changes one employee.</summary>
public sealed record EmployeeRescore(
    Guid EmployeeId,
    long PointsBefore,
    long PointsAfter,
    long Delta,
    IReadOnlyList<string> BadgesGained,
    IReadOnlyList<string> BadgesLost);

/// <summary>How a rescore changes everyone: what an admin sees before publishing a new rule set version.</summary>
/// <param name="Employees">Everyone in either replay whose points or badges change, biggest change first.</param>
public sealed record RescoreDiff(
    IReadOnlyList<EmployeeRescore> Employees,
    long TotalBefore,
    long TotalAfter,
    long TotalDelta,
    int EmployeesAffected,
    int BadgesGained,
    int BadgesLost);

/// <summary>Compares two replays of the same log (current rules vs. proposed rules). Pure.</summary>
public static class RescorePreview
{
    public static RescoreDiff Compare(ReplayResult before, ReplayResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var ids = new HashSet<Guid>(before.Employees.Keys);
        ids.UnionWith(after.Employees.Keys);

        var changes = new List<EmployeeRescore>();
        long totalBefore = 0, totalAfter = 0;
        int gained = 0, lost = 0;
        foreach (var id in ids)
        {
            var old = before.Employees.GetValueOrDefault(id);
            var now = after.Employees.GetValueOrDefault(id);
            var pointsBefore = old?.Total ?? 0;
            var pointsAfter = now?.Total ?? 0;
            totalBefore += pointsBefore;
            totalAfter += pointsAfter;
            var oldBadges = old?.Badges ?? [];
            var newBadges = now?.Badges ?? [];
            var badgesGained = newBadges.Except(oldBadges, StringComparer.Ordinal).ToList();
            var badgesLost = oldBadges.Except(newBadges, StringComparer.Ordinal).ToList();
            gained += badgesGained.Count;
            lost += badgesLost.Count;
            if (pointsBefore != pointsAfter || badgesGained.Count > 0 || badgesLost.Count > 0)
            {
                changes.Add(new EmployeeRescore(id, pointsBefore, pointsAfter, pointsAfter - pointsBefore, badgesGained, badgesLost));
            }
        }

        changes.Sort(static (a, b) =>
        {
            var bySize = Math.Abs(b.Delta).CompareTo(Math.Abs(a.Delta));
            return bySize != 0 ? bySize : a.EmployeeId.CompareTo(b.EmployeeId);
        });
        return new RescoreDiff(changes, totalBefore, totalAfter, totalAfter - totalBefore, changes.Count, gained, lost);
    }
}
