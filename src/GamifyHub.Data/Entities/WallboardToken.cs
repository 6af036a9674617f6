namespace GamifyHub.Data.Entities;

/// <summary>
/// A sign-in for a read-only wallboard screen. Only the SHA-256 of the token is stored; the token itself is shown once,
/// when an admin creates it. A revoked token stops working on its next request.
/// </summary>
public sealed class WallboardToken
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
}
