namespace GamifyHub.Data.Entities;

/// <summary>
/// A sender of signed webhooks (<c>POST /api/webhooks/{name}</c>). Its HMAC secret must be readable to check signatures,
/// so it cannot be hashed like an API key; it is stored encrypted (ASP.NET Core Data Protection, keys kept outside
/// the database) and shown only once, when it is made or rotated.
/// </summary>
public sealed class WebhookSource
{
    public const int NameMaxLength = 50;

    public required string Name { get; set; }

    /// <summary>The channel its items come from when a payload does not name one; null when every payload must.</summary>
    public string? Channel { get; set; }

    public required string ProtectedSecret { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime SecretSetAt { get; set; }
    public required string CreatedBy { get; set; }
}
