using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Sla;

/// <summary>Where a clock stands: running and fine, running with most of its time used, past due, or stopped in time.</summary>
public enum SlaState { OnTrack, AtRisk, Breached, Met }

public enum SlaClockKind { FirstResponse, Resolution }

/// <summary>What happened to an item that moves its clocks.</summary>
public enum SlaMarkKind { Reply, Resolve, Reopen }

public sealed record SlaMark(DateTime At, SlaMarkKind Kind);

/// <param name="DueAt">When the clock is (or was) due; for a resolution clock that is stopped, the due time it had when it stopped.</param>
/// <param name="BreachedAt">When it went past due, if it did.</param>
/// <param name="Running">Whether the clock is still counting (false once met, or once the item is resolved).</param>
public sealed record SlaClock(SlaClockKind Kind, TimeSpan Target, DateTime DueAt, SlaState State, DateTime? BreachedAt, bool Running);

/// <summary>Both clocks of one item and the state that sums them up (the worst: breached, at risk, on track, met).</summary>
public sealed record ItemSla(SlaClock FirstResponse, SlaClock Resolution)
{
    public SlaState State => Worst(FirstResponse.State, Resolution.State);

    /// <summary>
    /// The next instant one of the clocks can go past due as things stand (the earliest due time of a clock still running and
    /// not breached); null when neither can until something happens to the item (a reply, resolve or reopen).
    /// </summary>
    public DateTime? NextBreachAt => (Pending(FirstResponse), Pending(Resolution)) switch
    {
        ({ } a, { } b) => a < b ? a : b,
        ({ } a, null) => a,
        (null, var b) => b,
    };

    private static DateTime? Pending(SlaClock clock) => clock.Running && clock.State != SlaState.Breached ? clock.DueAt : null;

    private static SlaState Worst(SlaState a, SlaState b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(SlaState s) => s switch
    {
        SlaState.Breached => 3,
        SlaState.AtRisk => 2,
        SlaState.OnTrack => 1,
        _ => 0,
    };
}

/// <summary>
/// The SLA clocks of one item, computed purely from when it was received, its priority's targets, its replies,
/// resolves and reopens, and the time now.
/// <list type="bullet">
/// <item>First response: runs from receipt until the first reply; a resolve without any reply also counts as the
/// response (the customer got an answer through the resolution). Met when that came by the due time, breached otherwise.</item>
/// <item>Resolution: runs while the item is open. A resolve stops (pauses) it, a reopen resumes it with the time that
/// was left, so time spent resolved never counts. Once it went past due it stays breached, even when resolved later.</item>
/// <item>A running clock is at risk once <see cref="AtRiskShare"/> of its target is used.</item>
/// </list>
/// </summary>
public static class SlaCalculator
{
    /// <summary>The share of a target used from which a running clock is at risk.</summary>
    public const double AtRiskShare = 0.75;

    public static ItemSla Compute(DateTime receivedAt, SlaTarget target, IEnumerable<SlaMark> marks, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(marks);

        // Marks later than now have not happened yet as far as this answer goes; equal times keep their given order.
        var ordered = marks.Where(m => m.At <= now).OrderBy(m => m.At).ToList();
        return new ItemSla(FirstResponse(receivedAt, target.FirstResponse, ordered, now), Resolution(receivedAt, target.Resolution, ordered, now));
    }

    public static ItemSla Compute(DateTime receivedAt, Priority priority, SlaPolicy policy, IEnumerable<SlaMark> marks, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Compute(receivedAt, policy.For(priority), marks, now);
    }

    private static SlaClock FirstResponse(DateTime receivedAt, TimeSpan target, List<SlaMark> marks, DateTime now)
    {
        var due = receivedAt + target;
        var response = marks.FirstOrDefault(m => m.Kind is SlaMarkKind.Reply or SlaMarkKind.Resolve);
        if (response is not null)
        {
            return response.At <= due
                ? new SlaClock(SlaClockKind.FirstResponse, target, due, SlaState.Met, null, Running: false)
                : new SlaClock(SlaClockKind.FirstResponse, target, due, SlaState.Breached, due, Running: false);
        }

        return Running(SlaClockKind.FirstResponse, target, due, now - receivedAt, now);
    }

    private static SlaClock Resolution(DateTime receivedAt, TimeSpan target, List<SlaMark> marks, DateTime now)
    {
        var used = TimeSpan.Zero;
        var openSince = (DateTime?)receivedAt;
        DateTime? breachedAt = null;
        var due = receivedAt + target;
        foreach (var mark in marks)
        {
            switch (mark.Kind)
            {
                case SlaMarkKind.Resolve when openSince is { } since:
                    due = since + (target - used);
                    if (mark.At > due)
                    {
                        breachedAt ??= due;
                    }

                    used += mark.At - since;
                    openSince = null;
                    break;
                case SlaMarkKind.Reopen when openSince is null:
                    openSince = mark.At;
                    break;
            }
        }

        if (openSince is { } open)
        {
            due = open + (target - used);
            if (breachedAt is { } earlier)
            {
                return new SlaClock(SlaClockKind.Resolution, target, due, SlaState.Breached, earlier, Running: true);
            }

            return Running(SlaClockKind.Resolution, target, due, used + (now - open), now);
        }

        return breachedAt is { } breached
            ? new SlaClock(SlaClockKind.Resolution, target, due, SlaState.Breached, breached, Running: false)
            : new SlaClock(SlaClockKind.Resolution, target, due, SlaState.Met, null, Running: false);
    }

    private static SlaClock Running(SlaClockKind kind, TimeSpan target, DateTime due, TimeSpan used, DateTime now)
    {
        if (now >= due)
        {
            return new SlaClock(kind, target, due, SlaState.Breached, due, Running: true);
        }

        var state = used.Ticks >= target.Ticks * AtRiskShare ? SlaState.AtRisk : SlaState.OnTrack;
        return new SlaClock(kind, target, due, state, null, Running: true);
    }
}
