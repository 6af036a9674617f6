using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Sla;
using Microsoft.Extensions.Time.Testing;

namespace GamifyHub.Domain.Tests.Sla;

public class SlaCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SlaTarget Normal = new(TimeSpan.FromHours(8), TimeSpan.FromDays(3));

    private static ItemSla At(FakeTimeProvider time, params SlaMark[] marks) =>
        SlaCalculator.Compute(Start.UtcDateTime, Normal, marks, time.GetUtcNow().UtcDateTime);

    private static SlaMark Mark(FakeTimeProvider time, SlaMarkKind kind) => new(time.GetUtcNow().UtcDateTime, kind);

    [Fact]
    public void AFreshItemIsOnTrackWithBothDueTimesFromReceipt()
    {
        var time = new FakeTimeProvider(Start);
        var sla = At(time);

        Assert.Equal(SlaState.OnTrack, sla.State);
        Assert.Equal(Start.UtcDateTime.AddHours(8), sla.FirstResponse.DueAt);
        Assert.Equal(Start.UtcDateTime.AddDays(3), sla.Resolution.DueAt);
        Assert.True(sla.FirstResponse.Running);
    }

    [Fact]
    public void TheFirstResponseClockGoesAtRiskAtThreeQuartersAndBreachesAtItsDueTime()
    {
        var time = new FakeTimeProvider(Start);
        time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromMinutes(1));
        Assert.Equal(SlaState.OnTrack, At(time).FirstResponse.State);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SlaState.AtRisk, At(time).FirstResponse.State);
        Assert.Equal(SlaState.AtRisk, At(time).State);

        time.Advance(TimeSpan.FromHours(2));
        var breached = At(time).FirstResponse;
        Assert.Equal(SlaState.Breached, breached.State);
        Assert.Equal(Start.UtcDateTime.AddHours(8), breached.BreachedAt);
    }

    [Fact]
    public void AReplyInTimeMeetsTheFirstResponseClockForGood()
    {
        var time = new FakeTimeProvider(Start);
        time.Advance(TimeSpan.FromHours(2));
        var reply = Mark(time, SlaMarkKind.Reply);
        time.Advance(TimeSpan.FromDays(1));

        var sla = At(time, reply);
        Assert.Equal(SlaState.Met, sla.FirstResponse.State);
        Assert.False(sla.FirstResponse.Running);
        Assert.Equal(SlaState.OnTrack, sla.Resolution.State);
    }

    [Fact]
    public void ALateReplyLeavesTheFirstResponseBreached()
    {
        var time = new FakeTimeProvider(Start);
        time.Advance(TimeSpan.FromHours(9));
        var reply = Mark(time, SlaMarkKind.Reply);

        Assert.Equal(SlaState.Breached, At(time, reply).FirstResponse.State);
    }

    [Fact]
    public void AResolveWithoutAReplyCountsAsTheResponse()
    {
        var time = new FakeTimeProvider(Start);
        time.Advance(TimeSpan.FromHours(1));
        var resolve = Mark(time, SlaMarkKind.Resolve);

        var sla = At(time, resolve);
        Assert.Equal(SlaState.Met, sla.FirstResponse.State);
        Assert.Equal(SlaState.Met, sla.Resolution.State);
        Assert.Equal(SlaState.Met, sla.State);
    }

    [Fact]
    public void TimeSpentResolvedDoesNotCountAfterAReopen()
    {
        var time = new FakeTimeProvider(Start);
        time.Advance(TimeSpan.FromDays(2));
        var resolve = Mark(time, SlaMarkKind.Resolve);
        time.Advance(TimeSpan.FromDays(10));
        var reopen = Mark(time, SlaMarkKind.Reopen);

        // Two days were used before the resolve: one day is left from the reopen on.
        var sla = At(time, resolve, reopen);
        Assert.Equal(reopen.At.AddDays(1), sla.Resolution.DueAt);
        Assert.True(sla.Resolution.Running);
        Assert.Equal(SlaState.OnTrack, sla.Resolution.State);

        time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(SlaState.AtRisk, At(time, resolve, reopen).Resolution.State);

        time.Advance(TimeSpan.FromHours(18));
        Assert.Equal(SlaState.Breached, At(time, resolve, reopen).Resolution.State);
    }

    [Fact]
    public void AResolutionThatWentPastDueStaysBreachedWhenResolvedLater()
    {
        var time = new FakeTimeProvider(Start);
        time.Advance(TimeSpan.FromDays(4));
        var resolve = Mark(time, SlaMarkKind.Resolve);

        var clock = At(time, resolve).Resolution;
        Assert.Equal(SlaState.Breached, clock.State);
        Assert.Equal(Start.UtcDateTime.AddDays(3), clock.BreachedAt);
        Assert.False(clock.Running);
    }

    [Fact]
    public void MarksInTheFutureAreNotCountedYet()
    {
        var time = new FakeTimeProvider(Start);
        var later = new SlaMark(Start.UtcDateTime.AddHours(1), SlaMarkKind.Reply);

        Assert.Equal(SlaState.OnTrack, At(time, later).FirstResponse.State);
    }

    [Fact]
    public void ThePriorityPicksItsTargets()
    {
        var now = Start.UtcDateTime.AddHours(2);
        var high = SlaCalculator.Compute(Start.UtcDateTime, Priority.High, SlaPolicy.Default, [], now);
        var low = SlaCalculator.Compute(Start.UtcDateTime, Priority.Low, SlaPolicy.Default, [], now);

        Assert.Equal(SlaState.Breached, high.FirstResponse.State);
        Assert.Equal(SlaState.OnTrack, low.FirstResponse.State);
    }

    [Property]
    public Property ARunningClockNeverImprovesAsTimePasses(PositiveInt hoursA, PositiveInt hoursB)
    {
        var earlier = Start.UtcDateTime.AddHours(Math.Min(hoursA.Get, hoursB.Get) % 200);
        var later = Start.UtcDateTime.AddHours(Math.Max(hoursA.Get, hoursB.Get) % 200 + 200);
        var before = SlaCalculator.Compute(Start.UtcDateTime, Normal, [], earlier).State;
        var after = SlaCalculator.Compute(Start.UtcDateTime, Normal, [], later).State;
        return (Rank(after) >= Rank(before)).ToProperty();
    }

    [Property]
    public Property TheAnswerDependsOnlyOnItsInputs(int[] hours)
    {
        var marks = hours.Take(6).Select((h, i) => new SlaMark(Start.UtcDateTime.AddHours(Math.Abs(h % 100)),
            (SlaMarkKind)(i % 3))).ToArray();
        var now = Start.UtcDateTime.AddDays(5);
        return (SlaCalculator.Compute(Start.UtcDateTime, Normal, marks, now) == SlaCalculator.Compute(Start.UtcDateTime, Normal, marks.Reverse(), now)
            || marks.GroupBy(m => m.At).Any(g => g.Count() > 1)).ToProperty();
    }

    [Fact]
    public void TheNextBreachIsTheEarliestDueTimeOfAClockStillRunning()
    {
        var time = new FakeTimeProvider(Start);
        Assert.Equal(Start.UtcDateTime.AddHours(8), At(time).NextBreachAt);

        time.Advance(TimeSpan.FromHours(1));
        var reply = Mark(time, SlaMarkKind.Reply);
        Assert.Equal(Start.UtcDateTime.AddDays(3), At(time, reply).NextBreachAt);

        time.Advance(TimeSpan.FromHours(1));
        var resolve = Mark(time, SlaMarkKind.Resolve);
        Assert.Null(At(time, reply, resolve).NextBreachAt);

        // Reopened: the resolution clock runs again with the time it had left (3 days less the 2 hours used).
        time.Advance(TimeSpan.FromDays(1));
        var reopen = Mark(time, SlaMarkKind.Reopen);
        Assert.Equal(reopen.At + TimeSpan.FromDays(3) - TimeSpan.FromHours(2), At(time, reply, resolve, reopen).NextBreachAt);
    }

    [Fact]
    public void ABreachedClockIsNoLongerNextTheOtherOneIs()
    {
        var time = new FakeTimeProvider(Start);
        time.Advance(TimeSpan.FromHours(9));
        Assert.Equal(SlaState.Breached, At(time).FirstResponse.State);
        Assert.Equal(Start.UtcDateTime.AddDays(3), At(time).NextBreachAt);

        time.Advance(TimeSpan.FromDays(3));
        Assert.Null(At(time).NextBreachAt);
    }

    /// <summary>
    /// What the breach notifier relies on to look at an item only when it is due: with no new marks, no clock breaches before
    /// <see cref="ItemSla.NextBreachAt"/>, one does at it, and none ever does when it is null.
    /// </summary>
    [Property]
    public Property NoClockBreachesBeforeTheNextBreachAndOneDoesAtIt(int[] hours, PositiveInt nowHours, PositiveInt laterHours)
    {
        var now = Start.UtcDateTime.AddHours(nowHours.Get % 150);
        var marks = hours.Take(6).Select((h, i) => new SlaMark(Start.UtcDateTime.AddHours(Math.Abs(h % 150)), (SlaMarkKind)(i % 3)))
            .Where(m => m.At <= now).ToArray();
        var sla = SlaCalculator.Compute(Start.UtcDateTime, Normal, marks, now);
        var breachedNow = Breached(sla);
        var later = now.AddHours(laterHours.Get % 200);
        if (sla.NextBreachAt is not { } next)
        {
            return (Breached(SlaCalculator.Compute(Start.UtcDateTime, Normal, marks, later)) == breachedNow).ToProperty();
        }

        var justBefore = Breached(SlaCalculator.Compute(Start.UtcDateTime, Normal, marks, next.AddTicks(-1)));
        var atIt = Breached(SlaCalculator.Compute(Start.UtcDateTime, Normal, marks, next));
        return (next > now && justBefore == breachedNow && atIt > breachedNow).ToProperty();
    }

    private static int Breached(ItemSla sla) =>
        (sla.FirstResponse.State == SlaState.Breached ? 1 : 0) + (sla.Resolution.State == SlaState.Breached ? 1 : 0);

    private static int Rank(SlaState s) => s switch { SlaState.OnTrack => 0, SlaState.AtRisk => 1, _ => 2 };
}

public class SlaPolicyTests
{
    private static Dictionary<Priority, SlaTarget?> Valid() => SlaPolicy.Default.Targets.ToDictionary(kv => kv.Key, kv => (SlaTarget?)kv.Value);

    [Fact]
    public void TheDefaultsAreValid()
    {
        Assert.Empty(SlaPolicy.TryCreate(Valid(), out var policy));
        Assert.Equal(TimeSpan.FromHours(1), policy!.For(Priority.High).FirstResponse);
        Assert.Equal(TimeSpan.FromHours(1), policy.Shortest);
    }

    [Fact]
    public void EveryProblemIsNamedByItsPath()
    {
        var proposed = Valid();
        proposed.Remove(Priority.Low);
        proposed[Priority.High] = new SlaTarget(TimeSpan.Zero, TimeSpan.FromHours(1));
        proposed[Priority.Normal] = new SlaTarget(TimeSpan.FromHours(8), TimeSpan.FromHours(2));

        var errors = SlaPolicy.TryCreate(proposed, out var policy);
        Assert.Null(policy);
        Assert.Equal(["high.firstResponseMinutes", "normal.resolutionMinutes", "low"], errors.Select(e => e.Path));
    }
}
