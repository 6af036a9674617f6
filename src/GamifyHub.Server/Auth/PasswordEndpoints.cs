using System.Security.Claims;
using GamifyHub.Data.Auditing;
using GamifyHub.Data.Identity;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Problems;
using GamifyHub.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace GamifyHub.Server.Auth;

/// <summary>
/// Passwords: a signed-in person changes their own (the current one required); an admin issues a one-time reset code
/// (shown once, to hand over in person or by chat — never a password chosen for someone), with which the person sets their
/// own on the anonymous reset route. Each ends the person's other sign-ins at once (<see cref="ISessionRevocations"/>).
/// </summary>
public static class PasswordEndpoints
{
    public const int CodeMaxLength = 2_048;

    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    public sealed record PasswordResetIn(string? Email, string? Code, string? NewPassword);

    /// <param name="Code">Shown once; nothing about it is stored.</param>
    /// <param name="Link">The web client's reset page with email and code filled in.</param>
    public sealed record PasswordResetCode(string Code, string Link, DateTimeOffset ExpiresAt);

    /// <summary>The same answer for an unknown address, a disabled account and a wrong, used or expired code.</summary>
    public const string CodeRefused = "This reset code is wrong, used or expired. Ask an administrator for a new one.";

    public static RouteGroupBuilder MapPasswordEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/password", Change).WithTags("Sign-in").RequireAuthorization(Policies.SignedIn);
        api.MapPost("/auth/password-reset", Reset).WithTags("Sign-in").AllowAnonymous();
        api.MapPost("/admin/people/{id}/password-reset", IssueReset).WithTags("Administration").RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<IResult> Change(PasswordChange? body, ClaimsPrincipal principal, HttpContext http, UserManager<AppUser> users,
        SignInManager<AppUser> signIn, SignInLimiter limiter, ISessionRevocations revocations, AuditRecorder audit)
    {
        if (string.IsNullOrEmpty(body?.CurrentPassword) || string.IsNullOrEmpty(body.NewPassword))
        {
            return ApiProblems.Validation(string.IsNullOrEmpty(body?.CurrentPassword) ? "currentPassword" : "newPassword",
                "Both the current and the new password are required.");
        }

        if (body.CurrentPassword.Length > AuthEndpoints.PasswordMaxLength || body.NewPassword.Length > AuthEndpoints.PasswordMaxLength)
        {
            return ApiProblems.Validation(body.NewPassword.Length > AuthEndpoints.PasswordMaxLength ? "newPassword" : "currentPassword",
                $"Passwords have at most {AuthEndpoints.PasswordMaxLength} characters.");
        }

        var account = await users.GetUserAsync(principal);
        if (account is null)
        {
            return ApiProblems.Unauthorized("This sign-in's account no longer exists.");
        }

        // Guessing the current password from a stolen session is held to the sign-in's pace.
        using (var refusal = limiter.Refusal(http, account.Email ?? account.Id))
        {
            if (refusal is not null)
            {
                await RateLimits.Refuse(http, refusal);
                return TypedResults.Empty;
            }
        }

        // The rules (12 to 1,024 characters, not the email) first: they cost nothing, while each password check is a hash.
        var broken = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            broken.AddRange((await validator.ValidateAsync(users, account, body.NewPassword)).Errors.Select(e => e.Description));
        }

        if (broken.Count > 0)
        {
            return ApiProblems.Validation("newPassword", string.Join(" ", broken));
        }

        // Identity checks the current password (an account without one never matches) and rotates the security stamp.
        var result = await users.ChangePasswordAsync(account, body.CurrentPassword, body.NewPassword);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? ApiProblems.Validation("currentPassword", "The current password is wrong.")
                : ApiProblems.Validation("newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await revocations.RevokeAsync(SessionSubject.User(account.Id));
        await audit.RecordAsync(AdminEndpoints.Actor(principal), AuditActions.PasswordChanged, account.Id);

        // Every other sign-in has ended; the browser that made the change keeps going with a fresh cookie.
        if (AuthenticationSetup.SchemeFor(http) == IdentityConstants.ApplicationScheme)
        {
            var fresh = await signIn.CreateUserPrincipalAsync(account);
            await http.SignInAsync(IdentityConstants.ApplicationScheme, fresh);
            Csrf.Issue(http, fresh);
        }

        return TypedResults.NoContent();
    }

