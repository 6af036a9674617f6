using System.Globalization;
using System.Security.Claims;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Insights;

public static class InsightsEndpoints
{
    public const int DefaultTop = 50;
    public const int MaxTop = 200;

    public static RouteGroupBuilder MapInsightsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/insights").WithTags("Insights");
        group.MapGet("/", Board).RequireAuthorization(Policies.Employee);
        return group;
    }

    /// <summary>What customers ask for: backlog items by the feedback linked to them, biggest first.</summary>
    private static async Task<IResult> Board(string? window, string? top, ClaimsPrincipal user, InsightsQueries queries,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = string.IsNullOrEmpty(window) ? "30d" : window;
        TimeSpan? span = name switch
        {
            "7d" => TimeSpan.FromDays(7),
            "30d" => TimeSpan.FromDays(30),
            "90d" => TimeSpan.FromDays(90),
            "all" => null,
            _ => TimeSpan.Zero,
        };
        if (span == TimeSpan.Zero)
        {
            errors["window"] = ["'window' must be 7d, 30d, 90d or all."];
        }

        var count = DefaultTop;
        if (!string.IsNullOrEmpty(top)
            && !(int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= MaxTop))
        {
            errors["top"] = [$"'top' must be a whole number from 1 to {MaxTop}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        DateTime? since = span is { } s ? time.GetUtcNow().UtcDateTime - s : null;
        return TypedResults.Ok(await queries.Board(name, since, count, user.GetDepartmentId()!.Value, cancellationToken));
    }
}
