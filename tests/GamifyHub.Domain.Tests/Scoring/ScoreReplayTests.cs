using FsCheck.Xunit;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Tests.Fixtures;

namespace GamifyHub.Domain.Tests.Scoring;

public class ScoreReplayTests
{
    private static readonly ItemProfile Complaint = new(ItemA, "facebook", Sentiment.Negative, Priority.High, "en",
        Monday9.AddMinutes(-30), [RnD]);

    private static readonly Dictionary<Guid, ItemProfile> Items = new() { [ItemA] = Complaint };

    private static int _nextEvent;

    private static ReplayEvent Event(Guid employee, ActionType action, DateTimeOffset at, Guid? item = null, Guid? target = null,
        string source = "web", int? dwell = null) =>
        new(Ids.Of(2_000_000 + Interlocked.Increment(ref _nextEvent)), employee, DepartmentOf(employee), action, at, source, item, target, dwell);

    private static ReplayResult Run(RuleSet rules, IEnumerable<ReplayEvent> events, IReadOnlyDictionary<Guid, ItemProfile>? items = null) =>
        ScoreReplay.Run(rules, events, items ?? Items, Berlin);

    // ---- examples ------------------------------------------------------------------------------------

    [Fact]
    public void AComplaintTravelsFromRAndDToServiceAndIsResolvedThenReopened()
    {
        ReplayEvent[] log =
        [
            Event(Ravi, ActionType.Read, Monday9, ItemA, dwell: 40),
            Event(Ravi, ActionType.Reply, Monday9.AddMinutes(5), ItemA),
            Event(Ravi, ActionType.Forward, Monday9.AddMinutes(10), ItemA, target: Service),
            Event(Sofia, ActionType.Read, Monday9.AddMinutes(20), ItemA),
            Event(Sofia, ActionType.Resolve, Monday9.AddMinutes(30), ItemA),
            Event(Sofia, ActionType.Reopen, Monday9.AddDays(1), ItemA),
        ];

        var result = Run(RuleSet.Default, log);

        Assert.Equal(log.Select(e => e.EventId), result.Events.Select(e => e.EventId));
        Assert.Equal([[(Ravi, 1)], [(Ravi, 10)], [(Ravi, 3)], [(Sofia, 1)], [(Sofia, 9), (Ravi, 3)], [(Sofia, -9), (Ravi, -3)]],
            result.Events.Select(e => e.Awards.Select(a => (a.EmployeeId, a.Points))));
        Assert.Equal("Closed the loop with the customer ×1.5 negative feedback turned round (3 shared with the colleagues who forwarded it)",
            result.Events[4].Awards[0].Reason);
        Assert.Equal((Ravi, RnD, "resolve:shared"), (result.Events[4].Awards[1].EmployeeId, result.Events[4].Awards[1].DepartmentId,
            result.Events[4].Awards[1].RuleId));

        var ravi = result.Employees[Ravi];
        Assert.Equal(14, ravi.Total);
        Assert.Equal(1, ravi.PointsByCategory[PointCategory.Listening]);
        Assert.Equal(10, ravi.PointsByCategory[PointCategory.Responding]);
        Assert.Equal(3, ravi.PointsByCategory[PointCategory.Collaboration]);
        Assert.Equal(new LevelInfo(1, 14, 100), ravi.Level);
        Assert.Equal(["first-listener", "first-words"], ravi.Badges);
        Assert.Equal([TimeSpan.FromMinutes(35)], ravi.Stats.FirstReplyDelays);

        var sofia = result.Employees[Sofia];
        Assert.Equal(1, sofia.Total);
        Assert.Equal([RnD], sofia.Stats.DepartmentsEngaged);
        Assert.Equal(new DateOnly(2026, 3, 3), result.Today);
    }

    [Fact]
    public void AnEventAboutAnUnknownItemIsScoredWithoutItem()
    {
        var result = Run(RuleSet.Default, [Event(Ravi, ActionType.Reply, Monday9, Ids.Of(999))]);

        Assert.Equal([("reply", 5)], result.Events[0].Awards.Select(a => (a.RuleId, a.Points)));
    }

