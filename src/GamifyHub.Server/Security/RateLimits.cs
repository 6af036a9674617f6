using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using GamifyHub.Server.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Security;

/// <summary>One fixed window limit: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> and partition.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Settings <c>RateLimits:SignIn|Intake|Actions|Boards:PermitLimit|WindowSeconds</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts per client address and email (lockout still counts wrong passwords per account).</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10 };

    /// <summary>Feedback, events, webhook deliveries and imports per API key, signed-in user or (webhooks) client address (a
    /// batch counts once).</summary>
    public RateLimit Intake { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Actions on feedback items and kudos per signed-in user.</summary>
    public RateLimit Actions { get; set; } = new() { PermitLimit = 120 };

    /// <summary>Board reads (<c>GET /api/boards/*</c>) per signed-in user, and separately the hub's <c>WatchBoard</c> calls
    /// per user or wallboard. The web client reads a board when a page, window or view changes: ten a second is far
    /// above that.</summary>
    public RateLimit Boards { get; set; } = new() { PermitLimit = 600 };
}

/// <summary>
/// The built-in rate limiter on sign-in, intake and actions. A refusal is 429 with <c>Retry-After</c> and a problem body.
/// Sign-in is limited inside the sign-in endpoint (its partition needs the email from the body); the others by endpoint
/// policy.
/// </summary>
public static class RateLimits
{
    public const string Intake = "intake";
    public const string Actions = "actions";
    public const string Boards = "boards";

    public static IServiceCollection AddGamifyRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits");
        services.AddSingleton<SignInLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => new ValueTask(Refuse(context.HttpContext, context.Lease));
            o.AddPolicy(Intake, http => Partition(http, Intake, http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Intake));
            o.AddPolicy(Actions, http => Partition(http, Actions, http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Actions));
            o.AddPolicy(Boards, http => Partition(http, Boards, http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Boards));
        });
        services.AddBoardWatchLimit();
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, string policy, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy}|{Caller(http)}", _ => Window(limit));

    internal static FixedWindowRateLimiterOptions Window(RateLimit limit) => new()
    {
        PermitLimit = Math.Max(1, limit.PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Who is calling: the API key (by name), the signed-in user or, for webhooks and anything else anonymous, the address.</summary>
    private static string Caller(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue(GamifyClaims.EmployeeId);
            return id is not null ? $"user:{id}" : $"{user.Identity.AuthenticationType}:{user.Identity.Name}";
        }

        // Webhook deliveries are anonymous and the source name is the caller's choice: by address, or every invented
        // name would be a fresh budget.
        if (http.GetRouteValue("source") is string)
        {
            return $"webhook:{http.Connection.RemoteIpAddress}";
        }

        return $"ip:{http.Connection.RemoteIpAddress}";
    }

    internal static async Task Refuse(HttpContext http, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This caller sent too many requests of this kind; try again in {seconds} seconds.",
            },
        });
    }
}

/// <summary>Sign-in attempts per client address and email; the endpoint asks before checking a password.</summary>
public sealed class SignInLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, _ => RateLimits.Window(options.Value.SignIn)));

    /// <summary>Null when the attempt may go on; otherwise the lease that refused it (to say when to retry).</summary>
    public RateLimitLease? Refusal(HttpContext http, string email)
    {
        var lease = _limiter.AttemptAcquire($"{http.Connection.RemoteIpAddress}|{email.ToUpperInvariant()}");
        if (lease.IsAcquired)
        {
            lease.Dispose();
            return null;
        }

        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
