using System.Globalization;
using System.Text;
using GamifyHub.Data.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Auth;

/// <summary>How long an admin-issued password reset code works (section <c>Authentication:PasswordReset</c>).</summary>
public sealed class PasswordResetOptions
{
    public const string SectionName = "Authentication:PasswordReset";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Identity's password reset tokens, made here rather than by its data-protection provider so their expiry follows a
/// <see cref="TimeProvider"/> (tests move it). A code is the protected (encrypted and signed) tuple of issue time, sign-in
/// id, purpose and the account's security stamp: it works once, because setting the password rotates the stamp, and
/// any other stamp change (logout, disable, password change) voids it too. Nothing about it is stored.
/// </summary>
public sealed class PasswordResetCodes(IDataProtectionProvider protection, IOptions<PasswordResetOptions> options,
    [FromKeyedServices(PasswordResetCodes.ClockKey)] TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "GamifyHubReset";

    /// <summary>The clock codes are issued and checked by (the server's clock; a test may give its own).</summary>
    public const string ClockKey = "password-reset";

    private readonly IDataProtector _protector = protection.CreateProtector("GamifyHub.PasswordReset.v1");

    public DateTimeOffset ExpiresAt(DateTimeOffset issuedAt) => issuedAt + options.Value.Lifetime;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        var payload = string.Join('\n', time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), user.Id, purpose, stamp);
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age >= TimeSpan.Zero && age <= options.Value.Lifetime
            && parts[1] == user.Id && parts[2] == purpose && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}
