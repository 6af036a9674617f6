using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Challenges;

/// <summary>Points one event gave one employee in one category (shared credit included).</summary>
public sealed record ChallengePoints(Guid EmployeeId, Guid DepartmentId, PointCategory Category, int Points);

/// <summary>
/// One engagement event as a challenge sees it. <paramref name="ItemReceivedAt"/> is set on the first reply to an item (the
/// reply that starts its first-response time), null otherwise.
/// </summary>
public sealed record ChallengeFact(
    long Seq,
    Guid EmployeeId,
    Guid DepartmentId,
    ActionType Type,
    Guid? FeedbackId,
    DateTimeOffset OccurredAt,
    IReadOnlyList<ChallengePoints> Points,
    DateTimeOffset? ItemReceivedAt = null);

/// <summary>One participant (an employee, or a department in team-vs-team) and its value; <see cref="Value"/> is null when the
/// metric has nothing to measure yet (no first reply, no routed item).</summary>
public sealed record ChallengeUnit(Guid Id, double? Value, bool Reached);

/// <summary>Progress of one occurrence: per participant, and the collective value (company scope: the goal; otherwise the
/// whole scope's value, for information).</summary>
public sealed record ChallengeStanding(IReadOnlyList<ChallengeUnit> Units, double? Total, bool TotalReached);

/// <summary>
/// Computes a challenge's progress from the events in its window. Pure: the grain feeds it facts (loaded from the log and
/// appended live) and the number of feedback items routed to each department in the window (for the read rate).
/// </summary>
public static class ChallengeProgress
{
    /// <summary>Whether an event counts: inside [start, end), by someone in scope, and a person's action (not a reward).</summary>
    public static bool Counts(ChallengeFact fact, ChallengeScope scope, DateTimeOffset start, DateTimeOffset end) =>
        fact.Type != ActionType.Reward && fact.OccurredAt >= start && fact.OccurredAt < end && scope.Includes(fact.DepartmentId);

    /// <param name="routedItems">Items routed to each department within the window (only the read rate needs them).</param>
    /// <param name="members">Department of each employee in scope (department and company scopes list their employees as
    /// units even before they act, so everyone sees their own bar).</param>
    public static ChallengeStanding Compute(ChallengeDefinition challenge, IEnumerable<ChallengeFact> facts,
        IReadOnlyDictionary<Guid, int> routedItems, IReadOnlyDictionary<Guid, Guid> members)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var counted = facts.Where(f => Counts(f, challenge.Scope, challenge.StartsAt, challenge.EndsAt)).ToList();
        var metric = challenge.Metric;
        var scope = challenge.Scope;
        var byTeam = scope.Kind == ChallengeScopeKind.TeamVsTeam;

        IEnumerable<Guid> unitIds = byTeam
            ? scope.DepartmentIds
            : members.Where(m => scope.Includes(m.Value)).Select(m => m.Key);
        var denominators = new Dictionary<Guid, int>();
        foreach (var id in unitIds)
        {
            denominators[id] = byTeam ? routedItems.GetValueOrDefault(id) : routedItems.GetValueOrDefault(members.GetValueOrDefault(id));
        }

        var values = Measure(metric, counted, f => byTeam ? f.DepartmentId : f.EmployeeId,
            p => byTeam ? p.DepartmentId : p.EmployeeId, unit => denominators.GetValueOrDefault(unit));
        foreach (var id in values.Keys.Where(k => !denominators.ContainsKey(k)).ToList())
        {
            // Someone who moved into the scope after the member list was taken still counts.
            denominators[id] = 0;
        }

