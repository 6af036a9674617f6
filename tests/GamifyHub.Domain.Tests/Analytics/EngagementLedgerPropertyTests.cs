using System.Text.Json;
using FsCheck.Xunit;
using GamifyHub.Domain.Analytics;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Domain.Sla;

namespace GamifyHub.Domain.Tests.Analytics;

/// <summary>
/// Random logs (a few departments and people, items routed once or twice, every kind of action by people, automation and
/// challenges, at random times, some events repeated): every rate stays within 0–1 or is null; a ledger fed incrementally, in
/// any order and in batches, equals one fed the whole log at once; and a snapshot as of an instant equals the figures of the
/// log cut off at that instant.
/// </summary>
public class EngagementLedgerPropertyTests
{
    private static readonly Guid[] Departments = [Ids.Of(1), Ids.Of(2), Ids.Of(3)];
    private static readonly DateTimeOffset Base = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sources = ["web", "web", "web", "api", EngagementSources.Automation, EngagementSources.Challenge];
    private static readonly string[] Channels = ["blog", "appstore", "youtube", "facebook", "trustpilot", "hotline"];

    private sealed record Log(List<LedgerItem> Items, List<LedgerRouting> Routings, List<LedgerEvent> Events, Dictionary<Guid, HashSet<Guid>> Members)
    {
        public IEnumerable<object> Entries => Items.Cast<object>().Concat(Routings).Concat(Events);

        public static Log Random(int seed)
        {
            var random = new Random(seed);
            var people = Enumerable.Range(0, random.Next(1, 9)).Select(i => (Id: Ids.Of(100 + i), Department: Departments[random.Next(3)])).ToList();
            var members = Departments.ToDictionary(d => d, d => people.Where(p => p.Department == d).Select(p => p.Id).ToHashSet());
            var items = new List<LedgerItem>();
            var routings = new List<LedgerRouting>();
            var events = new List<LedgerEvent>();
            var count = random.Next(0, 25);
            for (var i = 0; i < count; i++)
            {
                var received = Base.AddMinutes(random.Next(0, 60 * 24 * 20));
                var id = Ids.Of(1000 + i);
                items.Add(new LedgerItem(id, Channels[random.Next(Channels.Length)], (Priority)random.Next(3), (Sentiment)random.Next(3), received));
                routings.Add(new LedgerRouting(id, Departments[random.Next(3)], received, false));
                if (random.Next(3) == 0)
                {
                    routings.Add(new LedgerRouting(id, Departments[random.Next(3)], received.AddMinutes(random.Next(0, 600)), true));
                }
            }

            var actions = Enum.GetValues<ActionType>();
            for (var e = 0; e < random.Next(0, 80) && people.Count > 0; e++)
            {
                var person = people[random.Next(people.Count)];
                var type = actions[random.Next(actions.Length)];
                Guid? item = count > 0 && random.Next(8) != 0 ? Ids.Of(1000 + random.Next(count)) : null;
                var evt = new LedgerEvent(Ids.Of(200_000 + e), person.Id, person.Department, type, Sources[random.Next(Sources.Length)],
                    Base.AddMinutes(random.Next(0, 60 * 24 * 25)), item, type == ActionType.Forward ? Departments[random.Next(3)] : null);
                events.Add(evt);
                if (random.Next(10) == 0)
                {
                    events.Add(evt); // delivered twice
                }
            }

            return new Log(items, routings, events, members);
        }
    }

    private static void Feed(EngagementLedger ledger, object entry)
    {
        switch (entry)
        {
            case LedgerItem i:
                ledger.Add(i);
                break;
            case LedgerRouting r:
                ledger.Add(r);
                break;
            case LedgerEvent e:
                ledger.Add(e);
                break;
        }
    }

    private static EngagementLedger Full(IEnumerable<object> entries)
    {
        var ledger = new EngagementLedger();
        foreach (var entry in entries)
        {
            Feed(ledger, entry);
        }

        return ledger;
    }

    /// <summary>Every figure of every department and of the company, for a few windows and instants, as one comparable text.</summary>
    private static string Figures(EngagementLedger ledger, Log log, DateTimeOffset asOf)
    {
        var windows = new[] { (Base, Base.AddDays(30)), (Base.AddDays(3), Base.AddDays(10)), (DateTimeOffset.MinValue, DateTimeOffset.MaxValue) };
        var all = new List<DepartmentMetrics>();
        foreach (var (from, to) in windows)
        {
            foreach (var d in Departments)
            {
                all.Add(ledger.Metrics(d, from, to, asOf, new LedgerContext(log.Members[d], 1, SlaPolicy.Default)));
            }

            all.Add(ledger.Metrics(Guid.Empty, Departments.ToHashSet(), from, to, asOf,
                new LedgerContext(log.Members.Values.SelectMany(m => m).ToHashSet(), 2, SlaPolicy.Default)));
        }

        return JsonSerializer.Serialize(all);
    }

    [Property(MaxTest = 300)]
    public void Every_rate_is_within_0_and_1_or_null(int seed)
    {
        var log = Log.Random(seed);
        var ledger = Full(log.Entries);
        var random = new Random(seed);
        foreach (var d in Departments)
        {
            var asOf = Base.AddMinutes(random.Next(0, 60 * 24 * 30));
            var m = ledger.Metrics(d, Base, Base.AddDays(random.Next(1, 30)), asOf, new LedgerContext(log.Members[d], random.Next(0, 3), SlaPolicy.Default));
            Assert.All(EngagementLedgerTests.Rates(m), r => Assert.True(r is null || r is >= 0 and <= 1, $"rate {r}"));
            Assert.True(m.FirstResponse.MedianMinutes is null or >= 0);
            Assert.True(m.Resolution.MedianMinutes is null or >= 0);
            Assert.True(m.FirstResponse.MedianMinutes <= m.FirstResponse.P90Minutes || m.FirstResponse.MedianMinutes is null);
            Assert.Equal(m.RoutedItems, m.Channels.Sum(c => c.Items));
        }
    }

