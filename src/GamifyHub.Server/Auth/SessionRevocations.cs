using System.Security.Claims;
using GamifyHub.Server.Live;

namespace GamifyHub.Server.Auth;

/// <summary>Whose sign-ins a revocation ends: a person (Identity user id), an employee, a wallboard token or an API key.</summary>
public readonly record struct SessionSubject(string Kind, string Id)
{
    public static SessionSubject User(string userId) => new("user", userId);

    public static SessionSubject Employee(Guid employeeId) => new("employee", employeeId.ToString());

    /// <summary>A wallboard token or an API key (both have a Guid id of their own).</summary>
    public static SessionSubject Credential(Guid credentialId) => new("credential", credentialId.ToString());

    /// <summary>Every subject a sign-in belongs to, so revoking any of them reaches it.</summary>
    public static IEnumerable<SessionSubject> Of(ClaimsPrincipal? principal)
    {
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            yield return User(userId);
        }

        if (principal?.GetEmployeeId() is { } employeeId)
        {
            yield return Employee(employeeId);
        }

        foreach (var claim in new[] { Wallboard.WallboardAuthenticationHandler.TokenIdClaim, ApiKeyAuthenticationHandler.KeyIdClaim })
        {
            if (Guid.TryParse(principal?.FindFirstValue(claim), out var id))
            {
                yield return Credential(id);
            }
        }
    }
}

/// <summary>
/// Ends sign-ins now: after logout, a password change or reset, disabling, erasure, or revoking a wallboard token or API key.
/// The stored fact (rotated security stamp, deleted account, revoked key) is written first by the caller; this makes every
/// node stop trusting what it cached and close the subject's hub connections. One process today
/// (<see cref="LocalSessionRevocations"/>); a multi-node mode broadcasts the subject and each node applies it locally.
/// </summary>
public interface ISessionRevocations
{
    Task RevokeAsync(SessionSubject subject);
}

/// <summary>The in-process revocation: forgets the cached sign-in check or API key and aborts the subject's hub connections here.</summary>
public sealed class LocalSessionRevocations(SignInFreshness freshness, ApiKeyCache apiKeys, LiveConnections connections,
    ILogger<LocalSessionRevocations> log)
    : ISessionRevocations
{
    public Task RevokeAsync(SessionSubject subject)
    {
        if (subject.Kind == "user")
        {
            freshness.Forget(subject.Id);
        }
        else if (subject.Kind == "credential" && Guid.TryParse(subject.Id, out var credential))
        {
            apiKeys.Evict(credential);
        }

        var closed = connections.Abort(subject);
        log.LogInformation("Sign-ins of a {Kind} revoked; {Closed} hub connection(s) closed", subject.Kind, closed);
        return Task.CompletedTask;
    }
}
