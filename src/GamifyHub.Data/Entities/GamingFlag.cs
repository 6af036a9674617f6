namespace GamifyHub.Data.Entities;

/// <summary>An anti-gaming flag raised while scoring an event (e.g. "read-too-fast", "burst"); the event earned nothing.</summary>
public sealed class GamingFlag
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public Guid EmployeeId { get; set; }
    public required string Flag { get; set; }
    public DateTime OccurredAt { get; set; }
}