        var scopeRouted = scope.Kind == ChallengeScopeKind.Company
            ? routedItems.Values.Sum()
            : scope.DepartmentIds.Sum(routedItems.GetValueOrDefault);
        var total = Measure(metric, counted, _ => Guid.Empty, _ => Guid.Empty, _ => scopeRouted).GetValueOrDefault(Guid.Empty);
        var units = denominators.Keys
            .Select(id => values.TryGetValue(id, out var v) ? new ChallengeUnit(id, v, Reached(metric, v, challenge.Target))
                : new ChallengeUnit(id, metric.Kind is ChallengeMetricKind.ReadRate or ChallengeMetricKind.MedianFirstResponse ? null : 0, false))
            .ToList();
        return new ChallengeStanding(units, total, Reached(metric, total, challenge.Target));
    }

    /// <summary>Values per unit; units with nothing measurable (no first reply, nothing routed) are left out.</summary>
    public static Dictionary<Guid, double?> Measure(ChallengeMetric metric, IReadOnlyList<ChallengeFact> facts, Func<ChallengeFact, Guid> unitOf,
        Func<ChallengePoints, Guid> unitOfPoints, Func<Guid, int> routedTo)
    {
        var result = new Dictionary<Guid, double?>();
        switch (metric.Kind)
        {
            case ChallengeMetricKind.ActionCount:
            case ChallengeMetricKind.InsightsCreated:
            case ChallengeMetricKind.ItemsResolved:
                var type = metric.Kind switch
                {
                    ChallengeMetricKind.InsightsCreated => ActionType.Insight,
                    ChallengeMetricKind.ItemsResolved => ActionType.Resolve,
                    _ => metric.Action ?? ActionType.Read,
                };
                foreach (var group in facts.Where(f => f.Type == type).GroupBy(unitOf))
                {
                    result[group.Key] = group.Count();
                }

                break;
            case ChallengeMetricKind.CategoryPoints:
                foreach (var group in facts.SelectMany(f => f.Points).Where(p => p.Category == metric.Category).GroupBy(unitOfPoints))
                {
                    result[group.Key] = group.Sum(p => (long)p.Points);
                }

                break;
            case ChallengeMetricKind.ReadRate:
                foreach (var group in facts.Where(f => f.Type == ActionType.Read && f.FeedbackId is not null).GroupBy(unitOf))
                {
                    var routed = routedTo(group.Key);
                    var read = group.Select(f => f.FeedbackId).Distinct().Count();
                    // More items read than routed (items that arrived before the window) caps at 100 %.
                    result[group.Key] = routed == 0 ? null : Math.Min(100.0, Math.Round(100.0 * read / routed, 1));
                }

                break;
            case ChallengeMetricKind.MedianFirstResponse:
                foreach (var group in facts.Where(f => f.Type == ActionType.Reply && f.ItemReceivedAt is not null).GroupBy(unitOf))
                {
                    result[group.Key] = Median([.. group.Select(f => Math.Max(0, (f.OccurredAt - f.ItemReceivedAt!.Value).TotalMinutes))]);
                }

                break;
        }

        return result;
    }

    /// <summary>Whether a value meets the target: at most the target for a time, at least it for everything else.</summary>
    public static bool Reached(ChallengeMetric metric, double? value, double target) =>
        value is { } v && (metric.LowerIsBetter ? v <= target : v >= target);

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return Math.Round(sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, 1);
    }

    /// <summary>
    /// Competition ranking of units (best first; equal values share a rank; ties ordered by id). Units with no value rank
    /// last. Scores on a board are whole numbers: the value rounded (a time's rank still follows the exact value).
    /// </summary>
    public static IReadOnlyList<(int Rank, ChallengeUnit Unit)> Rank(ChallengeMetric metric, IEnumerable<ChallengeUnit> units)
    {
        var ordered = units
            .OrderBy(u => u.Value is null)
            .ThenBy(u => u.Value is { } v ? (metric.LowerIsBetter ? v : -v) : 0)
            .ThenBy(u => u.Id)
            .ToList();
        var ranked = new List<(int, ChallengeUnit)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Value == ordered[i - 1].Value ? ranked[i - 1].Item1 : i + 1;
            ranked.Add((rank, ordered[i]));
        }

        return ranked;
    }

    /// <summary>Who won a team-vs-team challenge at its end: the best value among the teams that reached the target (all of
    /// them on a tie); nobody when no team reached it.</summary>
    public static IReadOnlyList<Guid> Winners(ChallengeMetric metric, IEnumerable<ChallengeUnit> teams, double target)
    {
        var reached = teams.Where(t => Reached(metric, t.Value, target)).ToList();
        if (reached.Count == 0)
        {
            return [];
        }

        var best = metric.LowerIsBetter ? reached.Min(t => t.Value!.Value) : reached.Max(t => t.Value!.Value);
        return [.. reached.Where(t => t.Value == best).Select(t => t.Id).Order()];
    }
}