    [Fact]
    public void AutomationAndFlagsAreReportedPerEvent()
    {
        var result = Run(RuleSet.Default,
        [
            Event(Ravi, ActionType.Read, Monday9, ItemA, source: EngagementSources.Automation),
            Event(Ravi, ActionType.Read, Monday9.AddMinutes(1), ItemA, dwell: 1),
        ]);

        Assert.Equal((0, 0), (result.Events[0].Awards.Count, result.Events[0].Flags.Count));
        Assert.Equal([ScoreFlags.ReadTooFast], result.Events[1].Flags);
        Assert.Equal(0, result.Employees[Ravi].Total);
    }

    [Fact]
    public void AForwarderGetsSharedCreditWhenTheItemIsResolvedLater()
    {
        var result = Run(RuleSet.Default,
        [
            Event(Lena, ActionType.Forward, Monday9, ItemA, target: Service, source: "web"),
            Event(Sofia, ActionType.Reply, Monday9.AddMinutes(2), ItemA),
            Event(Ravi, ActionType.Resolve, Monday9.AddMinutes(5), ItemA),
        ]);

        Assert.Equal(3 + 3, result.Employees[Lena].Total); // her forward, then a share of 12 × 0.25 (the loop was closed)
        Assert.Equal(9, result.Employees[Ravi].Total);
    }

    [Fact]
    public void AnEmptyLogHasNoEventsNoEmployeesAndNoToday()
    {
        var result = Run(RuleSet.Default, []);

        Assert.Empty(result.Events);
        Assert.Empty(result.Employees);
        Assert.Equal(DateOnly.MinValue, result.Today);
    }

    [Fact]
    public void TodayIsTheCompanyLocalDayOfTheLatestEvent()
    {
        var result = Run(RuleSet.Default,
        [
            Event(Ravi, ActionType.Tag, Local(2026, 3, 4, 0, 30), ItemA), // Tuesday 23:30 UTC
            Event(Ravi, ActionType.Tag, Local(2026, 3, 2, 12, 0)), // recorded late
        ]);

        Assert.Equal(new DateOnly(2026, 3, 4), result.Today);
    }

    [Fact]
    public void SummarizeGivesLevelAndEarnedBadgesFromStats()
    {
        var ledger = new EmployeeLedger(Ravi);
        ledger.Act(RuleSet.Default, Fact(Ravi, ActionType.Insight, Monday9, Item()));

        var score = ScoreReplay.Summarize(RuleSet.Default, ledger.Stats, DateOnly.FromDateTime(Monday9.Date));

        Assert.Equal(10, score.Total);
        Assert.Equal(1, score.Level.Level);
        Assert.Empty(score.Badges);
    }

    // ---- properties ----------------------------------------------------------------------------------

