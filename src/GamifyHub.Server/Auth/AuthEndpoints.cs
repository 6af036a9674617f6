using System.Security.Claims;
using GamifyHub.Data;
using GamifyHub.Data.Auditing;
using GamifyHub.Data.Identity;
using GamifyHub.Server.Demo;
using GamifyHub.Server.Problems;
using GamifyHub.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Auth;

public static class AuthEndpoints
{
    public sealed record LoginRequest(string? Email, string? Password);

    public const int EmailMaxLength = 256;
    public const int PasswordMaxLength = 1_024;

    /// <summary>Room for the longest email and password even fully \u-escaped; refused before the body is read.</summary>
    public const long LoginMaxBodyBytes = 16 * 1024;

    public sealed record DemoAccount(string Email, string DisplayName, string Role, string? Department);

    public sealed record DemoAccounts(string Password, IReadOnlyList<DemoAccount> Accounts);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Sign-in");
        group.MapPost("/login", Login).AllowAnonymous().WithMetadata(new RequestSizeLimit(LoginMaxBodyBytes));
        group.MapPost("/logout", Logout).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/demo-accounts", ListDemoAccounts).AllowAnonymous();
        group.MapGet("/csrf", IssueCsrf).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/providers", Providers).AllowAnonymous();
        group.MapGet("/external/oidc", StartExternal).AllowAnonymous();
        group.MapGet("/external/complete", CompleteExternal).AllowAnonymous();
        return group;
    }

    public sealed record CsrfToken(string HeaderName, string Token);

    /// <summary>Every failed sign-in says this: it never tells whether the email belongs to an account.</summary>
    public const string WrongCredentials = "Email or password is wrong.";

    /// <summary>After too many failures, for real and unknown addresses alike (see <see cref="LoginGuard"/>).</summary>
    public const string LockedOut = "Too many failed sign-ins with this email. It is locked for 5 minutes; try again later.";

    /// <summary>Only said to someone who gave the right password of a disabled account.</summary>
    public const string Disabled = "This sign-in is disabled. Ask an administrator.";

    /// <summary>
    /// Checks the password (with lockout and the sign-in rate limit), sets the web app's cookie and CSRF token and answers
    /// with a bearer token. Unknown addresses and disabled accounts are counted by <see cref="LoginGuard"/> so the answers
    /// (and their timing) match a real account's.
    /// </summary>
    private static async Task<IResult> Login(LoginRequest? request, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        LoginGuard guard, HttpContext http, SignInLimiter limiter)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return ApiProblems.Validation("email", "Email and password are required.");
        }

        // Too long to be real: refused before any lookup, so it cannot count as a failed attempt against an account.
        if (request.Email.Length > EmailMaxLength || request.Password.Length > PasswordMaxLength)
        {
            return ApiProblems.Validation(request.Email.Length > EmailMaxLength ? "email" : "password",
                $"The email has at most {EmailMaxLength} characters and the password at most {PasswordMaxLength}.");
        }

        var email = request.Email.Trim();
        using (var refusal = limiter.Refusal(http, email))
        {
            if (refusal is not null)
            {
                await RateLimits.Refuse(http, refusal);
                return TypedResults.Empty;
            }
        }

        var user = await users.FindByEmailAsync(email);

        // Identity finds accounts by an upper-cased address, which folds look-alikes onto real ones ('ſofia' → 'SOFIA'):
        // only the account's own address (in upper or lower case) signs in or counts a failed attempt.
        if (user is null || !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Unauthorized(guard.FailPhantom(email, request.Password) ? LockedOut : WrongCredentials);
        }

        // Every answer below costs exactly one password hash, as the unknown address above does (issue 12, item 9).
        if (SignInFreshness.IsDisabled(user))
        {
            // The right password learns that the account is disabled; a wrong one looks like any other address.
            return await users.CheckPasswordAsync(user, request.Password)
                ? ApiProblems.Forbidden(Disabled)
                : ApiProblems.Unauthorized(guard.CountPhantom(email) ? LockedOut : WrongCredentials);
        }

        // Identity answers "locked out" before hashing anything: spend the hash here, so a locked account is not faster.
        if (await users.IsLockedOutAsync(user))
        {
            guard.SpendHash(request.Password);
            return ApiProblems.Unauthorized(LockedOut);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return ApiProblems.Unauthorized(LockedOut);
        }

        if (!result.Succeeded)
        {
            return ApiProblems.Unauthorized(WrongCredentials);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        Csrf.Issue(http, principal);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    public sealed record ProviderDto(string Id, string DisplayName, string StartUrl);

    /// <summary>The external sign-ins on offer (none unless single sign-on is configured).</summary>
    private static List<ProviderDto> Providers(IOptions<OidcOptions> oidc) => oidc.Value.Enabled
        ? [new ProviderDto(OidcOptions.SchemeName, oidc.Value.DisplayName, "/api/auth/external/oidc")]
        : [];

    /// <summary>Sends the browser to the OpenID Connect provider (code flow with PKCE).</summary>
    private static IResult StartExternal(IOptions<OidcOptions> oidc, string? returnUrl = null)
    {
        if (!oidc.Value.Enabled)
        {
            return ApiProblems.NotFound("Single sign-on is not set up.");
        }

        var back = "/api/auth/external/complete?returnUrl=" + Uri.EscapeDataString(LocalOrRoot(returnUrl));
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = back }, [OidcOptions.SchemeName]);
    }

    /// <summary>
    /// After the provider: finds the person linked to the provider's stable subject (<c>sub</c> of this issuer, kept as an
    /// Identity external login) and issues the normal GamifyHub cookie. The email is used only to make that link, once: a
    /// verified address of an existing, enabled person who has no link with this issuer yet. After that the email claim no
    /// longer matters (it may change at the provider). Nobody registers themselves this way: an unknown email is refused.
    /// </summary>
    private static async Task<IResult> CompleteExternal(HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        IOptions<OidcOptions> oidc, ILoggerFactory loggers, AuditRecorder audit, string? returnUrl = null)
    {
        if (!oidc.Value.Enabled)
        {
            return ApiProblems.NotFound("Single sign-on is not set up.");
        }

        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            // Arrived here without coming back from the provider (or too late: the hand-over cookie lasts 5 minutes).
            return Refused(http, StatusCodes.Status400BadRequest,
                "No single sign-on is in progress. Start again with the sign-in page's single sign-on button.");
        }

        var principal = external.Principal;
        var log = loggers.CreateLogger("GamifyHub.Server.Auth.SingleSignOn");
        if (principal.FindFirst("sub") is not { Value.Length: > 0 } subject)
        {
            return Refused(http, StatusCodes.Status403Forbidden, "Your sign-in provider did not say who you are (no subject).");
        }

        // The claim's issuer is the id_token's validated "iss": a subject is unique only within its issuer.
        var issuer = subject.Issuer;
        var user = await users.FindByLoginAsync(issuer, subject.Value);
        if (user is null)
        {
            var email = principal.FindFirst(oidc.Value.EmailClaim)?.Value?.Trim();
            var verified = string.Equals(principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
            if (string.IsNullOrEmpty(email) || (oidc.Value.RequireVerifiedEmail && !verified))
            {
                return Refused(http, StatusCodes.Status403Forbidden,
                    "Your sign-in provider did not confirm a verified email address, so GamifyHub cannot tell who you are.");
            }

            user = await users.FindByEmailAsync(email);
            if (user is null || !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                log.LogInformation("Single sign-on refused: no person with that email");
                return Refused(http, StatusCodes.Status403Forbidden,
                    "There is no GamifyHub account for this email address. Ask an administrator to add you.");
            }

            if (SignInFreshness.IsDisabled(user))
            {
                return Refused(http, StatusCodes.Status403Forbidden, Disabled);
            }

            // One link per person and issuer: another provider account claiming the same address does not take it over.
            if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == issuer))
            {
                log.LogWarning("Single sign-on refused: the person is linked to another subject of this provider");
                return Refused(http, StatusCodes.Status403Forbidden,
                    "This GamifyHub account is already linked to another account of your sign-in provider. Ask an administrator.");
            }

            var linked = await users.AddLoginAsync(user, new UserLoginInfo(issuer, subject.Value, oidc.Value.DisplayName));
            if (!linked.Succeeded)
            {
                return Refused(http, StatusCodes.Status409Conflict, "Single sign-on could not be linked to your account. Try again.");
            }

            await audit.RecordAsync(AuditLog.System, AuditActions.SsoLinked, user.Id, new { provider = oidc.Value.DisplayName });
        }

        if (SignInFreshness.IsDisabled(user))
        {
            return Refused(http, StatusCodes.Status403Forbidden, Disabled);
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OidcOptions.SchemeName);
        return TypedResults.LocalRedirect(LocalOrRoot(returnUrl));
    }

    /// <summary>A page for a browser (it arrived by navigation), problem details for anything else.</summary>
    private static IResult Refused(HttpContext http, int status, string detail)
    {
        if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            var text = System.Net.WebUtility.HtmlEncode(detail);
            return TypedResults.Content($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in refused</title></head>"
                + $"<body><main><h1>Sign-in refused</h1><p role=\"alert\">{text}</p><p><a href=\"/\">Back to GamifyHub</a></p></main></body></html>",
                "text/html", System.Text.Encoding.UTF8, status);
        }

        return TypedResults.Problem(detail, statusCode: status,
            title: status switch
            {
                StatusCodes.Status400BadRequest => "The request is not valid.",
                StatusCodes.Status409Conflict => "Conflict.",
                _ => "Not allowed.",
            });
    }

    private static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    /// <summary>
    /// Signs the person out everywhere: the security stamp rotates, so every cookie and bearer token of theirs gets 401 from
    /// the next request on, and their hub connections close.
    /// </summary>
    private static async Task<IResult> Logout(HttpContext http, ClaimsPrincipal principal, UserManager<AppUser> users,
        ISessionRevocations revocations)
    {
        if (await users.GetUserAsync(principal) is { } account)
        {
            await users.UpdateSecurityStampAsync(account);
            await revocations.RevokeAsync(SessionSubject.User(account.Id));
        }

        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        Csrf.Forget(http);
        return TypedResults.NoContent();
    }

    /// <summary>A CSRF token for the signed-in session (also set as the XSRF-TOKEN cookie), e.g. after a page reload.</summary>
    private static IResult IssueCsrf(HttpContext http) => TypedResults.Ok(new CsrfToken(Csrf.HeaderName, Csrf.Issue(http)));

    private static async Task<IResult> ListDemoAccounts(IOptions<DemoOptions> demo, IDbContextFactory<GamifyDbContext> dbFactory)
    {
        if (!demo.Value.Enabled)
        {
            return ApiProblems.NotFound("Demo mode is off.");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var accounts = new List<DemoAccount>();
        foreach (var account in DemoCompany.SignIns)
        {
            var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Email == account.Email);
            var department = employee is null ? null : await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == employee.DepartmentId);
            accounts.Add(new DemoAccount(account.Email, account.DisplayName, account.Role, department?.Name));
        }

        return TypedResults.Ok(new DemoAccounts(DemoCompany.Password, accounts));
    }
}