    [Property(MaxTest = 300)]
    public void A_ledger_fed_incrementally_in_any_order_equals_a_full_recompute(int seed)
    {
        var log = Log.Random(seed);
        var random = new Random(seed ^ 0x5eed);
        var shuffled = log.Entries.OrderBy(_ => random.Next()).ToList();
        var incremental = new EngagementLedger();
        var asOf = Base.AddDays(40);
        // Read figures between batches too: the indexes built by a read must not change later answers.
        for (var i = 0; i < shuffled.Count; i++)
        {
            Feed(incremental, shuffled[i]);
            if (random.Next(10) == 0)
            {
                _ = Figures(incremental, log, asOf);
            }
        }

        Assert.Equal(Figures(Full(log.Entries), log, asOf), Figures(incremental, log, asOf));
    }

    [Property(MaxTest = 300)]
    public void A_snapshot_equals_the_figures_of_the_log_cut_off_at_its_instant(int seed)
    {
        var log = Log.Random(seed);
        var asOf = Base.AddMinutes(new Random(seed).Next(0, 60 * 24 * 25));
        var truncated = log.Entries.Where(e => e switch
        {
            LedgerRouting r => r.RoutedAt <= asOf,
            LedgerEvent ev => ev.At <= asOf,
            _ => true,
        });

        Assert.Equal(Figures(Full(truncated), log, asOf), Figures(Full(log.Entries), log, asOf));
    }

    /// <summary>Every figure of every department and of the company for day-aligned windows (Berlin, across the change from summer
    /// time), as one comparable text: from daily tallies when <paramref name="current"/>, counted afresh otherwise.</summary>
    private static string NowFigures(EngagementLedger ledger, Log log, DateTimeOffset now, bool current)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var first = DateOnly.FromDateTime(Base.UtcDateTime);
        var windows = new List<(DateTimeOffset From, DateTimeOffset To)> { (DateTimeOffset.MinValue, DateTimeOffset.MaxValue) };
        foreach (var (start, days) in new[] { (0, 30), (3, 7), (20, 1), (24, 1), (25, 2), (10, 20) })
        {
            windows.Add((AnalyticsPeriods.DayStart(first.AddDays(start), berlin), AnalyticsPeriods.DayStart(first.AddDays(start + days), berlin)));
        }

        var all = new List<DepartmentMetrics>();
        foreach (var (from, to) in windows)
        {
            foreach (var d in Departments)
            {
                var context = new LedgerContext(log.Members[d], 1, SlaPolicy.Default);
                all.Add(current ? ledger.Current(d, new HashSet<Guid> { d }, from, to, now, context, berlin) : ledger.Metrics(d, from, to, now, context));
            }

            var everyone = new LedgerContext(log.Members.Values.SelectMany(m => m).ToHashSet(), 2, SlaPolicy.Default);
            all.Add(current
                ? ledger.Current(Guid.Empty, Departments.ToHashSet(), from, to, now, everyone, berlin)
                : ledger.Metrics(Guid.Empty, Departments.ToHashSet(), from, to, now, everyone));
        }

        return JsonSerializer.Serialize(all);
    }

    [Property(MaxTest = 300)]
    public void Current_figures_from_daily_tallies_equal_a_full_count(int seed)
    {
        var log = Log.Random(seed);
        var random = new Random(seed ^ 0xda11);
        var shuffled = log.Entries.OrderBy(_ => random.Next()).ToList();
        var ledger = new EngagementLedger();
        // After every fact of the log, as live figures are read.
        var now = Base.AddDays(25).AddMinutes(random.Next(0, 60 * 24 * 3));
        // Reading between entries makes the tallies early, so what arrives later has to keep them current.
        foreach (var entry in shuffled)
        {
            Feed(ledger, entry);
            if (random.Next(8) == 0)
            {
                _ = NowFigures(ledger, log, now, current: true);
            }
        }

        Assert.Equal(NowFigures(ledger, log, now, current: false), NowFigures(ledger, log, now, current: true));
    }

    [Property(MaxTest = 100)]
    public void Daily_snapshots_match_the_rolling_window_of_their_day(int seed)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var log = Log.Random(seed);
        var ledger = Full(log.Entries);
        var day = DateOnly.FromDateTime(Base.UtcDateTime).AddDays(new Random(seed).Next(0, 40));
        var period = AnalyticsPeriods.Rolling30(day, berlin);
        var asOf = AnalyticsPeriods.SnapshotAsOf(day, berlin);
        var context = new LedgerContext(log.Members[Departments[0]], 1, SlaPolicy.Default);
        // The cohort: items whose first routing to the department lies in the window and not after the instant.
        var firsts = log.Routings.Where(r => r.DepartmentId == Departments[0]).GroupBy(r => r.ItemId).Select(g => g.Min(r => r.RoutedAt));
        Assert.Equal(firsts.Count(t => t >= period.Start && t < period.End && t <= asOf),
            ledger.Metrics(Departments[0], period.Start, period.End, asOf, context).RoutedItems);
    }
}
