using GamifyHub.Domain.Analytics;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Domain.Sla;
using static GamifyHub.Domain.Tests.Analytics.LedgerBuilder;

namespace GamifyHub.Domain.Tests.Analytics;

public class EngagementLedgerTests
{
    private static readonly DateTimeOffset From = Base;
    private static readonly DateTimeOffset To = Base.AddDays(7);
    private static readonly DateTimeOffset Later = Base.AddDays(30);

    private static DepartmentMetrics Rnd(LedgerBuilder log, DateTimeOffset? asOf = null, LedgerContext? context = null) =>
        log.Build().Metrics(LedgerBuilder.Rnd, From, To, asOf ?? Later, context ?? RndContext());

    [Fact]
    public void Nothing_routed_measures_nothing()
    {
        var m = Rnd(new LedgerBuilder());
        Assert.Equal(0, m.RoutedItems);
        Assert.Null(m.ReadRate);
        Assert.Equal(DurationFigures.None, m.FirstResponse);
        Assert.Equal(DurationFigures.None, m.Resolution);
        Assert.Null(m.ResolvedRate);
        Assert.Null(m.InsightRate);
        Assert.Null(m.HandoffRate);
        Assert.Null(m.SharedBothActedRate);
        Assert.Null(m.SlaMetRate);
        Assert.Equal(0, m.ParticipationRate);
        Assert.Empty(m.Channels);
        Assert.False(m.Withheld);
    }

