using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Sla;

namespace GamifyHub.Domain.Analytics;

/// <summary>
/// Figures as the log stands now, from tallies per local day kept for the departments (and sets of departments) asked
/// about: a window is the sum of its days, and an item, routing or event only marks the days whose tally it changes, which
/// are counted again when next read. So reading a year's window costs a sum of a few hundred days, not a pass over every
/// item in it, and the intake path pays for marking days, not for figures.
/// </summary>
public sealed partial class EngagementLedger
{
    /// <summary>Kept for this many sets of departments at most (each department, the company, the odd set besides).</summary>
    private const int MaxDailyTallies = 32;

    /// <summary>The instant live tallies are counted as of: every fact the log holds.</summary>
    private const long Latest = long.MaxValue - 1;

    private readonly List<DailyTallies> _daily = [];

    /// <summary>
    /// The figures of <paramref name="departments"/> for routing times in [<paramref name="from"/>, <paramref name="to"/>) as the
    /// log stands at <paramref name="now"/>: what <see cref="Metrics(Guid, IReadOnlySet{Guid}, DateTimeOffset, DateTimeOffset, DateTimeOffset, LedgerContext)"/>
    /// answers as of <paramref name="now"/>, save that facts dated after it (the API accepts events up to five minutes ahead)
    /// count at once. Answered from daily tallies when the window starts and ends at local midnights of <paramref name="zone"/>
    /// (every analytics window does), computed afresh otherwise.
    /// </summary>
    public DepartmentMetrics Current(Guid label, IReadOnlySet<Guid> departments, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now,
        LedgerContext context, TimeZoneInfo zone) =>
        Current(label, departments, from, to, now, context, zone, out _);

    /// <param name="changesAt">Until this instant the answer stays the same while the ledger does (the next running SLA clock to
    /// fall due); <paramref name="now"/> itself when the answer is only good for that instant.</param>
    public DepartmentMetrics Current(Guid label, IReadOnlySet<Guid> departments, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now,
        LedgerContext context, TimeZoneInfo zone, out DateTimeOffset changesAt)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(zone);
        if (!DayBound(from, zone, int.MinValue, out var first) || !DayBound(to, zone, int.MaxValue, out var last))
        {
            changesAt = now;
            return Metrics(label, departments, from, to, now, context);
        }

