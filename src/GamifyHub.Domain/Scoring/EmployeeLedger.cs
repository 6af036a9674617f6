using System.Runtime.InteropServices;
using GamifyHub.Domain.Badges;

namespace GamifyHub.Domain.Scoring;

/// <summary>
/// Everything scoring and badges need to remember about one employee, folded from their events in commit order.
/// Deterministic and single-threaded (an employee grain owns one). Two steps per event, so the same code serves
/// live scoring and rebuilds:
/// <list type="number">
/// <item><see cref="Score"/> decides what an event earns against the state so far, without changing it;</item>
/// <item><see cref="Observe"/> records the decided event and its award lines — live right after scoring, or when
/// rebuilding from stored events and stored awards without scoring again.</item>
/// </list>
/// Observe every event of the employee (including automation) and every event whose award lines name them (shared
/// credit, clawbacks), in commit order.
/// </summary>
public sealed partial class EmployeeLedger
{
    private static readonly string ClawbackReason = Texts.ReasonPhrases.English.Clawback;

    private static readonly int ActionKinds = CompiledRules.ActionKinds;
    private static readonly int CategoryKinds = CompiledRules.CategoryKinds;
    private static readonly IReadOnlyList<string> NoFlags = [];
    private static readonly IReadOnlyList<string> ReadTooFastFlag = [ScoreFlags.ReadTooFast];
    private static readonly IReadOnlyList<string> BurstFlag = [ScoreFlags.Burst];
    private static readonly IReadOnlyList<string> BothFlags = [ScoreFlags.ReadTooFast, ScoreFlags.Burst];
    private static readonly IReadOnlyList<AwardLine> NoLines = [];

    // Scratch space for the lines of one Score call; results get an exact-size array (one allocation, less to retain).
    [ThreadStatic]
    private static List<AwardLine>? _scratch;

    // Per company-local day: rewarded actions per type (diminishing returns) and own positive points per category (caps).
    private readonly Dictionary<int, DayCounters> _days = [];
    private int _countersDay = int.MinValue;
    private DayCounters? _counters;

    // Per item and action: when this employee last did it (cooldown) and whether it was ever rewarded (once per item).
    private readonly Dictionary<ItemAction, ItemMemo> _onItems;

    // Per action type: the times of the last MaxBurstCount actions, newest at _recentNext − 1 (burst detection).
    private readonly long[]?[] _recent = new long[ActionKinds][];
    private readonly int[] _recentNext = new int[ActionKinds];
    private readonly int[] _recentCount = new int[ActionKinds];

    // Statistics for badges and profiles.
    private readonly long[] _points = new long[CategoryKinds];
    // Bit per category that has at least one line, even if they add up to 0 (an employee's summary lists those).
    private int _categoriesWithLines;
    private readonly int[] _counts = new int[ActionKinds];
    private readonly List<DateOnly> _activeWorkingDays = [];
    private readonly HashSet<Guid> _departmentsEngaged = [];
    private readonly List<TimeSpan> _firstReplyDelays = [];

    // The local day of the last instant asked about: scoring and then observing one event ask twice.
    private long _dayTicks = long.MinValue;
    private TimeZoneInfo? _dayZone;
    private int _dayNumber;

    public EmployeeLedger(Guid employeeId)
        : this(employeeId, 0)
    {
    }

    /// <param name="expectedOwnEvents">How many of their own events the ledger will observe (a replay knows): sizes its memory once.</param>
    internal EmployeeLedger(Guid employeeId, int expectedOwnEvents)
    {
        EmployeeId = employeeId;
        _onItems = new Dictionary<ItemAction, ItemMemo>(expectedOwnEvents);
    }

    public Guid EmployeeId { get; }

    /// <summary>Sum of every line observed for this employee, including shared credit received and clawbacks.</summary>
    public long TotalXp { get; private set; }

