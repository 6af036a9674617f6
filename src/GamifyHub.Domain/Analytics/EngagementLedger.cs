using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Domain.Sla;

namespace GamifyHub.Domain.Analytics;

/// <summary>
/// The engagement projection of the log: items, their routings and the person actions on them, from which
/// <see cref="Metrics"/> computes a department's figures for any cohort of routing times as of any instant.
/// <para>
/// Deterministic and order-independent: every fact kept is a minimum (first routing, first action, first reply, …) or a
/// set ordered by (time, event id), so feeding the same log in any order, in any batches, gives the same figures.
/// Idempotent: an event id seen before is ignored, as are repeated items and routings. Not thread-safe: the owner
/// serializes access.
/// </para>
/// </summary>
public sealed partial class EngagementLedger
{
    private const long Never = long.MaxValue;
    private readonly HashSet<Guid> _applied;
    private readonly Dictionary<Guid, ItemState> _items = [];
    private readonly Dictionary<Guid, DepartmentState> _departments = [];

    /// <param name="expectedEvents">How many events the log about holds (sizes the set of applied ids once).</param>
    public EngagementLedger(int expectedEvents = 0) => _applied = new HashSet<Guid>(expectedEvents);

    /// <summary>Events applied so far (each once).</summary>
    public int EventCount => _applied.Count;

    public int ItemCount => _items.Count;

    /// <summary>The departments that have a routing or a person action in the ledger.</summary>
    public IReadOnlyCollection<Guid> Departments => _departments.Keys;

    /// <summary>The departments an item is routed to (whose figures an action on it can change).</summary>
    public IEnumerable<Guid> RoutedTo(Guid itemId) =>
        _items.TryGetValue(itemId, out var item) ? item.Routings.Select(r => r.Department) : [];

    public void Add(LedgerItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // Items never change once stored; the first description stays.
        var state = Item(item.Id);
        if (state.Info is null)
        {
            state.Info = item;
            Touched(state, withMarks: true);
        }
    }

    public void Add(LedgerRouting routing)
    {
        ArgumentNullException.ThrowIfNull(routing);
        var state = Item(routing.ItemId);
        var ticks = routing.RoutedAt.UtcTicks;
        Touched(state);
        var found = false;
        for (var i = 0; i < state.Routings.Count; i++)
        {
            if (state.Routings[i].Department == routing.DepartmentId)
            {
                found = true;
                if (ticks < state.Routings[i].Ticks)
                {
                    state.Routings[i] = (routing.DepartmentId, ticks);
                }
            }
        }

        if (!found)
        {
            state.Routings.Add((routing.DepartmentId, ticks));
        }

        Department(routing.DepartmentId).Route(state, ticks);
        Touched(state);
    }

    /// <summary>Applies one event; false when its id was applied before (or it is nobody's item action).</summary>
    public bool Add(LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // Rewards and kudos are nobody's work on an item; automation and challenge events are not a person's action.
        if (!ActionTypes.IsItemAction(e.Type) || !EngagementSources.IsPersonAction(e.Source) || !_applied.Add(e.EventId))
        {
            return false;
        }

        var ticks = e.At.UtcTicks;
        var item = e.ItemId is { } itemId ? Item(itemId) : null;
        Department(e.DepartmentId).AddActivity(new Activity(ticks, e.ActorId, e.Type, item));
        TouchedActivity(e.DepartmentId, ticks);
        if (item is null)
        {
            return true;
        }

        Touched(item);

        var facts = item.Facts(e.DepartmentId);
        if (e.Type != ActionType.Reopen)
        {
            facts.Acted = Math.Min(facts.Acted, ticks);
        }

        switch (e.Type)
        {
            case ActionType.Reply:
                facts.Replied = Math.Min(facts.Replied, ticks);
                item.FirstResponse = Math.Min(item.FirstResponse, ticks);
                break;
            case ActionType.Insight:
                facts.Insight = Math.Min(facts.Insight, ticks);
                break;
            case ActionType.Forward when e.TargetDepartmentId is { } target && target != e.DepartmentId:
                facts.ForwardedOut = Math.Min(facts.ForwardedOut, ticks);
                break;
            case ActionType.Resolve:
                item.FirstResponse = Math.Min(item.FirstResponse, ticks);
                item.Marks.Add(new Mark(ticks, e.EventId, Resolve: true));
                item.MarksSorted = false;
                break;
            case ActionType.Reopen:
                item.Marks.Add(new Mark(ticks, e.EventId, Resolve: false));
                item.MarksSorted = false;
                break;
        }

        Touched(item);
        return true;
    }

