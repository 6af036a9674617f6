namespace GamifyHub.Data.Entities;

/// <summary>
/// One line of the audit log: who changed what, when. Append-only: the database refuses UPDATE and DELETE on this table
/// (triggers from the AuditLog migration), so not even the app can rewrite history.
/// </summary>
public sealed class AuditEntry
{
    public const int ActorMaxLength = 256;
    public const int ActionMaxLength = 64;
    public const int SubjectMaxLength = 256;

    /// <summary>Ascending; readers page by it.</summary>
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The signed-in person's email, an API key's name, or "system" for scheduled jobs.</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="Auditing.AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to (a challenge id, a key's name, a person's id), if anything.</summary>
    public string? Subject { get; set; }

    /// <summary>JSON with the change itself; never a secret.</summary>
    public required string Details { get; set; }
}
