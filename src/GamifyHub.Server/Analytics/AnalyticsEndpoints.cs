using System.Globalization;
using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Analytics;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Analytics;

/// <summary>Department engagement figures (team figures only; see docs/analytics.md). The benchmarks and the return model have
/// their own routes.</summary>
public static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalyticsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/company", Company);
        group.MapGet("/departments/{id:guid}", Department);
        group.MapGet("/departments/{id:guid}/trend", Trend);
        group.MapGet("/departments/{id:guid}/return", Return);
        group.MapGet("/departments/{id:guid}/lift", Lift);
        return api;
    }

    public static bool TryWindow(string? value, out AnalyticsWindow window)
    {
        window = AnalyticsWindow.Rolling30;
        return value is null || AnalyticsWindows.TryParse(value, out window);
    }

    private static IResult BadWindow() => ApiProblems.Validation("window",
        $"'window' must be one of {string.Join(", ", Enum.GetValues<AnalyticsWindow>().Select(AnalyticsWindows.Name))}.");

    /// <summary>404 for an unknown department, 403 for one the caller may not see; null when the caller may read it.</summary>
    private static IResult? Denied(Guid id, ClaimsPrincipal user, CompanyDirectory directory)
    {
        if (directory.Department(id) is null)
        {
            return ApiProblems.NotFound(AnalyticsAccess.NotFoundMessage(id));
        }

        return AnalyticsAccess.MaySee(user, id, directory) ? null : ApiProblems.Forbidden(AnalyticsAccess.ForbiddenMessage);
    }

    private static async Task<IResult> Department(Guid id, string? window, ClaimsPrincipal user, CompanyDirectory directory,
        AnalyticsQueries queries)
    {
        if (!TryWindow(window, out var parsed))
        {
            return BadWindow();
        }

        return Denied(id, user, directory) ?? TypedResults.Ok(await queries.Department(id, parsed));
    }

    private static async Task<IResult> Company(string? window, ClaimsPrincipal user, CompanyDirectory directory, AnalyticsQueries queries)
    {
        if (!TryWindow(window, out var parsed))
        {
            return BadWindow();
        }

        return TypedResults.Ok(await queries.Company(parsed, AnalyticsAccess.Visible(user, directory)));
    }

    private static async Task<IResult> Trend(Guid id, string? metric, string? days, ClaimsPrincipal user, CompanyDirectory directory,
        AnalyticsQueries queries)
    {
        var errors = new Dictionary<string, string[]>();
        var name = metric ?? "readRate";
        if (!AnalyticsQueries.TrendMetrics.Contains(name, StringComparer.Ordinal))
        {
            errors["metric"] = [$"'metric' must be one of {string.Join(", ", AnalyticsQueries.TrendMetrics)}."];
        }

        var count = AnalyticsQueries.DefaultTrendDays;
        if (days is not null && !(int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count)
                                  && count is >= 1 and <= AnalyticsQueries.MaxTrendDays))
        {
            errors["days"] = [$"'days' must be a whole number from 1 to {AnalyticsQueries.MaxTrendDays}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        return Denied(id, user, directory) ?? TypedResults.Ok(await queries.Trend(id, name, count));
    }

    private static async Task<IResult> Return(Guid id, string? window, ClaimsPrincipal user, CompanyDirectory directory, AnalyticsQueries queries)
    {
        if (!TryWindow(window, out var parsed))
        {
            return BadWindow();
        }

        return Denied(id, user, directory) ?? TypedResults.Ok(await queries.Return(id, parsed));
    }

    private static async Task<IResult> Lift(Guid id, ClaimsPrincipal user, CompanyDirectory directory, AnalyticsQueries queries) =>
        Denied(id, user, directory) ?? TypedResults.Ok(await queries.Lift(id));
}