    /// <summary>The figures of one department: items first routed to it in [<paramref name="from"/>, <paramref name="to"/>), as of
    /// <paramref name="asOf"/> (only routings and actions at or before it count).</summary>
    public DepartmentMetrics Metrics(Guid departmentId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset asOf, LedgerContext context) =>
        Metrics(departmentId, new HashSet<Guid> { departmentId }, from, to, asOf, context);

    /// <summary>
    /// The figures of several departments taken as one (the company: every department shown). An item counts once, from its
    /// first routing to any of them; an action counts when someone of any of them did it.
    /// </summary>
    public DepartmentMetrics Metrics(Guid label, IReadOnlySet<Guid> departments, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset asOf, LedgerContext context)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(context);
        var tally = new Tally();
        var fromTicks = from.UtcTicks;
        var toTicks = to.UtcTicks;
        var asOfTicks = asOf.UtcTicks;
        var end = Math.Min(toTicks, asOfTicks == long.MaxValue ? asOfTicks : asOfTicks + 1);

        HashSet<Guid>? seen = departments.Count > 1 ? [] : null;
        foreach (var departmentId in departments)
        {
            if (!_departments.TryGetValue(departmentId, out var department))
            {
                continue;
            }

            foreach (var (ticks, item) in department.Cohort(fromTicks, end))
            {
                if (seen is not null && !seen.Add(item.Id))
                {
                    continue;
                }

                var routed = departments.Count > 1 ? item.FirstRouting(departments) : ticks;
                if (routed >= fromTicks && routed < end)
                {
                    Count(item, routed, departments, asOfTicks, context.Sla, tally, live: false);
                }
            }
        }

        foreach (var departmentId in departments)
        {
            if (_departments.TryGetValue(departmentId, out var department))
            {
                foreach (var activity in department.ActivitiesIn(fromTicks, end))
                {
                    CountActivity(activity, departmentId, context.Sla, tally);
                }
            }
        }

