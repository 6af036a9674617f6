using GamifyHub.Data;
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

    public sealed record DemoAccount(string Email, string DisplayName, string Role, string? Department);

    public sealed record DemoAccounts(string Password, IReadOnlyList<DemoAccount> Accounts);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Sign-in");
        group.MapPost("/login", Login).AllowAnonymous();
        group.MapPost("/logout", Logout).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/demo-accounts", ListDemoAccounts).AllowAnonymous();
        group.MapGet("/csrf", IssueCsrf).RequireAuthorization(Policies.SignedIn);
        return group;
    }

    public sealed record CsrfToken(string HeaderName, string Token);

    /// <summary>Checks the password (with lockout and the sign-in rate limit), sets the web app's cookie and CSRF token and
    /// answers with a bearer token.</summary>
    private static async Task<IResult> Login(LoginRequest? request, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        HttpContext http, SignInLimiter limiter)
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
            return ApiProblems.Unauthorized("Email or password is wrong.");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return ApiProblems.Unauthorized("Too many failed sign-ins. This account is locked for a few minutes.");
        }

        if (!result.Succeeded)
        {
            return ApiProblems.Unauthorized("Email or password is wrong.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        Csrf.Issue(http, principal);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> Logout(HttpContext http, CancellationToken cancellationToken)
    {
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
