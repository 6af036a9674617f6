namespace GamifyHub.Data.Entities;

/// <summary>
/// The personal part of an audit line (e.g. a person's name before and after a change), kept apart from the append-only
/// <see cref="AuditEntry"/> so that erasing the person can delete it. The admin audit page merges it into the line's
/// details while the person exists; after their erasure the line shows only ids and what changed.
/// </summary>
public sealed class AuditPersonalData
{
    public long Id { get; set; }

    public long AuditEntryId { get; set; }

    public AuditEntry? Entry { get; set; }

    /// <summary>Whose data it is: their sign-in (user) id. Erasure deletes every row of theirs.</summary>
    public required string PersonId { get; set; }

    /// <summary>A JSON object whose properties are added to the line's details when the log is read.</summary>
    public required string Details { get; set; }
}