    [Fact]
    public void Read_rate_counts_items_someone_of_the_department_acted_on_by_hand()
    {
        var log = new LedgerBuilder();
        var read = log.Item(1, 0, LedgerBuilder.Rnd);
        var byOther = log.Item(2, 0, LedgerBuilder.Rnd);
        var automated = log.Item(3, 0, LedgerBuilder.Rnd);
        var rewarded = log.Item(4, 0, LedgerBuilder.Rnd);
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Read, read, 10);
        log.Act(Cleo, Service, ActionType.Read, byOther, 10);
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Read, automated, 10, EngagementSources.Automation);
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Tag, rewarded, 10, EngagementSources.Challenge);
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Reward, rewarded, 10);

        var m = Rnd(log);
        Assert.Equal(4, m.RoutedItems);
        Assert.Equal(0.25, m.ReadRate);
        Assert.Equal(1, m.Actions.Reads);
        Assert.Equal(0.5, m.ParticipationRate);
    }

    [Fact]
    public void An_event_applied_twice_counts_once()
    {
        var log = new LedgerBuilder();
        var item = log.Item(1, 0, LedgerBuilder.Rnd);
        var reply = log.Act(Ada, LedgerBuilder.Rnd, ActionType.Reply, item, 30);
        var ledger = log.Build();
        Assert.False(ledger.Add(reply));
        Assert.False(ledger.Add(reply with { At = At(5) }));
        var m = ledger.Metrics(LedgerBuilder.Rnd, From, To, Later, RndContext());
        Assert.Equal(1, m.Actions.Replies);
        Assert.Equal(30, m.FirstResponse.MedianMinutes);
    }

    [Fact]
    public void An_item_forwarded_twice_counts_once_from_its_first_routing_and_is_a_handoff_for_the_forwarder()
    {
        var log = new LedgerBuilder();
        var item = log.Item(1, 0, Service);
        log.Act(Cleo, Service, ActionType.Forward, item, 10, target: LedgerBuilder.Rnd);
        log.Route(item, LedgerBuilder.Rnd, 10);
        log.Act(Cleo, Service, ActionType.Forward, item, 20, target: LedgerBuilder.Rnd);
        log.Route(item, LedgerBuilder.Rnd, 20);
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Reply, item, 70);

        var ledger = log.Build();
        var rnd = ledger.Metrics(LedgerBuilder.Rnd, From, To, Later, RndContext());
        Assert.Equal(1, rnd.RoutedItems);
        Assert.Equal(60, rnd.FirstResponse.MedianMinutes); // from its first routing here (minute 10)
        Assert.Equal(1, rnd.HandoffRate); // shared with Customer Service
        Assert.Equal(1, rnd.SharedBothActedRate);

        var service = ledger.Metrics(Service, From, To, Later, Context(1, Cleo));
        Assert.Equal(1, service.RoutedItems);
        Assert.Equal(1, service.HandoffRate);
        Assert.Equal(2, service.Actions.Forwards);

        // Before Research acted, the shared item was not acted on by both.
        Assert.Equal(0, ledger.Metrics(Service, From, To, At(30), Context(1, Cleo)).SharedBothActedRate);
    }

    [Fact]
    public void The_window_includes_its_start_and_excludes_its_end_and_nothing_after_as_of_counts()
    {
        var log = new LedgerBuilder();
        var first = log.Item(1, 0, LedgerBuilder.Rnd);
        log.Item(2, 7 * 24 * 60, LedgerBuilder.Rnd); // exactly at the end: the next window's
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Read, first, 100);

        Assert.Equal(1, Rnd(log).RoutedItems);
        Assert.Equal(1, Rnd(log).ReadRate);
        Assert.Equal(0, Rnd(log, At(99.99)).ReadRate);
        Assert.Equal(1, Rnd(log, At(100)).ReadRate); // at or before the instant
        Assert.Equal(0, Rnd(new LedgerBuilder(), At(0)).RoutedItems);
    }

    [Fact]
    public void A_reopen_makes_the_item_unresolved_and_the_resolve_that_holds_times_the_resolution()
    {
        var log = new LedgerBuilder();
        var item = log.Item(1, 0, LedgerBuilder.Rnd);
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Resolve, item, 60);
        log.Act(Cleo, Service, ActionType.Reopen, item, 120);
        log.Act(Cleo, Service, ActionType.Resolve, item, 300);

        var resolved = Rnd(log, At(90));
        Assert.Equal(1, resolved.ResolvedRate);
        Assert.Equal(60, resolved.Resolution.MedianMinutes);
        var reopened = Rnd(log, At(200));
        Assert.Equal(0, reopened.ResolvedRate);
        Assert.Equal(DurationFigures.None, reopened.Resolution);
        var again = Rnd(log);
        Assert.Equal(1, again.ResolvedRate); // by anyone
        Assert.Equal(300, again.Resolution.MedianMinutes);
    }

    [Fact]
    public void First_response_median_and_90th_percentile_interpolate_between_ranks()
    {
        var log = new LedgerBuilder();
        for (var i = 0; i < 4; i++)
        {
            var item = log.Item(i, 0, LedgerBuilder.Rnd);
            log.Act(Ada, LedgerBuilder.Rnd, ActionType.Reply, item, 10 * (i + 1));
            log.Act(Ben, LedgerBuilder.Rnd, ActionType.Reply, item, 1000); // only the first reply counts
        }

        var m = Rnd(log);
        Assert.Equal(25, m.FirstResponse.MedianMinutes);
        Assert.Equal(37, m.FirstResponse.P90Minutes!.Value, 9);
        Assert.Equal(4, m.FirstResponse.Count);
    }

    [Fact]
    public void Insights_and_channels_are_per_item()
    {
        var log = new LedgerBuilder();
        var blog = log.Item(1, 0, LedgerBuilder.Rnd, "blog");
        log.Item(2, 0, LedgerBuilder.Rnd, "youtube");
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Insight, blog, 5);
        log.Act(Ben, LedgerBuilder.Rnd, ActionType.Insight, blog, 6);

        var m = Rnd(log);
        Assert.Equal(0.5, m.InsightRate);
        Assert.Equal(2, m.Actions.Insights);
        Assert.Equal([new ChannelCoverage(ChannelGroup.Blogs, 1, 1), new ChannelCoverage(ChannelGroup.Video, 1, 0)], m.Channels);
    }

    [Fact]
    public void Sla_met_is_the_first_response_clock_of_SlaCalculator()
    {
        var log = new LedgerBuilder();
        var met = log.Item(1, 0, LedgerBuilder.Rnd, priority: Priority.High);
        var late = log.Item(2, 0, LedgerBuilder.Rnd, priority: Priority.High);
        var resolvedInTime = log.Item(3, 0, LedgerBuilder.Rnd, priority: Priority.High);
        var running = log.Item(4, 0, LedgerBuilder.Rnd, priority: Priority.Low);
        log.Item(5, 0, LedgerBuilder.Rnd, priority: Priority.High); // never answered: due after an hour
        log.Act(Cleo, Service, ActionType.Reply, met, 30); // a reply by anyone stops the clock
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Reply, late, 90);
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Resolve, resolvedInTime, 50);

        var asOf = At(120);
        var m = Rnd(log, asOf);
        Assert.Equal(2 / 4.0, m.SlaMetRate); // running Low item not measurable yet

        var expected = new[] { (met, 30.0), (late, 90.0), (resolvedInTime, 50.0) }.Select(x => SlaCalculator
            .Compute(Base.UtcDateTime, Priority.High, SlaPolicy.Default, [new SlaMark(At(x.Item2).UtcDateTime, SlaMarkKind.Reply)], asOf.UtcDateTime)
            .FirstResponse.State).ToList();
        Assert.Equal([SlaState.Met, SlaState.Breached, SlaState.Met], expected);
        Assert.Equal(SlaState.Breached, SlaCalculator.Compute(Base.UtcDateTime, Priority.High, SlaPolicy.Default, [], asOf.UtcDateTime).FirstResponse.State);
        Assert.Equal(SlaState.OnTrack, SlaCalculator.Compute(Base.UtcDateTime, Priority.Low, SlaPolicy.Default, [], asOf.UtcDateTime).FirstResponse.State);
        _ = running;
    }

    [Fact]
    public void Current_figures_hold_until_the_next_running_clock_falls_due_and_a_stopped_clock_holds_them_no_longer()
    {
        var log = new LedgerBuilder();
        var first = log.Item(1, 10, LedgerBuilder.Rnd, priority: Priority.High); // due at minute 70
        log.Item(2, 70, LedgerBuilder.Rnd, priority: Priority.High); // due at minute 130
        var met = log.Item(3, 0, LedgerBuilder.Rnd, priority: Priority.High);
        log.Act(Ben, LedgerBuilder.Rnd, ActionType.Reply, met, 30);
        var ledger = log.Build();
        var utc = TimeZoneInfo.Utc;
        var day = AnalyticsPeriods.DayStart(AnalyticsPeriods.LocalDay(Base, utc), utc);
        var rnd = new HashSet<Guid> { LedgerBuilder.Rnd };
        (DepartmentMetrics Metrics, DateTimeOffset ChangesAt) Current(double minutes) =>
            (ledger.Current(LedgerBuilder.Rnd, rnd, day, day.AddDays(1), At(minutes), RndContext(), utc, out var changesAt), changesAt);

        Assert.Equal(At(70), Current(60).ChangesAt);
        Assert.Equal(At(130), Current(70).ChangesAt);
        Assert.Equal(Current(70).Metrics.SlaMetRate, Current(129).Metrics.SlaMetRate); // what it promised: nothing moved before 130
        Assert.NotEqual(Current(129).Metrics.SlaMetRate, Current(130).Metrics.SlaMetRate);
        Assert.Equal(DateTimeOffset.MaxValue, Current(130).ChangesAt);

        // The first clock stopped by a reply: only the second one is still to fall due.
        ledger.Add(new LedgerEvent(Ids.Of(9_002), Ada, LedgerBuilder.Rnd, ActionType.Reply, "web", At(20), first));
        Assert.Equal(At(130), Current(60).ChangesAt);

        // A window that does not start at a local midnight is counted as of its instant only.
        ledger.Current(LedgerBuilder.Rnd, rnd, At(5), day.AddDays(1), At(60), RndContext(), utc, out var exact);
        Assert.Equal(At(60), exact);
    }

    [Fact]
    public void Current_figures_count_a_running_clock_as_missed_once_now_passes_its_due_time_and_follow_new_events()
    {
        var log = new LedgerBuilder();
        var answered = log.Item(1, 0, LedgerBuilder.Rnd, priority: Priority.High);
        var waiting = log.Item(2, 10, LedgerBuilder.Rnd, priority: Priority.High); // due at minute 70
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Reply, answered, 30);
        var ledger = log.Build();
        var utc = TimeZoneInfo.Utc;
        var day = AnalyticsPeriods.DayStart(AnalyticsPeriods.LocalDay(Base, utc), utc);
        var rnd = new HashSet<Guid> { LedgerBuilder.Rnd };
        DepartmentMetrics Current(double minutes) =>
            ledger.Current(LedgerBuilder.Rnd, rnd, day, day.AddDays(1), At(minutes), RndContext(), utc);

        Assert.Equal(1, Current(60).SlaMetRate); // still running, not yet due: not measurable
        Assert.Equal(0.5, Current(70).SlaMetRate); // due now: missed
        Assert.Equal(Rnd(log, At(70)).SlaMetRate, Current(70).SlaMetRate);

        // A reply arriving after the tallies were read is counted: the day is counted again.
        ledger.Add(new LedgerEvent(Ids.Of(9_001), Ben, LedgerBuilder.Rnd, ActionType.Reply, "web", At(65), waiting));
        var m = Current(200);
        Assert.Equal(1, m.SlaMetRate);
        Assert.Equal(2, m.FirstResponse.Count);
        Assert.Equal(2, m.Actions.Replies);
        Assert.Equal(1, m.ParticipationRate);
    }

    [Fact]
    public void An_erased_persons_work_still_counts_for_the_items_but_not_as_a_participant()
    {
        var formerColleague = Ids.Of(999);
        var log = new LedgerBuilder();
        var item = log.Item(1, 0, LedgerBuilder.Rnd);
        log.Act(formerColleague, LedgerBuilder.Rnd, ActionType.Reply, item, 15);

        var m = Rnd(log, context: Context(1, Ada, Ben));
        Assert.Equal(1, m.ReadRate);
        Assert.Equal(15, m.FirstResponse.MedianMinutes);
        Assert.Equal(0, m.ParticipationRate);
    }

    [Fact]
    public void A_department_below_the_minimum_group_size_is_withheld_with_no_rate_at_all()
    {
        var log = new LedgerBuilder();
        var item = log.Item(1, 0, LedgerBuilder.Rnd, "blog");
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Reply, item, 15);

        var m = Rnd(log, context: RndContext(minimum: 3));
        Assert.True(m.Withheld);
        Assert.Equal(1, m.RoutedItems);
        Assert.All(Rates(m), r => Assert.Null(r));
        Assert.Equal(DurationFigures.None, m.FirstResponse);
        Assert.Equal(ActionCounts.None, m.Actions);
        Assert.Null(Assert.Single(m.Channels).ReadRate);
    }

    [Fact]
    public void The_company_counts_an_item_once_from_its_first_routing_to_any_department()
    {
        var log = new LedgerBuilder();
        var item = log.Item(1, 0, Service);
        log.Route(item, LedgerBuilder.Rnd, 10);
        log.Act(Ada, LedgerBuilder.Rnd, ActionType.Reply, item, 40);

        var company = log.Build().Metrics(Guid.Empty, new HashSet<Guid> { LedgerBuilder.Rnd, Service }, From, To, Later,
            Context(1, Ada, Ben, Cleo));
        Assert.Equal(1, company.RoutedItems);
        Assert.Equal(40, company.FirstResponse.MedianMinutes);
        Assert.Equal(1, company.HandoffRate);
    }

    [Fact]
    public void Rolling_30_days_start_at_local_midnight_across_a_DST_change()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var period = AnalyticsPeriods.Rolling30(new DateOnly(2026, 3, 29), berlin);
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 23, 0, 0, TimeSpan.Zero), period.Start); // CET midnight of 28 February
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), period.End); // CEST midnight of 30 March
        Assert.Equal("2026-02-28/2026-03-29", period.Key);
        Assert.Equal(period.End.AddTicks(-1), AnalyticsPeriods.SnapshotAsOf(new DateOnly(2026, 3, 29), berlin));

        // An item routed at 23:30 local on the DST day belongs to that day's snapshot; at midnight to the next day's.
        var log = new LedgerBuilder();
        var lateEvening = new DateTimeOffset(2026, 3, 29, 21, 30, 0, TimeSpan.Zero);
        var id = Ids.Of(7);
        var ledger = new EngagementLedger();
        ledger.Add(new LedgerRouting(id, LedgerBuilder.Rnd, lateEvening, false));
        ledger.Add(new LedgerRouting(Ids.Of(8), LedgerBuilder.Rnd, period.End, false));
        var snapshot = ledger.Metrics(LedgerBuilder.Rnd, period.Start, period.End, AnalyticsPeriods.SnapshotAsOf(new DateOnly(2026, 3, 29), berlin), RndContext());
        Assert.Equal(1, snapshot.RoutedItems);
        var next = AnalyticsPeriods.Rolling30(new DateOnly(2026, 3, 30), berlin);
        Assert.Equal(2, ledger.Metrics(LedgerBuilder.Rnd, next.Start, next.End, next.End, RndContext()).RoutedItems);
        Assert.Equal(TimeSpan.FromHours(23), AnalyticsPeriods.DayStart(new DateOnly(2026, 3, 30), berlin) - AnalyticsPeriods.DayStart(new DateOnly(2026, 3, 29), berlin));
        _ = log;
    }

    internal static IEnumerable<double?> Rates(DepartmentMetrics m) =>
    [
        m.ReadRate, m.ResolvedRate, m.InsightRate, m.HandoffRate, m.SharedBothActedRate, m.SlaMetRate, m.ParticipationRate,
        .. m.Channels.Select(c => c.ReadRate),
    ];
}
