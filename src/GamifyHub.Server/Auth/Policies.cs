using GamifyHub.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace GamifyHub.Server.Auth;

/// <summary>
/// One policy per capability. Every endpoint names the one it needs (<c>RequireAuthorization(Policies.X)</c>) or says it is
/// anonymous; the fallback policy (signed in, not a wallboard) is the safety net for a route that forgets. The matrix test
/// (tests/GamifyHub.Server.Tests/Security/AuthorizationMatrixTests.cs) pins who passes which route.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in (a person, or an integration's API key) except a wallboard screen: shared reads such as
    /// boards, departments, seasons and one's own profile.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Reading the feedback inbox and an item's detail: employees (their department's items only).</summary>
    public const string ReadInbox = "read-inbox";

    /// <summary>Acting on feedback items (read, reply, tag, forward, insight, resolve, reopen): employees.</summary>
    public const string ActOnFeedback = "act-on-feedback";

    /// <summary>The employee's own things: notifications, kudos, challenge badges, insights.</summary>
    public const string Employee = "employee";
    public const string FeedbackIn = "feedback-in";
    public const string EventsIn = "events-in";
    public const string Admin = "admin";
    public const string ChallengeManager = "challenge-manager";

    /// <summary>The wallboard's read endpoints: a wallboard token, or any signed-in employee.</summary>
    public const string Wallboard = "wallboard";

    /// <summary>What only a screen in the hall shows (company-wide highlights, every department's active challenges): a
    /// wallboard token or key, or an admin setting one up — not every employee (their feeds are their department's).</summary>
    public const string WallboardScreen = "wallboard-screen";

    /// <summary>The hub: employees, and wallboard screens watching boards.</summary>
    public const string Watcher = "watcher";

    public static void Add(AuthorizationOptions options)
    {
        // Every endpoint needs a sign-in unless it says otherwise, so a new route cannot be left open by mistake. A wallboard
        // token or an API key signs in too, but it passes only the policies that name it (Wallboard, Watcher; FeedbackIn,
        // EventsIn): never the default ones.
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(c => !IsWallboard(c.User) && !IsApiKey(c.User)).Build();
        options.FallbackPolicy = signedIn;
        options.DefaultPolicy = signedIn;
        options.AddPolicy(Wallboard, p => p.RequireAssertion(c =>
            IsWallboard(c.User) || c.User.HasClaim(cl => cl.Type == GamifyClaims.EmployeeId) || c.User.IsInRole(Roles.Admin)));
        options.AddPolicy(WallboardScreen, p => p.RequireAssertion(c => IsWallboard(c.User) || c.User.IsInRole(Roles.Admin)));
        options.AddPolicy(Watcher, p => p.RequireAssertion(c =>
            IsWallboard(c.User) || c.User.HasClaim(cl => cl.Type == GamifyClaims.EmployeeId)));

        options.AddPolicy(SignedIn, signedIn);
        options.AddPolicy(Employee, p => p.RequireAuthenticatedUser().RequireClaim(GamifyClaims.EmployeeId));
        options.AddPolicy(ReadInbox, p => p.RequireAuthenticatedUser().RequireClaim(GamifyClaims.EmployeeId));
        options.AddPolicy(ActOnFeedback, p => p.RequireAuthenticatedUser().RequireClaim(GamifyClaims.EmployeeId));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        // Which departments a manager may target is checked per request (ChallengeAccess).
        options.AddPolicy(ChallengeManager, p => p.RequireRole(Roles.Manager, Roles.Admin));
        options.AddPolicy(FeedbackIn, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Admin) || c.User.HasClaim(GamifyClaims.Scope, ApiKeys.FeedbackWrite)));
        options.AddPolicy(EventsIn, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Admin) || c.User.HasClaim(GamifyClaims.Scope, ApiKeys.EventsWrite)));
    }

    /// <summary>A wallboard token, or an API key with the <c>wallboard</c> scope (the same claim).</summary>
    public static bool IsWallboard(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(GamifyClaims.Scope, Server.Wallboard.WallboardAuthenticationHandler.Scope);

    public static bool IsApiKey(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.KeyIdClaim);
}
