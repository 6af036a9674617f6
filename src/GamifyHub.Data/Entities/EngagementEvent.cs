using GamifyHub.Domain.Scoring;

namespace GamifyHub.Data.Entities;

/// <summary>The durable record of one action. The event log is the source of truth; awards are derived.</summary>
public sealed class EngagementEvent
{
    /// <summary>Commit order. Projections remember the highest sequence they include.</summary>
    public long Seq { get; set; }
    public Guid EventId { get; set; }
    public Guid EmployeeId { get; set; }

    /// <summary>The actor's department when the event happened.</summary>
    public Guid DepartmentId { get; set; }
    public ActionType Type { get; set; }
    public Guid? FeedbackId { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string Source { get; set; }
    public Guid? TargetDepartmentId { get; set; }
    public string? Text { get; set; }
    public string? Url { get; set; }

    /// <summary>For a read: how long the item was on screen, when the client knows it.</summary>
    public int? DwellSeconds { get; set; }
    public List<AwardEntry> Awards { get; set; } = [];
}
