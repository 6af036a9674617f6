namespace GamifyHub.Data.Entities;

/// <summary>
/// One notification in one employee's notification centre. <see cref="NotificationId"/> is the id the live push carried
/// (one SLA breach notice reaches several people under one id), so it is unique per employee, not globally;
/// <see cref="Seq"/> orders the centre and is its paging cursor.
/// </summary>
public sealed class NotificationEntry
{
    public long Seq { get; set; }
    public Guid NotificationId { get; set; }
    public Guid EmployeeId { get; set; }
    public required string Type { get; set; }

    /// <summary>English; <see cref="TranslationsJson"/> holds the other languages (language → title and message).</summary>
    public required string Title { get; set; }
    public required string Message { get; set; }
    public string? TranslationsJson { get; set; }
    public int Points { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>A notification type one employee chose not to receive (neither stored nor pushed).</summary>
public sealed class MutedNotificationType
{
    public Guid EmployeeId { get; set; }
    public required string Type { get; set; }
}