        return tally.ToMetrics(label, from, to, context);
    }

    /// <param name="live">Counting as the log stands (<paramref name="asOf"/> the latest instant): an SLA clock still running is kept by
    /// its due time, so the reader decides at its own now whether it was missed.</param>
    private static void Count(ItemState item, long routed, IReadOnlySet<Guid> departments, long asOf, SlaPolicy sla, Tally tally, bool live)
    {
        long acted = Never, replied = Never, insight = Never, forwarded = Never;
        var routedDepartments = 0;
        var actedRouted = 0;
        var ownActedRouted = false;
        foreach (var (department, ticks) in item.Routings)
        {
            if (ticks > asOf)
            {
                continue;
            }

            routedDepartments++;
            if (item.FactsOf(department) is { } f && f.Acted <= asOf)
            {
                actedRouted++;
                ownActedRouted |= departments.Contains(department);
            }
        }

        foreach (var f in item.AllFacts)
        {
            if (departments.Contains(f.Department))
            {
                acted = Math.Min(acted, f.Acted);
                replied = Math.Min(replied, f.Replied);
                insight = Math.Min(insight, f.Insight);
                forwarded = Math.Min(forwarded, f.ForwardedOut);
            }
        }

        var group = ChannelGroups.Of(item.Info?.Channel);
        tally.Routed++;
        tally.ChannelItems[(int)group]++;
        if (acted <= asOf)
        {
            tally.Read++;
            tally.ChannelRead[(int)group]++;
        }

        if (replied <= asOf)
        {
            tally.FirstResponses.Add(Minutes(replied - routed));
        }

        if (item.ResolvedAt(asOf) is { } resolved)
        {
            tally.Resolved++;
            tally.Resolutions.Add(Minutes(resolved - routed));
        }

        if (insight <= asOf)
        {
            tally.Insights++;
        }

        var shared = routedDepartments > 1;
        if (shared || forwarded <= asOf)
        {
            tally.HandedOff++;
        }

        if (shared)
        {
            tally.Shared++;
            if (ownActedRouted && actedRouted >= 2)
            {
                tally.SharedBothActed++;
            }
        }

        if (item.Info is { } info)
        {
            var due = info.ReceivedAt.UtcTicks + sla.For(info.Priority).FirstResponse.Ticks;
            // The SLA clock's answer (SlaCalculator): stopped by the first reply or resolve, met when that came by the due time;
            // still running and past due counts as missed; running and not yet due is not measurable yet.
            if (item.FirstResponse <= asOf)
            {
                tally.SlaMeasured++;
                if (item.FirstResponse <= due)
                {
                    tally.SlaMet++;
                }
            }
            else if (live)
            {
                tally.PendingDue.Add(due);
            }
            else if (asOf >= due)
            {
                tally.SlaMeasured++;
            }
        }
    }

    private static void CountActivity(Activity activity, Guid departmentId, SlaPolicy sla, Tally tally)
    {
        tally.Active.Add(activity.Actor);

        switch (activity.Type)
        {
            case ActionType.Read:
                tally.Reads++;
                break;
            case ActionType.Tag:
                tally.Tags++;
                break;
            case ActionType.Forward:
                tally.Forwards++;
                break;
            case ActionType.Insight:
                tally.InsightActions++;
                break;
            case ActionType.Reply:
                tally.Replies++;
                if (activity.Item is { Info: { } info } replied
                    && replied.FactsOf(departmentId)?.Replied == activity.Ticks
                    && activity.Ticks <= info.ReceivedAt.UtcTicks + sla.For(info.Priority).FirstResponse.Ticks)
                {
                    tally.RepliesWithinSla++;
                }

                break;
            case ActionType.Resolve:
                tally.Resolves++;
                if (activity.Item?.Info?.Sentiment == Sentiment.Negative)
                {
                    tally.ResolvedComplaints++;
                }

                break;
        }
    }

    private static double Minutes(long ticks) => Math.Max(0, ticks) / (double)TimeSpan.TicksPerMinute;

    private ItemState Item(Guid id)
    {
        if (!_items.TryGetValue(id, out var state))
        {
            _items[id] = state = new ItemState(id);
        }

        return state;
    }

    private DepartmentState Department(Guid id)
    {
        if (!_departments.TryGetValue(id, out var state))
        {
            _departments[id] = state = new DepartmentState();
        }

        return state;
    }

    private readonly record struct Mark(long Ticks, Guid EventId, bool Resolve) : IComparable<Mark>
    {
        public int CompareTo(Mark other) => Ticks != other.Ticks ? Ticks.CompareTo(other.Ticks) : EventId.CompareTo(other.EventId);
    }

    private readonly record struct Activity(long Ticks, Guid Actor, ActionType Type, ItemState? Item);

    /// <summary>What one department did to one item: the first time of each kind of action (long.MaxValue: never).</summary>
    private sealed class Facts(Guid department)
    {
        public Guid Department { get; } = department;
        public long Acted = Never;
        public long Replied = Never;
        public long Insight = Never;
        public long ForwardedOut = Never;
    }

    private sealed class ItemState(Guid id)
    {
        private readonly List<Facts> _facts = new(1);

        public Guid Id { get; } = id;

        public LedgerItem? Info;

        /// <summary>First routing time per department.</summary>
        public readonly List<(Guid Department, long Ticks)> Routings = new(1);

        /// <summary>The first reply or resolve by anyone: what stops the item's first-response SLA clock.</summary>
        public long FirstResponse = Never;

        public readonly List<Mark> Marks = [];
        public bool MarksSorted = true;

        public IReadOnlyList<Facts> AllFacts => _facts;

        public Facts Facts(Guid department)
        {
            if (FactsOf(department) is { } known)
            {
                return known;
            }

            var created = new Facts(department);
            _facts.Add(created);
            return created;
        }

        public Facts? FactsOf(Guid department)
        {
            foreach (var f in _facts)
            {
                if (f.Department == department)
                {
                    return f;
                }
            }

            return null;
        }

        public long FirstRouting(IReadOnlySet<Guid> departments)
        {
            var first = Never;
            foreach (var (department, ticks) in Routings)
            {
                if (departments.Contains(department))
                {
                    first = Math.Min(first, ticks);
                }
            }

            return first;
        }

        /// <summary>When the resolve that holds at <paramref name="asOf"/> happened; null when the item is open then (never
        /// resolved, or reopened since).</summary>
        public long? ResolvedAt(long asOf)
        {
            if (Marks.Count == 0)
            {
                return null;
            }

            if (!MarksSorted)
            {
                // Duplicate event ids never reach here (the ledger applies each once); equal times order by event id.
                Marks.Sort();
                MarksSorted = true;
            }

            for (var i = Marks.Count - 1; i >= 0; i--)
            {
                if (Marks[i].Ticks <= asOf)
                {
                    return Marks[i].Resolve ? Marks[i].Ticks : null;
                }
            }

            return null;
        }
    }

    /// <summary>One department's cohort index (items by first routing time) and its people's actions by time.</summary>
    private sealed class DepartmentState
    {
        private readonly Dictionary<ItemState, long> _firstRouted = [];
        private readonly List<(long Ticks, ItemState Item)> _cohort = [];
        private bool _cohortSorted = true;
        private readonly List<Activity> _activities = [];
        private bool _activitiesSorted = true;

        public void Route(ItemState item, long ticks)
        {
            if (_firstRouted.TryGetValue(item, out var known))
            {
                if (ticks >= known)
                {
                    return;
                }

                // An earlier routing of a known item (the log arriving out of order): rebuild the index when next read.
                _firstRouted[item] = ticks;
                _cohort.Clear();
                _cohortSorted = false;
                return;
            }

            _firstRouted[item] = ticks;
            if (_cohortSorted && _cohort.Count == _firstRouted.Count - 1)
            {
                _cohortSorted = _cohort.Count == 0 || _cohort[^1].Ticks <= ticks;
                _cohort.Add((ticks, item));
            }
            else
            {
                _cohortSorted = false;
            }
        }

        /// <summary>When each item was first routed here.</summary>
        public IEnumerable<long> RoutingTicks => _firstRouted.Values;

        /// <summary>Items first routed here in [from, end).</summary>
        public IEnumerable<(long Ticks, ItemState Item)> Cohort(long from, long end)
        {
            if (!_cohortSorted || _cohort.Count != _firstRouted.Count)
            {
                _cohort.Clear();
                foreach (var (item, ticks) in _firstRouted)
                {
                    _cohort.Add((ticks, item));
                }

                // Equal times in id order, so every ledger of the same log lists a cohort alike.
                _cohort.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Item.Id.CompareTo(b.Item.Id));
                _cohortSorted = true;
            }

            for (var i = LowerBound(_cohort, from, c => c.Ticks); i < _cohort.Count && _cohort[i].Ticks < end; i++)
            {
                yield return _cohort[i];
            }
        }

        public IEnumerable<Activity> ActivitiesIn(long from, long end)
        {
            if (!_activitiesSorted)
            {
                _activities.Sort((a, b) => a.Ticks.CompareTo(b.Ticks));
                _activitiesSorted = true;
            }

            for (var i = LowerBound(_activities, from, a => a.Ticks); i < _activities.Count && _activities[i].Ticks < end; i++)
            {
                yield return _activities[i];
            }
        }

        public void AddActivity(Activity activity)
        {
            if (_activities.Count > 0 && _activities[^1].Ticks > activity.Ticks)
            {
                _activitiesSorted = false;
            }

            _activities.Add(activity);
        }

        private static int LowerBound<T>(List<T> list, long ticks, Func<T, long> key)
        {
            int lo = 0, hi = list.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (key(list[mid]) < ticks)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }

    /// <summary>What a range of routing times adds up to; tallies of days add up to the tally of their range.</summary>
    private sealed class Tally
    {
        private static readonly int Groups = Enum.GetValues<ChannelGroup>().Length;
        public int Routed, Read, Resolved, Insights, HandedOff, Shared, SharedBothActed, SlaMeasured, SlaMet;
        public int Reads, Replies, Tags, Forwards, InsightActions, Resolves, ResolvedComplaints, RepliesWithinSla;
        public readonly List<double> FirstResponses = [];
        public readonly List<double> Resolutions = [];
        public readonly int[] ChannelItems = new int[Groups];
        public readonly int[] ChannelRead = new int[Groups];

        /// <summary>Everyone who acted; only the measured departments' current people count when presented.</summary>
        public readonly HashSet<Guid> Active = [];

        /// <summary>Due times of SLA clocks still running (live tallies only): each counts as missed once the reader's now passes it.</summary>
        public readonly List<long> PendingDue = [];

        private DurationFigures? _firstResponse;
        private DurationFigures? _resolution;

        /// <summary>The two tallies a combined one reads through (<see cref="Combine"/>).</summary>
        private (Tally A, Tally B)? _parts;

        public void Add(Tally other)
        {
            if (other._parts is not null)
            {
                throw new InvalidOperationException("A combined tally is presented, not added.");
            }

            AddCounts(other);
            FirstResponses.AddRange(other.FirstResponses);
            Resolutions.AddRange(other.Resolutions);
            Active.UnionWith(other.Active);
            PendingDue.AddRange(other.PendingDue);
        }

        private void AddCounts(Tally other)
        {
            Routed += other.Routed;
            Read += other.Read;
            Resolved += other.Resolved;
            Insights += other.Insights;
            HandedOff += other.HandedOff;
            Shared += other.Shared;
            SharedBothActed += other.SharedBothActed;
            SlaMeasured += other.SlaMeasured;
            SlaMet += other.SlaMet;
            Reads += other.Reads;
            Replies += other.Replies;
            Tags += other.Tags;
            Forwards += other.Forwards;
            InsightActions += other.InsightActions;
            Resolves += other.Resolves;
            ResolvedComplaints += other.ResolvedComplaints;
            RepliesWithinSla += other.RepliesWithinSla;
            for (var g = 0; g < Groups; g++)
            {
                ChannelItems[g] += other.ChannelItems[g];
                ChannelRead[g] += other.ChannelRead[g];
            }
        }

        /// <summary>Done adding: durations and due times sorted and the durations' figures computed once, however often the tally is
        /// presented or combined.</summary>
        public Tally Seal()
        {
            FirstResponses.Sort();
            Resolutions.Sort();
            PendingDue.Sort();
            _firstResponse = Durations.OfSorted(FirstResponses);
            _resolution = Durations.OfSorted(Resolutions);
            return this;
        }

        /// <summary>
        /// The sealed sum of two sealed tallies, read through them: counts are added, duration figures found by rank in both
        /// lists, due clocks and active people looked up in both. So a window's kept earlier days plus today cost no copy of a
        /// year's durations; the sum is for presenting only, never added into another tally.
        /// </summary>
        public static Tally Combine(Tally a, Tally b)
        {
            if (a._parts is not null || b._parts is not null)
            {
                throw new InvalidOperationException("A combined tally is presented, not combined again.");
            }

            var sum = new Tally();
            sum.AddCounts(a);
            sum.AddCounts(b);
            sum._firstResponse = Durations.OfSorted(a.FirstResponses, b.FirstResponses);
            sum._resolution = Durations.OfSorted(a.Resolutions, b.Resolutions);
            sum._parts = (a, b);
            return sum;
        }

        /// <param name="now">Running SLA clocks due at or before it count as missed (live tallies).</param>
        public DepartmentMetrics ToMetrics(Guid department, DateTimeOffset from, DateTimeOffset to, LedgerContext context, long now = long.MinValue)
        {
            var withheld = Privacy.GroupRules.Withheld(context.Members.Count, context.MinimumGroupSize);
            var channels = new List<ChannelCoverage>();
            for (var g = 0; g < Groups; g++)
            {
                if (ChannelItems[g] > 0)
                {
                    channels.Add(new ChannelCoverage((ChannelGroup)g, ChannelItems[g], withheld ? null : Rate(ChannelRead[g], ChannelItems[g])));
                }
            }

            if (withheld)
            {
                return new DepartmentMetrics(department, from, to, Routed, null, DurationFigures.None, DurationFigures.None, null, null, null,
                    null, null, null, channels, ActionCounts.None, true);
            }

            var slaMeasured = SlaMeasured + DueBy(now);
            var active = 0;
            foreach (var member in context.Members)
            {
                active += IsActive(member) ? 1 : 0;
            }

            return new DepartmentMetrics(department, from, to, Routed, Rate(Read, Routed), _firstResponse ?? Durations.Of(FirstResponses),
                _resolution ?? Durations.Of(Resolutions), Rate(Resolved, Routed), Rate(Insights, Routed), Rate(HandedOff, Routed),
                Rate(SharedBothActed, Shared), Rate(SlaMet, slaMeasured), context.Members.Count == 0 ? null : Rate(active, context.Members.Count),
                channels, new ActionCounts(Reads, Replies, Tags, Forwards, InsightActions, Resolves, ResolvedComplaints, RepliesWithinSla), false);
        }

        private bool IsActive(Guid member) => Active.Contains(member) || (_parts is { } p && (p.A.Active.Contains(member) || p.B.Active.Contains(member)));

        /// <summary>How many running clocks fell due at or before <paramref name="now"/> (<see cref="PendingDue"/> sorted), its parts' included.</summary>
        private int DueBy(long now) => DueIn(PendingDue, now) + (_parts is { } p ? DueIn(p.A.PendingDue, now) + DueIn(p.B.PendingDue, now) : 0);

        /// <summary>The first due time of a running clock after <paramref name="now"/> (when <see cref="DueBy"/> next changes);
        /// long.MaxValue when none.</summary>
        public long NextDueAfter(long now)
        {
            var next = NextIn(PendingDue, now);
            return _parts is { } p ? Math.Min(next, Math.Min(NextIn(p.A.PendingDue, now), NextIn(p.B.PendingDue, now))) : next;
        }

        private static long NextIn(List<long> pending, long now)
        {
            var i = DueIn(pending, now);
            return i < pending.Count ? pending[i] : long.MaxValue;
        }

        private static int DueIn(List<long> pending, long now)
        {
            int lo = 0, hi = pending.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (pending[mid] <= now)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Clamp(part / (double)whole, 0, 1);
    }
}
