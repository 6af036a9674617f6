using System.Security.Cryptography;
using GamifyHub.Data;
using Microsoft.AspNetCore.DataProtection;

namespace GamifyHub.Server.Webhooks;

/// <summary>
/// Encrypts webhook secrets at rest with ASP.NET Core Data Protection. Its keys live in a folder beside the database
/// (<c>&lt;db&gt;.keys</c>), not in it, so a copied database or backup alone does not give the secrets away.
/// </summary>
public sealed class WebhookSecrets(DatabaseLocation location)
{
    private readonly Lazy<IDataProtector> _protector = new(() =>
        DataProtectionProvider.Create(new DirectoryInfo(location.Path + ".keys"), b => b.SetApplicationName("GamifyHub"))
            .CreateProtector("GamifyHub.Webhooks.Secret.v1"));

    public static string Generate() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Value.Protect(secret);

    /// <summary>The secret, or null when it cannot be decrypted (the key folder was lost): rotate the secret then.</summary>
    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Value.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
