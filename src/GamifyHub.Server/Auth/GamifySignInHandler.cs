using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Auth;

/// <summary>
/// The default scheme: picks cookie, bearer token, API key or wallboard token per request (like a policy scheme), and then
/// holds cookie and bearer sign-ins against the people store (<see cref="SignInFreshness"/>): a disabled person's or a
/// rotated stamp's sign-in fails authentication (401, not 403), and roles and departments are the store's current ones.
/// </summary>
public sealed class GamifySignInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, SignInFreshnessCheck freshness) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var scheme = AuthenticationSetup.SchemeFor(Context);
        var result = await Context.AuthenticateAsync(scheme);
        if (!result.Succeeded || result.Ticket is null)
        {
            return result;
        }

        var current = await freshness.CheckAsync(result.Principal!);
        return current is null
            ? AuthenticateResult.Fail("This sign-in is no longer valid (disabled, or signed out everywhere). Sign in again.")
            : AuthenticateResult.Success(new AuthenticationTicket(current, result.Properties, scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(AuthenticationSetup.SchemeFor(Context), properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(AuthenticationSetup.SchemeFor(Context), properties);
}