        var tally = Daily(departments, context.Sla, zone).Range(first, last);
        var next = tally.NextDueAfter(now.UtcTicks);
        changesAt = next >= DateTimeOffset.MaxValue.UtcTicks ? DateTimeOffset.MaxValue : new DateTimeOffset(next, TimeSpan.Zero);
        return tally.ToMetrics(label, from, to, context, now.UtcTicks);
    }

    /// <summary>The local day an instant starts (as a day number); false when it is not a local midnight.</summary>
    private static bool DayBound(DateTimeOffset instant, TimeZoneInfo zone, int unbounded, out int day)
    {
        if (instant == DateTimeOffset.MinValue || instant == DateTimeOffset.MaxValue)
        {
            day = unbounded;
            return true;
        }

        var local = AnalyticsPeriods.LocalDay(instant, zone);
        day = local.DayNumber;
        return AnalyticsPeriods.DayStart(local, zone) == instant;
    }

    private DailyTallies Daily(IReadOnlySet<Guid> departments, SlaPolicy sla, TimeZoneInfo zone)
    {
        for (var i = _daily.Count - 1; i >= 0; i--)
        {
            var known = _daily[i];
            if (known.Matches(departments, sla, zone))
            {
                // Most recently used last, so the least used goes first when there are too many.
                _daily.RemoveAt(i);
                _daily.Add(known);
                return known;
            }
        }

        if (_daily.Count >= MaxDailyTallies)
        {
            _daily.RemoveAt(0);
        }

        var created = new DailyTallies(this, departments, sla, zone);
        _daily.Add(created);
        return created;
    }

    /// <summary>An item's facts are about to change or have changed: the days it counts in are counted again.</summary>
    private void Touched(ItemState item, bool withMarks = false)
    {
        foreach (var daily in _daily)
        {
            daily.Touched(item, withMarks);
        }
    }

    private void TouchedActivity(Guid departmentId, long ticks)
    {
        foreach (var daily in _daily)
        {
            daily.TouchedActivity(departmentId, ticks);
        }
    }

    /// <summary>
    /// The tallies of one set of departments, one per local day: the day's cohort (items first routed to the set that day,
    /// counted as the log stands) and the day's actions by the set's people. A day is marked when something it counts changes
    /// and counted again when a window that holds it is read; a window's sum is kept until a day changes.
    /// </summary>
    private sealed class DailyTallies
    {
        private const int MaxRanges = 64;
        private readonly EngagementLedger _ledger;
        private readonly HashSet<Guid> _departments;
        private readonly SlaPolicy _sla;
        private readonly TimeZoneInfo _zone;
        private readonly Dictionary<int, Day> _days = [];
        private readonly List<Day> _order = [];
        private readonly Dictionary<(int First, int Last), Sum> _ranges = [];
        private long _version;

        // The local day last converted, as UTC ticks [start, end): consecutive instants mostly fall on the same day.
        private long _dayStart = long.MaxValue;
        private long _dayEnd = long.MinValue;
        private int _dayNumber;

        public DailyTallies(EngagementLedger ledger, IReadOnlySet<Guid> departments, SlaPolicy sla, TimeZoneInfo zone)
        {
            _ledger = ledger;
            _departments = [.. departments];
            _sla = sla;
            _zone = zone;
            // Every day with an item first routed to one of the departments or an action by their people, to be counted when read.
            foreach (var departmentId in _departments)
            {
                if (ledger._departments.TryGetValue(departmentId, out var department))
                {
                    foreach (var ticks in department.RoutingTicks)
                    {
                        Mark(ticks);
                    }

                    foreach (var activity in department.ActivitiesIn(long.MinValue, long.MaxValue))
                    {
                        Mark(activity.Ticks);
                    }
                }
            }
        }

        public bool Matches(IReadOnlySet<Guid> departments, SlaPolicy sla, TimeZoneInfo zone) =>
            _departments.SetEquals(departments) && _zone.Id == zone.Id && SameFirstResponseTargets(_sla, sla);

        public void Touched(ItemState item, bool withMarks)
        {
            var relevant = false;
            foreach (var (department, _) in item.Routings)
            {
                relevant |= _departments.Contains(department);
            }

            foreach (var facts in item.AllFacts)
            {
                relevant |= _departments.Contains(facts.Department);
            }

            if (!relevant)
            {
                return;
            }

            // The item's cohort day, and the days of the first replies the departments' tallies judge against its SLA.
            Mark(item.FirstRouting(_departments));
            foreach (var facts in item.AllFacts)
            {
                if (_departments.Contains(facts.Department))
                {
                    Mark(facts.Replied);
                }
            }

            if (withMarks)
            {
                // Its description arrived: resolves count as resolved complaints by its sentiment.
                foreach (var mark in item.Marks)
                {
                    Mark(mark.Ticks);
                }
            }
        }

        public void TouchedActivity(Guid departmentId, long ticks)
        {
            if (_departments.Contains(departmentId))
            {
                Mark(ticks);
            }
        }

        /// <summary>
        /// The sum of the days in [<paramref name="first"/>, <paramref name="last"/>), sealed. The sum of all but its latest day is
        /// kept and used again while none of those days changed, so a read while events arrive (on today) counts one day and
        /// merges it into the rest.
        /// </summary>
        public Tally Range(int first, int last)
        {
            _ranges.TryGetValue((first, last), out var known);
            if (known is not null && known.Version == _version)
            {
                return known.Total;
            }

            var lo = LowerBound(first);
            var hi = LowerBound(last);
            if (hi == lo)
            {
                return new Tally().Seal();
            }

            var latest = _order[hi - 1];
            var earlier = known is not null && known.Latest == latest.Number && Unchanged(lo, hi - 1, known.Version) ? known.Earlier : null;
            if (earlier is null)
            {
                earlier = new Tally();
                for (var i = lo; i < hi - 1; i++)
                {
                    earlier.Add(Counted(_order[i]));
                }

                earlier.Seal();
            }

            var total = Tally.Combine(earlier, Counted(latest));
            if (_ranges.Count >= MaxRanges)
            {
                _ranges.Clear();
            }

            _ranges[(first, last)] = new Sum(_version, latest.Number, earlier, total);
            return total;
        }

        private bool Unchanged(int from, int to, long since)
        {
            for (var i = from; i < to; i++)
            {
                if (_order[i].MarkedAt > since)
                {
                    return false;
                }
            }

            return true;
        }

        private Tally Counted(Day day) => day.Tally ??= CountDay(day.Number).Seal();

        /// <summary>One day's tally, counted from the ledger as it stands.</summary>
        private Tally CountDay(int dayNumber)
        {
            var day = DateOnly.FromDayNumber(dayNumber);
            var start = AnalyticsPeriods.DayStart(day, _zone).UtcTicks;
            var end = AnalyticsPeriods.DayStart(day.AddDays(1), _zone).UtcTicks;
            var tally = new Tally();
            var several = _departments.Count > 1;
            HashSet<ItemState>? seen = several ? [] : null;
            foreach (var departmentId in _departments)
            {
                if (!_ledger._departments.TryGetValue(departmentId, out var department))
                {
                    continue;
                }

                foreach (var (ticks, item) in department.Cohort(start, end))
                {
                    if (seen is not null && !seen.Add(item))
                    {
                        continue;
                    }

                    var routed = several ? item.FirstRouting(_departments) : ticks;
                    if (routed >= start && routed < end)
                    {
                        Count(item, routed, _departments, Latest, _sla, tally, live: true);
                    }
                }
            }

            foreach (var departmentId in _departments)
            {
                if (_ledger._departments.TryGetValue(departmentId, out var department))
                {
                    foreach (var activity in department.ActivitiesIn(start, end))
                    {
                        CountActivity(activity, departmentId, _sla, tally);
                    }
                }
            }

            return tally;
        }

        private void Mark(long ticks)
        {
            if (ticks == Never)
            {
                return;
            }

            var number = DayOf(ticks);
            if (!_days.TryGetValue(number, out var day))
            {
                _days[number] = day = new Day(number);
                _order.Insert(LowerBound(number), day);
            }
            else if (day.Tally is null && day.MarkedAt == _version)
            {
                // Marked already, and nothing was read since.
                return;
            }

            day.Tally = null;
            day.MarkedAt = ++_version;
        }

        private int DayOf(long ticks)
        {
            if (ticks >= _dayStart && ticks < _dayEnd)
            {
                return _dayNumber;
            }

            var day = AnalyticsPeriods.LocalDay(new DateTimeOffset(ticks, TimeSpan.Zero), _zone);
            var start = AnalyticsPeriods.DayStart(day, _zone).UtcTicks;
            var end = AnalyticsPeriods.DayStart(day.AddDays(1), _zone).UtcTicks;
            if (ticks >= start && ticks < end)
            {
                (_dayStart, _dayEnd, _dayNumber) = (start, end, day.DayNumber);
            }

            return day.DayNumber;
        }

        /// <summary>The index of the first day at or after <paramref name="number"/>.</summary>
        private int LowerBound(int number)
        {
            int lo = 0, hi = _order.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_order[mid].Number < number)
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

        /// <summary>One local day: its tally (null until counted, and again once something in it changed) and when it last changed.</summary>
        private sealed class Day(int number)
        {
            public int Number { get; } = number;
            public Tally? Tally;
            public long MarkedAt;
        }

        /// <summary>A range's sum as of <paramref name="Version"/>: of all days but the latest, and with it.</summary>
        private sealed record Sum(long Version, int Latest, Tally Earlier, Tally Total);

        private static bool SameFirstResponseTargets(SlaPolicy a, SlaPolicy b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            foreach (var priority in Enum.GetValues<Priority>())
            {
                if (a.For(priority).FirstResponse != b.For(priority).FirstResponse)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