    /// <summary>A copy of the statistics badges are evaluated on.</summary>
    public EmployeeStats Stats
    {
        get
        {
            var points = new Dictionary<PointCategory, long>(CategoryKinds);
            foreach (var category in Enum.GetValues<PointCategory>())
            {
                points[category] = _points[(int)category];
            }

            var counts = new Dictionary<ActionType, int>(ActionKinds);
            foreach (var action in Enum.GetValues<ActionType>())
            {
                counts[action] = _counts[(int)action];
            }

            return new EmployeeStats(EmployeeId, TotalXp, points, counts, [.. _activeWorkingDays],
                new HashSet<Guid>(_departmentsEngaged), [.. _firstReplyDelays]);
        }
    }

    /// <summary>Points per category for every category that has at least one line (a sum may be 0).</summary>
    public Dictionary<PointCategory, long> PointsWithLines()
    {
        var points = new Dictionary<PointCategory, long>();
        for (var category = 0; category < CategoryKinds; category++)
        {
            if ((_categoriesWithLines & (1 << category)) != 0)
            {
                points[(PointCategory)category] = _points[category];
            }
        }

        return points;
    }

    /// <summary>
    /// What this employee's event earns — for them and, through shared credit and clawbacks, for others — given
    /// everything observed so far. Does not change the ledger. In order:
    /// a reopen returns the points of the resolve it undoes (always, even by automation);
    /// automation earns nothing; a read shorter than the minimum or a burst is flagged and earns nothing (not for a kudos,
    /// which colleagues give); a repeat within the cooldown, or a second read or insight of the same item, earns nothing;
    /// otherwise every matching rule of the action awards its points × multiplier, × diminishing returns, truncated at
    /// the daily cap, and a resolve or insight on a forwarded item shares part of them with the forwarders.
    /// </summary>
    /// <exception cref="ArgumentException">The event is not this employee's, or the rule set is invalid.</exception>
    public ScoreResult Score(RuleSet rules, EngagementFact fact, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rules);
        CheckScored(fact, zone);
        return ScoreChecked(CompiledRules.For(rules), fact, zone);
    }

    /// <summary><see cref="Score(RuleSet, EngagementFact, TimeZoneInfo)"/> with the rules already compiled (a replay scores a million events with one set).</summary>
    internal ScoreResult Score(CompiledRules compiled, EngagementFact fact, TimeZoneInfo zone)
    {
        CheckScored(fact, zone);
        return ScoreChecked(compiled, fact, zone);
    }

    private void CheckScored(EngagementFact fact, TimeZoneInfo zone)
    {
        CheckFact(fact);
        ArgumentNullException.ThrowIfNull(zone);
        if (fact.EmployeeId != EmployeeId)
        {
            throw new ArgumentException($"Event {fact.EventId} is by employee {fact.EmployeeId}, not {EmployeeId}.", nameof(fact));
        }
    }

    private ScoreResult ScoreChecked(CompiledRules compiled, EngagementFact fact, TimeZoneInfo zone)
    {
        var item = fact.Item;
        var lines = _scratch ??= new List<AwardLine>(8);
        lines.Clear();
        if (fact.Action == ActionType.Reopen && item is { ClawBack.Count: > 0 })
        {
            ClawBack(item.ClawBack, lines);
        }

        if (!EngagementSources.IsPersonAction(fact.Source))
        {
            return Result(lines, NoFlags);
        }

        // Anti-gaming looks at what a person does. A kudos is something done to them by colleagues (each limited per day
        // where it is given), so six thanks in a minute after a good answer are no burst and the tenth is not worth less.
        // The daily category cap still applies.
        var received = fact.Action == ActionType.Kudos;
        var flags = received ? NoFlags : FlagsFor(compiled, fact);
        var candidates = compiled.RulesFor(fact.Action);
        if (flags.Count > 0 || candidates.Length == 0 || (!received && IsRepeat(compiled, fact)))
        {
            return Result(lines, flags);
        }

        var counters = CountersOn(DayNumber(fact.OccurredAt, zone));
        var diminish = received ? 1m : compiled.DiminishFor((counters?.Actions[(int)fact.Action] ?? 0) + 1);
        Span<long> used = stackalloc long[CategoryKinds];
        counters?.Points.CopyTo(used);
        List<ChainMember>? receivers = null;
        if (fact.Action is ActionType.Resolve or ActionType.Insight && compiled.Share > 0 && item is { HandOffChain.Count: > 0 })
        {
            receivers = Receivers(item.HandOffChain);
        }

        foreach (var rule in candidates)
        {
            if (rule.When is { } when && !when.Matches(fact))
            {
                continue;
            }

            var points = rule.Rule.Points;
            var reason = rule.Rule.Reason;
            var multiplied = item is not null && rule.Multiplier != 1m && fact.Action switch
            {
                ActionType.Reply => item.IsFirstReply,
                ActionType.Resolve => item.Sentiment == Feedback.Sentiment.Negative,
                _ => false,
            };
            if (multiplied)
            {
                points = (int)Math.Round(points * rule.Multiplier, MidpointRounding.AwayFromZero);
                reason = rule.MultipliedReason;
            }

            if (diminish != 1m)
            {
                var diminished = (int)Math.Floor(points * diminish);
                if (diminished != points)
                {
                    points = diminished;
                    reason = CompiledRules.Diminished(reason);
                }
            }

            var category = (int)rule.Rule.Category;
            var room = Math.Max(0, compiled.Caps[category] - used[category]);
            if (points > room)
            {
                points = (int)room;
                reason += compiled.CapReachedSuffix[category];
            }

            var shared = receivers is null || points <= 0
                ? 0
                : (int)Math.Round(points * compiled.Share, MidpointRounding.AwayFromZero);
            var kept = points - shared;
            used[category] += points; // before sharing, so sharing never changes what the event is worth
            lines.Add(new AwardLine(EmployeeId, fact.DepartmentId, kept, rule.Rule.Category, rule.Rule.Id, compiled.Version,
                shared > 0 ? reason + Texts.ReasonPhrases.English.SharedOut(shared) : reason));
            if (shared > 0)
            {
                // Equal parts; the remainder goes to the earliest forwarder, who started the hand-off.
                var part = shared / receivers!.Count;
                var remainder = shared % receivers.Count;
                for (var i = 0; i < receivers.Count; i++)
                {
                    var share = part + (i == 0 ? remainder : 0);
                    if (share > 0)
                    {
                        lines.Add(new AwardLine(receivers[i].EmployeeId, receivers[i].DepartmentId, share, rule.Rule.Category,
                            rule.SharedRuleId, compiled.Version, rule.SharedReason));
                    }
                }
            }
        }

        return Result(lines, flags);
    }

    /// <summary>
    /// Records the lines of a colleague's event that name this employee (shared credit, a clawback of it). Such lines
    /// count towards points and XP only: the event is not this employee's action, so it moves no counters, caps or
    /// cooldowns. The same as <see cref="Observe"/> with the colleague's fact, without needing that fact.
    /// </summary>
    public void Credit(IReadOnlyList<AwardLine> linesOfColleaguesEvent)
    {
        ArgumentNullException.ThrowIfNull(linesOfColleaguesEvent);
        for (var i = 0; i < linesOfColleaguesEvent.Count; i++)
        {
            var line = linesOfColleaguesEvent[i];
            if (line.EmployeeId != EmployeeId)
            {
                continue;
            }

            TotalXp += line.Points;
            _points[(int)line.Category] += line.Points;
            _categoriesWithLines |= 1 << (int)line.Category;
        }
    }

    /// <summary>
    /// Records a decided event: this employee's own event (any source), or another employee's event whose award
    /// lines name this employee. Needs only the event and its stored award lines, never the rules, so a ledger can be
    /// rebuilt from the event log without scoring again. Lines for other employees are ignored.
    /// </summary>
    public void Observe(EngagementFact fact, IReadOnlyList<AwardLine> awardsOfThisEvent, TimeZoneInfo zone)
    {
        CheckFact(fact);
        ArgumentNullException.ThrowIfNull(awardsOfThisEvent);
        ArgumentNullException.ThrowIfNull(zone);
        var isActor = fact.EmployeeId == EmployeeId;
        var rewarded = false;
        for (var i = 0; i < awardsOfThisEvent.Count; i++)
        {
            var line = awardsOfThisEvent[i];
            if (line.EmployeeId != EmployeeId)
            {
                continue;
            }

            TotalXp += line.Points;
            _points[(int)line.Category] += line.Points;
            _categoriesWithLines |= 1 << (int)line.Category;
            rewarded |= isActor && line.IsOwnAction;
        }

        if (!isActor || !EngagementSources.IsPersonAction(fact.Source))
        {
            return;
        }

        var action = (int)fact.Action;
        var ticks = fact.OccurredAt.UtcTicks;
        RememberRecent(action, ticks);
        var item = fact.Item;
        if (item is not null)
        {
            ref var memo = ref CollectionsMarshal.GetValueRefOrAddDefault(_onItems, new ItemAction(item.ItemId, fact.Action), out _);
            memo.LastTicks = ticks;
            memo.Rewarded |= rewarded;
        }

        if (!rewarded)
        {
            return;
        }

        var dayNumber = DayNumber(fact.OccurredAt, zone);
        var counters = CountersToUpdateOn(dayNumber);
        counters.Actions[action]++;
        for (var i = 0; i < awardsOfThisEvent.Count; i++)
        {
            // The cap counts the actor's points before sharing: their own lines plus what they passed on.
            var line = awardsOfThisEvent[i];
            if (line.Points > 0 && ((line.EmployeeId == EmployeeId && line.IsOwnAction) || line.IsSharedCredit))
            {
                counters.Points[(int)line.Category] += line.Points;
            }
        }

        _counts[action]++;
        var day = DateOnly.FromDayNumber(dayNumber);
        if (Streaks.IsWorkingDay(day))
        {
            AddActiveDay(day);
        }

        if (item is not null)
        {
            for (var i = 0; i < item.RoutedDepartments.Count; i++)
            {
                if (item.RoutedDepartments[i] != fact.DepartmentId)
                {
                    _departmentsEngaged.Add(item.RoutedDepartments[i]);
                }
            }

            if (fact.Action == ActionType.Reply && item.IsFirstReply)
            {
                var delay = fact.OccurredAt - item.ReceivedAt;
                _firstReplyDelays.Add(delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
            }
        }
    }

    /// <summary>The day's counters, if any; the last day asked about is remembered (an employee's events come days at a time).</summary>
    private DayCounters? CountersOn(int dayNumber)
    {
        if (dayNumber != _countersDay)
        {
            _counters = _days.GetValueOrDefault(dayNumber);
            _countersDay = dayNumber;
        }

        return _counters;
    }

    private DayCounters CountersToUpdateOn(int dayNumber)
    {
        if (dayNumber != _countersDay || _counters is null)
        {
            ref var counters = ref CollectionsMarshal.GetValueRefOrAddDefault(_days, dayNumber, out _);
            _counters = counters ??= new DayCounters();
            _countersDay = dayNumber;
        }

        return _counters;
    }

    private int DayNumber(DateTimeOffset at, TimeZoneInfo zone)
    {
        if (at.UtcTicks != _dayTicks || !ReferenceEquals(zone, _dayZone))
        {
            _dayNumber = LocalDayNumber(at, zone);
            _dayTicks = at.UtcTicks;
            _dayZone = zone;
        }

        return _dayNumber;
    }

    /// <summary>The company-local calendar day of an instant, as a day number (see <see cref="DateOnly.DayNumber"/>).</summary>
    internal static int LocalDayNumber(DateTimeOffset at, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime).DayNumber;

    private static void CheckFact(EngagementFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if ((uint)fact.Action >= (uint)ActionKinds)
        {
            throw new ArgumentOutOfRangeException(nameof(fact), fact.Action, "Unknown action type.");
        }
    }

    private static ScoreResult Result(List<AwardLine> lines, IReadOnlyList<string> flags) =>
        lines.Count == 0 && flags.Count == 0 ? ScoreResult.Nothing : new ScoreResult(lines.Count == 0 ? NoLines : lines.ToArray(), flags);

    private static void ClawBack(IReadOnlyList<AwardLine> resolveAwards, List<AwardLine> lines)
    {
        foreach (var line in resolveAwards)
        {
            if (line.Points != 0 && !line.IsClawback)
            {
                lines.Add(new AwardLine(line.EmployeeId, line.DepartmentId, -line.Points, line.Category,
                    line.RuleId + AwardLine.ClawbackSuffix, line.RuleVersion, ClawbackReason));
            }
        }
    }

    /// <summary>Distinct forwarders other than the actor, in the order they first forwarded the item.</summary>
    private List<ChainMember>? Receivers(IReadOnlyList<ChainMember> chain)
    {
        List<ChainMember>? receivers = null;
        for (var i = 0; i < chain.Count; i++)
        {
            var member = chain[i];
            if (member.EmployeeId == EmployeeId)
            {
                continue;
            }

            receivers ??= [];
            var seen = false;
            for (var j = 0; j < receivers.Count && !seen; j++)
            {
                seen = receivers[j].EmployeeId == member.EmployeeId;
            }

            if (!seen)
            {
                receivers.Add(member);
            }
        }

        return receivers;
    }

    private IReadOnlyList<string> FlagsFor(CompiledRules rules, EngagementFact fact)
    {
        var tooFast = fact.Action == ActionType.Read && fact.DwellSeconds is { } dwell && dwell < rules.MinReadSeconds;
        var burst = rules.BurstCount > 0 && IsBurst(rules, (int)fact.Action, fact.OccurredAt.UtcTicks);
        return (tooFast, burst) switch
        {
            (true, true) => BothFlags,
            (true, false) => ReadTooFastFlag,
            (false, true) => BurstFlag,
            _ => NoFlags,
        };
    }

    /// <summary>True when at least BurstCount − 1 earlier actions of this type are less than the window apart from this one.</summary>
    private bool IsBurst(CompiledRules rules, int action, long ticks)
    {
        var recent = _recent[action];
        if (recent is null)
        {
            return false;
        }

        var needed = rules.BurstCount - 1;
        var found = 0;
        for (var i = 0; i < _recentCount[action]; i++)
        {
            if (Math.Abs(ticks - recent[i]) < rules.BurstWindowTicks && ++found >= needed)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsRepeat(CompiledRules rules, EngagementFact fact)
    {
        if (fact.Item is null || !_onItems.TryGetValue(new ItemAction(fact.Item.ItemId, fact.Action), out var memo))
        {
            return false;
        }

        return (memo.Rewarded && fact.Action is ActionType.Read or ActionType.Insight)
            || Math.Abs(fact.OccurredAt.UtcTicks - memo.LastTicks) < rules.CooldownTicks;
    }

    private void RememberRecent(int action, long ticks)
    {
        var recent = _recent[action] ??= new long[AntiGaming.MaxBurstCount];
        recent[_recentNext[action]] = ticks;
        _recentNext[action] = (_recentNext[action] + 1) % recent.Length;
        _recentCount[action] = Math.Min(_recentCount[action] + 1, recent.Length);
    }

    private void AddActiveDay(DateOnly day)
    {
        var days = _activeWorkingDays;
        if (days.Count == 0 || day > days[^1])
        {
            days.Add(day);
            return;
        }

        var index = days.BinarySearch(day);
        if (index < 0)
        {
            days.Insert(~index, day);
        }
    }

    private readonly record struct ItemAction(Guid ItemId, ActionType Action);

    private struct ItemMemo
    {
        public long LastTicks;
        public bool Rewarded;
    }

    private sealed class DayCounters
    {
        public int[] Actions { get; } = new int[ActionKinds];

        public long[] Points { get; } = new long[CategoryKinds];
    }
}
