using GamifyHub.Domain.Scoring;

namespace GamifyHub.Data.Entities;

/// <summary>Points derived from one event by the rule set of <see cref="RuleVersion"/>.</summary>
public sealed class AwardEntry
{
    public long Id { get; set; }
    public long EventSeq { get; set; }
    public Guid EventId { get; set; }
    public Guid EmployeeId { get; set; }
    public Guid DepartmentId { get; set; }
    public Guid? FeedbackId { get; set; }
    public int Points { get; set; }
    public PointCategory Category { get; set; }
    public required string RuleId { get; set; }
    public int RuleVersion { get; set; }
    public required string Reason { get; set; }
    public DateTime OccurredAt { get; set; }
}
