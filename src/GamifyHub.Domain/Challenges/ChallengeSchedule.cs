namespace GamifyHub.Domain.Challenges;

/// <summary>When things happen in one occurrence of a challenge, and when the next weekly occurrence runs.</summary>
public static class ChallengeSchedule
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>"Ending soon" goes out an hour before the end, or at four fifths of a challenge shorter than five hours.</summary>
    public static DateTimeOffset EndingSoonAt(DateTimeOffset start, DateTimeOffset end)
    {
        var lead = TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, (end - start).Ticks / 5));
        return end - lead;
    }

    /// <summary>
    /// The next weekly occurrence after one that ended: the same weekday and time a week (or whole weeks) later, the first
    /// whose end still lies ahead of <paramref name="now"/> (occurrences missed while the server was down are skipped).
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) NextWeekly(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        if (end <= start)
        {
            throw new ArgumentException("The end comes after the start.", nameof(end));
        }

        var weeks = 1L;
        if (end + Week <= now)
        {
            weeks = (now - end).Ticks / Week.Ticks + 1;
        }

        var shift = TimeSpan.FromTicks(Week.Ticks * weeks);
        return (start + shift, end + shift);
    }

    /// <summary>The next moment the clock must look at the challenge, or null when nothing is due any more.</summary>
    public static DateTimeOffset? NextDue(ChallengeStatus status, DateTimeOffset start, DateTimeOffset end, bool endingSoonSent) => status switch
    {
        ChallengeStatus.Scheduled => start,
        ChallengeStatus.Active when !endingSoonSent => EndingSoonAt(start, end),
        ChallengeStatus.Active => end,
        _ => null,
    };
}
