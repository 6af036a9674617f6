namespace GamifyHub.Data.Entities;

/// <summary>An integration key. Only its SHA-256 hash is stored.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }

    /// <summary>Space-separated scopes, e.g. "feedback:write events:write".</summary>
    public required string Scopes { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The admin who created it; null for keys from before this was recorded (and the demo key).</summary>
    public string? CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
}
