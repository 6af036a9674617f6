using GamifyHub.Domain.Badges;
using System.Runtime.InteropServices;
using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Scoring;

/// <summary>One engagement event as the event log stores it.</summary>
/// <param name="FeedbackId">The item acted on; null for an external event about no item.</param>
/// <param name="TargetDepartmentId">For a forward: where the item went.</param>
/// <param name="Fixed">Award lines no rule decides, kept as stored (a challenge's reward event); null: the rules score it.</param>
public sealed record ReplayEvent(
    Guid EventId,
    Guid EmployeeId,
    Guid DepartmentId,
    ActionType Action,
    DateTimeOffset OccurredAt,
    string Source,
    Guid? FeedbackId = null,
    Guid? TargetDepartmentId = null,
    int? DwellSeconds = null,
    IReadOnlyList<AwardLine>? Fixed = null);

/// <summary>What one event earned in a replay.</summary>
public sealed record EventScore(Guid EventId, IReadOnlyList<AwardLine> Awards, IReadOnlyList<string> Flags);

/// <summary>Where one employee stands after a replay.</summary>
/// <param name="Badges">Ids of earned badges, in rule set order (secret ones included; callers decide who sees them).</param>
public sealed record EmployeeScore(
    Guid EmployeeId,
    long Total,
    IReadOnlyDictionary<PointCategory, long> PointsByCategory,
    LevelInfo Level,
    IReadOnlyList<string> Badges,
    EmployeeStats Stats);

/// <summary>A replay's outcome: per event in log order, and per employee who acted or was awarded.</summary>
/// <param name="Today">The company-local day of the latest event, used for live streaks.</param>
public sealed record ReplayResult(
    IReadOnlyList<EventScore> Events,
    IReadOnlyDictionary<Guid, EmployeeScore> Employees,
    DateOnly Today);

/// <summary>
/// Scores a whole event log with one rule set: rescoring after a rule change, rebuilding after a loss, previews.
/// It folds item states and employee ledgers exactly as live scoring does event by event (facts from the item,
/// score with the actor's ledger, every named employee observes, the item applies), so its answer is what live
/// scoring would have produced had these rules applied from the start.
/// </summary>
public static class ScoreReplay
{
    /// <param name="eventsInCommitOrder">Accepted events only, in the order the log committed them; never re-checked.</param>
    /// <param name="items">Profiles of the items events refer to. An event naming an unknown item is scored as itemless.</param>
    public static ReplayResult Run(
        RuleSet rules,
        IEnumerable<ReplayEvent> eventsInCommitOrder,
        IReadOnlyDictionary<Guid, ItemProfile> items,
        TimeZoneInfo zone) => Run(rules, eventsInCommitOrder, items, zone, null);

