using System.Collections.Concurrent;
using System.Security.Claims;
using GamifyHub.Data;
using GamifyHub.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.MyData;

/// <summary>
/// Bearer tokens and cookies are self-contained: they would keep working after their account was erased. This check
/// answers 401 for a sign-in whose account no longer exists — at once for an erasure on this node, and within
/// <see cref="RecheckAfter"/> otherwise (the account's existence is looked up at most that often per account).
/// </summary>
public sealed class SignInGuard(IDbContextFactory<GamifyDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _confirmed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, byte> _erased = new();

    /// <summary>The employee was erased: their sign-ins stop working now.</summary>
    public void Erased(Guid employeeId)
    {
        _erased[employeeId] = 0;
        _confirmed.Clear();
    }

    public async Task<bool> IsValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // API keys and wallboard tokens carry no user id: they are checked against their own stores already.
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return true;
        }

        if (user.GetEmployeeId() is { } employeeId && _erased.ContainsKey(employeeId))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (_confirmed.TryGetValue(userId, out var at) && now - at < RecheckAfter)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            _confirmed.TryRemove(userId, out _);
            return false;
        }

        _confirmed[userId] = now;
        return true;
    }
}

public static class SignInGuardMiddleware
{
    public static IApplicationBuilder UseSignInGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var guard = context.RequestServices.GetRequiredService<SignInGuard>();
        if (!await guard.IsValidAsync(context.User, context.RequestAborted))
        {
            // As if no one signed in: protected endpoints answer 401, the sign-in page and static files still load.
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    });
}
