namespace GamifyHub.Grains.Challenges;

public sealed class ChallengeOptions
{
    /// <summary>How often a challenge's reminder repeats while something is due: a start or end missed while the silo was down
    /// is caught up within this time after it comes back. Orleans' default minimum is a minute; tests use a second.</summary>
    public int ReminderPeriodSeconds { get; set; } = 60;

    public TimeSpan ReminderPeriod => TimeSpan.FromSeconds(Math.Max(1, ReminderPeriodSeconds));
}