    /// <inheritdoc cref="Run(RuleSet, IEnumerable{ReplayEvent}, IReadOnlyDictionary{Guid, ItemProfile}, TimeZoneInfo)"/>
    /// <param name="scored">Told each event's score in log order as soon as it is known, so a caller can store scores while
    /// the replay goes on. An exception it throws ends the replay.</param>
    /// <param name="keepScores">False: the result's <see cref="ReplayResult.Events"/> is empty (the caller needs only where
    /// everyone stands, or takes the scores from <paramref name="scored"/>): a million scores less to hold on to.</param>
    /// <param name="cancellationToken">Checked every few thousand events.</param>
    /// <param name="ledgers">Told every employee's ledger once the whole log is replayed (e.g. to store snapshots of them).</param>
    public static ReplayResult Run(
        RuleSet rules,
        IEnumerable<ReplayEvent> eventsInCommitOrder,
        IReadOnlyDictionary<Guid, ItemProfile> items,
        TimeZoneInfo zone,
        Action<EventScore>? scored,
        bool keepScores = true,
        CancellationToken cancellationToken = default,
        Action<EmployeeLedger>? ledgers = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(eventsInCommitOrder);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(zone);

        CompiledRules? compiled = null; // compiled (and validated) at the first event, as scoring event by event would
        var log = eventsInCommitOrder as IReadOnlyList<ReplayEvent> ?? [.. eventsInCommitOrder];

        // Each ledger remembers (item, action) per own event: sized up front, its dictionary never regrows (and the
        // garbage of regrowing is most of what a long replay's collector copies).
        var ownEvents = new Dictionary<Guid, int>();
        for (var i = 0; i < log.Count; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(ownEvents, log[i].EmployeeId, out _)++;
        }

        var byEmployee = new Dictionary<Guid, EmployeeLedger>(ownEvents.Count);
        var states = new Dictionary<Guid, FeedbackItemState>(Math.Min(items.Count, log.Count));
        var scores = new List<EventScore>(keepScores ? log.Count : 0);
        var latest = DateTimeOffset.MinValue;

        for (var i = 0; i < log.Count; i++)
        {
            var e = log[i];
            var state = e.FeedbackId is { } itemId ? StateFor(itemId, states, items) : null;
            var fact = new EngagementFact(e.EventId, e.EmployeeId, e.DepartmentId, e.Action, e.OccurredAt, e.Source,
                e.DwellSeconds, state?.FactsFor(e.Action, e.TargetDepartmentId));
            var actor = LedgerFor(e.EmployeeId, byEmployee, ownEvents);
            compiled ??= CompiledRules.For(rules);
            // Kept lines carry the version in force, like every other line after a replay.
            var result = e.Fixed is { } kept
                ? new ScoreResult([.. kept.Select(l => l with { RuleVersion = rules.Version })], [])
                : actor.Score(compiled, fact, zone);
            actor.Observe(fact, result.Awards, zone);
            ObserveOthers(fact, result.Awards, byEmployee, ownEvents, zone);
            state?.Apply(e.EmployeeId, e.DepartmentId, e.Action, e.TargetDepartmentId, e.Source, result.Awards);
            if (keepScores || scored is not null)
            {
                var score = new EventScore(e.EventId, result.Awards, result.Flags);
                if (keepScores)
                {
                    scores.Add(score);
                }

                scored?.Invoke(score);
            }

            if ((i & 0xFFF) == 0xFFF)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (e.OccurredAt > latest)
            {
                latest = e.OccurredAt;
            }
        }

        var today = latest == DateTimeOffset.MinValue
            ? DateOnly.MinValue
            : DateOnly.FromDayNumber(EmployeeLedger.LocalDayNumber(latest, zone));
        var employees = new Dictionary<Guid, EmployeeScore>(byEmployee.Count);
        foreach (var (id, ledger) in byEmployee)
        {
            employees[id] = Summarize(rules, ledger.Stats, today);
            ledgers?.Invoke(ledger);
        }

        return new ReplayResult(scores, employees, today);
    }

    /// <summary>An employee's total, level and earned badges under a rule set, from their statistics.</summary>
    public static EmployeeScore Summarize(RuleSet rules, EmployeeStats stats, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(stats);
        var badges = new List<string>();
        foreach (var progress in BadgeEvaluator.Evaluate(rules.Badges, stats, today))
        {
            if (progress.Earned)
            {
                badges.Add(progress.Badge.Id);
            }
        }

        return new EmployeeScore(stats.EmployeeId, stats.TotalXp, stats.PointsByCategory,
            Levels.For(rules.LevelCurve, stats.TotalXp), badges, stats);
    }

    /// <summary>Lets every other employee named in the lines (shared credit, clawbacks) observe the event once.</summary>
    private static void ObserveOthers(EngagementFact fact, IReadOnlyList<AwardLine> awards, Dictionary<Guid, EmployeeLedger> ledgers,
        Dictionary<Guid, int> ownEvents, TimeZoneInfo zone)
    {
        for (var i = 0; i < awards.Count; i++)
        {
            var recipient = awards[i].EmployeeId;
            if (recipient == fact.EmployeeId)
            {
                continue;
            }

            var seenBefore = false;
            for (var j = 0; j < i && !seenBefore; j++)
            {
                seenBefore = awards[j].EmployeeId == recipient;
            }

            if (!seenBefore)
            {
                LedgerFor(recipient, ledgers, ownEvents).Observe(fact, awards, zone);
            }
        }
    }

    private static EmployeeLedger LedgerFor(Guid employeeId, Dictionary<Guid, EmployeeLedger> ledgers, Dictionary<Guid, int> ownEvents)
    {
        if (!ledgers.TryGetValue(employeeId, out var ledger))
        {
            ledger = new EmployeeLedger(employeeId, ownEvents.GetValueOrDefault(employeeId));
            ledgers.Add(employeeId, ledger);
        }

        return ledger;
    }

    private static FeedbackItemState? StateFor(Guid itemId, Dictionary<Guid, FeedbackItemState> states, IReadOnlyDictionary<Guid, ItemProfile> items)
    {
        if (states.TryGetValue(itemId, out var state))
        {
            return state;
        }

        if (!items.TryGetValue(itemId, out var profile))
        {
            return null;
        }

        state = new FeedbackItemState(profile, rememberWhoDidWhat: false);
        states.Add(itemId, state);
        return state;
    }
}
