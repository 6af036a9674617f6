namespace GamifyHub.Data.Entities;

/// <summary>
/// Append-only history of the retention setting: the newest row is in force; none means "keep everything".
/// </summary>
public sealed class RetentionChange
{
    public long Id { get; set; }

    /// <summary>Events older than this many months are anonymized or purged; null keeps them.</summary>
    public int? Months { get; set; }

    /// <summary>"anonymize" or "purge" (see <see cref="Privacy.RetentionModes"/>).</summary>
    public required string Mode { get; set; }

    /// <summary>The admin's email.</summary>
    public required string Actor { get; set; }

    public DateTime At { get; set; }
}
