using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Badges.BadgeCriterion;

namespace GamifyHub.Domain.Badges;

/// <summary>Progress towards one badge.</summary>
/// <param name="Current">Progress so far, comparable with Target (for a streak: the live streak as of today).</param>
public sealed record BadgeProgress(BadgeDefinition Badge, bool Earned, int Current, int Target);

/// <summary>Turns an employee's statistics into badge progress. Pure: same stats and day give the same answer.</summary>
public static class BadgeEvaluator
{
    /// <summary>
    /// Progress for every badge, in definition order. Secret badges are included with their full definition so the
    /// server can notify when one is earned; callers must hide unearned secret badges from the employee (and from
    /// everyone else).
    /// </summary>
    /// <param name="today">The company-local day, used only for the live streak shown as progress. A streak badge
    /// stays earned once any run reached its target.</param>
    public static IReadOnlyList<BadgeProgress> Evaluate(IReadOnlyList<BadgeDefinition> badges, EmployeeStats stats, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(badges);
        ArgumentNullException.ThrowIfNull(stats);
        var result = new BadgeProgress[badges.Count];
        for (var i = 0; i < badges.Count; i++)
        {
            result[i] = Evaluate(badges[i], stats, today);
        }

        return result;
    }

    public static BadgeProgress Evaluate(BadgeDefinition badge, EmployeeStats stats, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(badge);
        ArgumentNullException.ThrowIfNull(stats);
        switch (badge.Criterion)
        {
            case Streak streak:
                var days = stats.ActiveWorkingDays;
                var earned = Streaks.Longest(days, streak.GraceDays) >= streak.WorkingDays;
                return new BadgeProgress(badge, earned, Streaks.Current(days, streak.GraceDays, today), streak.WorkingDays);
            default:
                var (current, target) = Measure(badge.Criterion, stats);
                return new BadgeProgress(badge, current >= target, current, target);
        }
    }

    private static (int Current, int Target) Measure(BadgeCriterion criterion, EmployeeStats stats) => criterion switch
    {
        ActionCount c => (stats.CountOf(c.Action), c.Count),
        CategoryPoints c => ((int)Math.Clamp(stats.PointsIn(c.Category), 0, int.MaxValue), c.Points),
        FirstEver c => (stats.CountOf(c.Action) > 0 ? 1 : 0, 1),
        CrossDepartment c => (stats.DepartmentsEngaged.Count, c.Departments),
        FastReplies c => (stats.FastFirstReplies(c.WithinMinutes), c.Count),
        InsightsCreated c => (stats.CountOf(ActionType.Insight), c.Count),
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "Unknown badge criterion."),
    };
}

/// <summary>Working-day streaks with grace days. Working days are Monday to Friday; there is no holiday calendar (yet).</summary>
internal static class Streaks
{
    /// <summary>Index of a working day counting only working days; weekend days map to the following Monday's index.</summary>
    internal static int WorkingIndex(DateOnly day)
    {
        // DayNumber 0 (0001-01-01) is a Monday, so DayNumber % 7 is 0 for Monday … 6 for Sunday.
        var n = day.DayNumber;
        return (n / 7 * 5) + Math.Min(n % 7, 5);
    }

    internal static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Most active days in any run whose missed working days (between its first and last day) are at most grace.</summary>
    internal static int Longest(IReadOnlyList<DateOnly> activeWorkingDays, int grace)
    {
        var best = 0;
        var start = 0;
        for (var end = 0; end < activeWorkingDays.Count; end++)
        {
            while (Missed(activeWorkingDays, start, end) > grace)
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    /// <summary>
    /// Active days of the run that is still alive today: working days missed since its last active day count against
    /// the grace days, but today itself does not (the day is not over).
    /// </summary>
    internal static int Current(IReadOnlyList<DateOnly> activeWorkingDays, int grace, DateOnly today)
    {
        var last = activeWorkingDays.Count - 1;
        while (last >= 0 && activeWorkingDays[last] > today)
        {
            last--;
        }

        if (last < 0)
        {
            return 0;
        }

        var trailing = Math.Max(0, WorkingIndex(today) - WorkingIndex(activeWorkingDays[last]) - 1);
        if (trailing > grace)
        {
            return 0;
        }

        var start = last;
        while (start > 0 && Missed(activeWorkingDays, start - 1, last) + trailing <= grace)
        {
            start--;
        }

        return last - start + 1;
    }

    private static int Missed(IReadOnlyList<DateOnly> days, int start, int end) =>
        WorkingIndex(days[end]) - WorkingIndex(days[start]) + 1 - (end - start + 1);
}
