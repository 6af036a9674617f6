using GamifyHub.Domain.Challenges;

namespace GamifyHub.Data.Entities;

/// <summary>
/// A challenge: its definition, where its lifecycle stands and who was rewarded in the current occurrence. Written only by
/// its challenge grain (through <see cref="Reading.ChallengeStore"/>); its progress is not stored, it is recomputed from the
/// event log. Times are UTC.
/// </summary>
public sealed class ChallengeEntry
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public ChallengeMetricKind Metric { get; set; }

    /// <summary>The action type counted (action-count only), by name.</summary>
    public string? MetricAction { get; set; }

    /// <summary>The point category summed (category-points only), by name.</summary>
    public string? MetricCategory { get; set; }
    public double Target { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public ChallengeScopeKind Scope { get; set; }

    /// <summary>Department ids, comma separated.</summary>
    public required string DepartmentIds { get; set; }
    public int RewardPoints { get; set; }
    public string? RewardBadge { get; set; }
    public ChallengeRecurrence Recurrence { get; set; }
    public ChallengeStatus Status { get; set; }

    /// <summary>1 for the first run; a weekly challenge counts up. Part of each reward's event id.</summary>
    public int Occurrence { get; set; }
    public bool EndingSoonSent { get; set; }

    /// <summary>Employees rewarded in the current occurrence, comma separated (their reward events are in the log).</summary>
    public required string Rewarded { get; set; }

    /// <summary>Winning departments of the last team-vs-team occurrence, comma separated.</summary>
    public string? Winners { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One Orleans reminder (the silo's durable reminder table on the same SQLite file).</summary>
public sealed class ReminderRow
{
    public required string GrainId { get; set; }
    public required string ReminderName { get; set; }

    /// <summary>The grain's uniform hash, so a silo reads the reminders of its ring range.</summary>
    public long GrainHash { get; set; }
    public DateTime StartAt { get; set; }
    public long PeriodTicks { get; set; }
    public required string ETag { get; set; }
}
