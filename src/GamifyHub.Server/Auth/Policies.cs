using GamifyHub.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace GamifyHub.Server.Auth;

/// <summary>One policy per capability.</summary>
public static class Policies
{
    public const string Employee = "employee";
    public const string FeedbackIn = "feedback-in";
    public const string EventsIn = "events-in";
    public const string Admin = "admin";
    public const string ChallengeManager = "challenge-manager";

    public static void Add(AuthorizationOptions options)
    {
        // Every endpoint needs a sign-in unless it says otherwise, so a new route cannot be left open by mistake.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(Employee, p => p.RequireAuthenticatedUser().RequireClaim(GamifyClaims.EmployeeId));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        // Which departments a manager may target is checked per request (ChallengeAccess).
        options.AddPolicy(ChallengeManager, p => p.RequireRole(Roles.Manager, Roles.Admin));
        options.AddPolicy(FeedbackIn, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Admin) || c.User.HasClaim(GamifyClaims.Scope, ApiKeys.FeedbackWrite)));
        options.AddPolicy(EventsIn, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Admin) || c.User.HasClaim(GamifyClaims.Scope, ApiKeys.EventsWrite)));
    }
}
