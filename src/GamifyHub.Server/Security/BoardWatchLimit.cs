using System.Security.Claims;
using System.Threading.RateLimiting;
using GamifyHub.Server.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Security;

/// <summary>
/// The board limit for the hub: <c>WatchBoard</c> calls per signed-in user or wallboard token (the rate limiter middleware
/// sees only the connection's first request, not the calls inside it). A refusal is a <see cref="HubException"/> that says
/// when to try again.
/// </summary>
public sealed class BoardWatchLimit(IOptions<RateLimitOptions> options) : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, _ => RateLimits.Window(options.Value.Boards)));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocation.Hub is LiveHub && invocation.HubMethodName == nameof(LiveHub.WatchBoard))
        {
            var user = invocation.Context.User;
            var caller = invocation.Context.UserIdentifier
                ?? user?.FindFirstValue(Wallboard.WallboardAuthenticationHandler.TokenIdClaim)
                ?? invocation.Context.ConnectionId;
            using var lease = _limiter.AttemptAcquire(caller);
            if (!lease.IsAcquired)
            {
                var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                throw new HubException($"Too many board requests; try again in {seconds} seconds.");
            }
        }

        return await next(invocation);
    }

    public void Dispose() => _limiter.Dispose();
}

public static class BoardWatchLimitSetup
{
    public static IServiceCollection AddBoardWatchLimit(this IServiceCollection services)
    {
        services.AddSingleton<BoardWatchLimit>();
        // A global filter: per-hub filters count only where the hub's options were set with AddHubOptions.
        services.PostConfigure<HubOptions>(o => o.AddFilter<BoardWatchLimit>());
        return services;
    }
}