    private static ReplayResult Run(EngagementLog log) => ScoreReplay.Run(log.Rules, log.Events, log.Items, Berlin);

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void ReplayingTheSameLogTwiceGivesIdenticalResults(EngagementLog log)
    {
        Same.Replays(Run(log), Run(log));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void DailyCapsAreNeverExceeded(EngagementLog log)
    {
        var result = Run(log);

        var ownPositive = log.Events.Zip(result.Events)
            .SelectMany(pair => pair.Second.Awards
                .Where(a => a.IsOwnAction && a.Points > 0 && a.EmployeeId == pair.First.EmployeeId)
                .Select(a => (a.EmployeeId, Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(pair.First.OccurredAt, Berlin).DateTime), a.Category, a.Points)))
            .GroupBy(a => (a.EmployeeId, a.Day, a.Category), a => a.Points);

        foreach (var day in ownPositive)
        {
            if (log.Rules.Limits.DailyCap.TryGetValue(day.Key.Category, out var cap))
            {
                Assert.True(day.Sum() <= cap, $"{day.Key}: {day.Sum()} > {cap}");
            }
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void EmployeeTotalsAreTheSumOfTheirLines(EngagementLog log)
    {
        var result = Run(log);

        var sums = result.Events.SelectMany(e => e.Awards).GroupBy(a => a.EmployeeId).ToDictionary(g => g.Key, g => g.Sum(a => (long)a.Points));
        foreach (var (id, score) in result.Employees)
        {
            Assert.Equal(sums.GetValueOrDefault(id), score.Total);
            Assert.Equal(score.Total, score.PointsByCategory.Values.Sum());
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void ReadAndInsightEarnAtMostOncePerEmployeeAndItemAndFlaggedEventsEarnNothing(EngagementLog log)
    {
        var result = Run(log);
        var pairs = log.Events.Zip(result.Events).ToList();

        var onceRules = pairs
            .SelectMany(p => p.Second.Awards.Where(a => a.RuleId is "read" or "insight").Select(a => (a.EmployeeId, p.First.FeedbackId, a.RuleId)))
            .Where(x => x.FeedbackId is not null);
        Assert.All(onceRules.GroupBy(x => x), g => Assert.Single(g));
        Assert.All(pairs.Where(p => p.Second.Flags.Count > 0 || EngagementSources.IsAutomation(p.First.Source)),
            p => Assert.DoesNotContain(p.Second.Awards, a => a.IsOwnAction));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void AResolveFollowedByAReopenReturnsEveryonesTotalToWhatItWasBefore(EngagementLog log, byte pick)
    {
        var states = log.Items.Values.ToDictionary(p => p.ItemId, p => new FeedbackItemState(p));
        foreach (var e in log.Events.Where(e => e.FeedbackId is not null))
        {
            states[e.FeedbackId!.Value].Apply(e.EmployeeId, e.Action, e.TargetDepartmentId);
        }

        var open = states.Values.Where(s => s.Status == FeedbackStatus.Open).OrderBy(s => s.Profile!.ItemId).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var item = open[pick % open.Count];
        var eligible = EngagementLog.Employees.Where(e => item.IsRoutedTo(e.Department)).ToList();
        var resolver = eligible[pick % eligible.Count];
        var reopener = eligible[(pick / 7) % eligible.Count];
        var at = log.Events.Count == 0 ? EngagementLog.Start : log.Events.Max(e => e.OccurredAt);
        ReplayEvent[] extended =
        [
            .. log.Events,
            new(Ids.Of(900_001), resolver.Employee, resolver.Department, ActionType.Resolve, at.AddMinutes(10), "web", item.Profile!.ItemId),
            new(Ids.Of(900_002), reopener.Employee, reopener.Department, ActionType.Reopen, at.AddHours(5), "web", item.Profile.ItemId),
        ];

        var before = Run(log).Employees;
        var after = ScoreReplay.Run(log.Rules, extended, log.Items, Berlin);

        foreach (var (id, score) in after.Employees)
        {
            Assert.Equal(before.GetValueOrDefault(id)?.Total ?? 0, score.Total);
        }

        Assert.Equal(0, after.Events[^2].Awards.Sum(a => a.Points) + after.Events[^1].Awards.Sum(a => a.Points));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void SharedCreditMovesPointsButNeverChangesAnEventsTotal(EngagementLog log)
    {
        var withoutSharing = log.Rules with { SharedCredit = new(0m) };

        Live(log, 0, (ledger, fact, result) =>
        {
            if (fact.Action is ActionType.Resolve or ActionType.Insight)
            {
                var unshared = ledger.Score(withoutSharing, fact, Berlin);
                Assert.Equal(unshared.Total, result.Total);
                Assert.Equal(unshared.PointsFor(fact.EmployeeId), result.Total);
                Assert.All(result.Awards.Where(a => a.EmployeeId != fact.EmployeeId), a => Assert.True(a.IsSharedCredit && a.Points > 0));
            }
        });
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void AWholeLogIsWorthTheSameEventByEventWithOrWithoutSharedCredit(EngagementLog log)
    {
        var shared = Run(log);
        var unshared = ScoreReplay.Run(log.Rules with { SharedCredit = new(0m) }, log.Events, log.Items, Berlin);

        Assert.Equal(unshared.Events.Select(e => e.Awards.Sum(a => a.Points)), shared.Events.Select(e => e.Awards.Sum(a => a.Points)));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void LiveScoringAfterARebuildFromStoredAwardsEqualsTheReplay(EngagementLog log, byte split)
    {
        var replay = Run(log);
        var rebuildUpTo = log.Events.Count == 0 ? 0 : split % (log.Events.Count + 1);

        var (events, ledgers) = Live(log, rebuildUpTo, stored: replay);

        Assert.Equal(replay.Events.Skip(rebuildUpTo).Select(e => e.Awards), events.Select(e => e.Awards));
        Assert.Equal(replay.Events.Skip(rebuildUpTo).Select(e => e.Flags), events.Select(e => e.Flags));
        Assert.Equal(replay.Employees.Keys.Order(), ledgers.Keys.Order());
        foreach (var (id, ledger) in ledgers)
        {
            Same.Stats(replay.Employees[id].Stats, ledger.Stats);
        }
    }

    /// <summary>
    /// Plays a log the way grains will: per event, the item builds the facts, the actor's ledger scores, every named
    /// employee's ledger observes (recipients first, the actor last, to show order does not matter), the item applies.
    /// The first <paramref name="rebuildUpTo"/> events are not scored but rebuilt from the stored awards of a replay.
    /// </summary>
    private static (List<EventScore> Events, Dictionary<Guid, EmployeeLedger> Ledgers) Live(
        EngagementLog log, int rebuildUpTo, Action<EmployeeLedger, EngagementFact, ScoreResult>? check = null, ReplayResult? stored = null)
    {
        var items = new Dictionary<Guid, FeedbackItemState>();
        var ledgers = new Dictionary<Guid, EmployeeLedger>();
        var events = new List<EventScore>();
        EmployeeLedger LedgerOf(Guid id) => ledgers.TryGetValue(id, out var l) ? l : ledgers[id] = new EmployeeLedger(id);

        for (var i = 0; i < log.Events.Count; i++)
        {
            var e = log.Events[i];
            FeedbackItemState? item = null;
            if (e.FeedbackId is { } itemId && !items.TryGetValue(itemId, out item))
            {
                item = items[itemId] = new FeedbackItemState(log.Items[itemId]);
            }

            var fact = new EngagementFact(e.EventId, e.EmployeeId, e.DepartmentId, e.Action, e.OccurredAt, e.Source, e.DwellSeconds,
                item?.FactsFor(e.Action, e.TargetDepartmentId));
            var actor = LedgerOf(e.EmployeeId);
            IReadOnlyList<AwardLine> awards;
            if (i < rebuildUpTo)
            {
                awards = stored!.Events[i].Awards;
            }
            else
            {
                var result = actor.Score(log.Rules, fact, Berlin);
                check?.Invoke(actor, fact, result);
                events.Add(new EventScore(e.EventId, result.Awards, result.Flags));
                awards = result.Awards;
            }

            foreach (var recipient in awards.Select(a => a.EmployeeId).Where(id => id != e.EmployeeId).Distinct().Reverse())
            {
                LedgerOf(recipient).Observe(fact, awards, Berlin);
            }

            actor.Observe(fact, awards, Berlin);
            item?.Apply(e.EmployeeId, e.DepartmentId, e.Action, e.TargetDepartmentId, e.Source, awards);
        }

        return (events, ledgers);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void AResolveClosesTheLoopExactlyWhenSomeoneRepliedToTheItemBeforeIt(EngagementLog log)
    {
        var result = Run(log);
        var replied = new HashSet<Guid>();
        foreach (var (e, score) in log.Events.Zip(result.Events))
        {
            if (e.Action == ActionType.Resolve && e.FeedbackId is { } item)
            {
                var own = score.Awards.Where(a => a.EmployeeId == e.EmployeeId && a.IsOwnAction).Select(a => a.RuleId).ToList();
                Assert.DoesNotContain(replied.Contains(item) ? "resolve-unanswered" : "resolve", own);
            }

            if (e.Action == ActionType.Reply && e.FeedbackId is { } answered)
            {
                replied.Add(answered);
            }
        }
    }

    [Fact]
    public void AReopenReturnsExactlyWhatAResolveWithoutAReplyEarned()
    {
        ReplayEvent[] log =
        [
            Event(Ravi, ActionType.Forward, Monday9, ItemA, target: Service),
            Event(Sofia, ActionType.Resolve, Monday9.AddMinutes(30), ItemA),
            Event(Sofia, ActionType.Reopen, Monday9.AddDays(1), ItemA),
        ];

        var result = Run(RuleSet.Default, log);

        Assert.Equal([(Sofia, "resolve-unanswered", 4), (Ravi, "resolve-unanswered:shared", 1)], // 3 × 1.5 = 4.5 → 5, of which 1 shared
            result.Events[1].Awards.Select(a => (a.EmployeeId, a.RuleId, a.Points)));
        Assert.Equal("Resolved without a reply to the customer ×1.5 negative feedback turned round (1 shared with the colleagues who forwarded it)",
            result.Events[1].Awards[0].Reason);
        Assert.Equal(result.Events[1].Awards.Select(a => (a.EmployeeId, -a.Points)), result.Events[2].Awards.Select(a => (a.EmployeeId, a.Points)));
        Assert.All(result.Events[2].Awards, a => Assert.True(a.IsClawback));
    }
}