    /// <summary>A one-time code for the person to set a password of their own; their current password keeps working until then.</summary>
    private static async Task<IResult> IssueReset(string id, ClaimsPrincipal principal, UserManager<AppUser> users,
        PasswordResetCodes codes, AuditRecorder audit)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            return ApiProblems.NotFound($"There is no person {id}.");
        }

        if (SignInFreshness.IsDisabled(account))
        {
            return ApiProblems.Conflict("This sign-in is disabled: enable it first, then issue a reset code.");
        }

        var issuedAt = codes.Now;
        var code = await users.GeneratePasswordResetTokenAsync(account);
        await audit.RecordAsync(AdminEndpoints.Actor(principal), AuditActions.PasswordResetIssued, account.Id);
        var link = "/#/reset-password?email=" + Uri.EscapeDataString(account.Email ?? "") + "&code=" + Uri.EscapeDataString(code);
        return TypedResults.Ok(new PasswordResetCode(code, link, codes.ExpiresAt(issuedAt)));
    }

    /// <summary>Anonymous: email, code and the new password. Rate limited like the sign-in, per address and caller.</summary>
    private static async Task<IResult> Reset(PasswordResetIn? body, HttpContext http, UserManager<AppUser> users, SignInLimiter limiter,
        ISessionRevocations revocations, AuditRecorder audit)
    {
        if (string.IsNullOrWhiteSpace(body?.Email) || string.IsNullOrEmpty(body.Code) || string.IsNullOrEmpty(body.NewPassword))
        {
            return ApiProblems.Validation(string.IsNullOrWhiteSpace(body?.Email) ? "email" : string.IsNullOrEmpty(body.Code) ? "code" : "newPassword",
                "Email, reset code and new password are required.");
        }

        if (body.Email.Length > AuthEndpoints.EmailMaxLength || body.Code.Length > CodeMaxLength
            || body.NewPassword.Length > AuthEndpoints.PasswordMaxLength)
        {
            return ApiProblems.Validation(body.Email.Length > AuthEndpoints.EmailMaxLength ? "email" : body.Code.Length > CodeMaxLength ? "code" : "newPassword",
                $"The email has at most {AuthEndpoints.EmailMaxLength} characters, the code at most {CodeMaxLength} and the password at most {AuthEndpoints.PasswordMaxLength}.");
        }

        var email = body.Email.Trim();
        using (var refusal = limiter.Refusal(http, email))
        {
            if (refusal is not null)
            {
                await RateLimits.Refuse(http, refusal);
                return TypedResults.Empty;
            }
        }

        var account = await users.FindByEmailAsync(email);
        if (account is null || !string.Equals(account.Email, email, StringComparison.OrdinalIgnoreCase) || SignInFreshness.IsDisabled(account))
        {
            return ApiProblems.Validation("code", CodeRefused);
        }

        // The code is checked before the password rules, so a refused password leaves the code usable for another try.
        var result = await users.ResetPasswordAsync(account, body.Code, body.NewPassword);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? ApiProblems.Validation("code", CodeRefused)
                : ApiProblems.Validation("newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        // A forgotten password often follows a lockout: the new one signs in at once.
        await users.ResetAccessFailedCountAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        await revocations.RevokeAsync(SessionSubject.User(account.Id));
        await audit.RecordAsync(AuditLog.System, AuditActions.PasswordReset, account.Id, new { by = "reset-code" });
        return TypedResults.NoContent();
    }
}
