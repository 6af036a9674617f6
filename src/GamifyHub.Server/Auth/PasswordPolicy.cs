using GamifyHub.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace GamifyHub.Server.Auth;

/// <summary>
/// The password rules besides Identity's minimum length (NIST SP 800-63B): at most <see cref="MaxLength"/> characters (long
/// pass phrases welcome), and not the account's own email or the name part of it.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = AuthEndpoints.PasswordMaxLength;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters.",
            }));
        }

        var email = user.Email ?? user.UserName ?? "";
        var name = email.Split('@')[0];
        if (email.Length > 0 && (password.Contains(email, StringComparison.OrdinalIgnoreCase)
            || (name.Length >= 4 && password.Contains(name, StringComparison.OrdinalIgnoreCase))))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsEmail", Description = "Passwords must not contain the email address or its name part.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
