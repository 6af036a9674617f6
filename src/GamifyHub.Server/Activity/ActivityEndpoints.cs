using System.Globalization;
using System.Security.Claims;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Reading;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;
using GamifyHub.Server.Texts;

namespace GamifyHub.Server.Activity;

/// <summary>A department's activity feed: its members, its managers (members with the Manager role) and admins read it.</summary>
public static class ActivityEndpoints
{
    public const int DefaultLimit = 20;

    public static RouteGroupBuilder MapActivityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/departments/{id:guid}/activity", Department).WithTags("Activity").RequireAuthorization(Policies.SignedIn);
        return api;
    }

    private static async Task<IResult> Department(Guid id, ClaimsPrincipal user, CompanyDirectory directory, ActivityQueries queries,
        ActivityPrivacy privacy, Localizer texts, string? cursor = null, string? limit = null, CancellationToken cancellationToken = default)
    {
        if (directory.Department(id) is null)
        {
            return ApiProblems.NotFound($"No department {id}.");
        }

        if (!user.IsInRole(Roles.Admin) && user.GetDepartmentId() != id)
        {
            return ApiProblems.Forbidden("Only the department's members, its managers and admins see its activity.");
        }

        if (ParsePage(cursor, limit) is { Error: { } error })
        {
            return error;
        }

        var (after, take, _) = ParsePage(cursor, limit);
        var (items, next) = await queries.Read(id, after, take, texts.Language, cancellationToken);
        return TypedResults.Ok(new ActivityPageDto(
            [.. items.Select(r => privacy.Present(r, ActivityAudience.Colleagues, user)).OfType<ActivityEntryDto>()], next?.ToString()));
    }

    /// <summary>Cursor and page size of a feed request, or the problem with them.</summary>
    public static (ActivityQueries.Cursor? After, int Limit, IResult? Error) ParsePage(string? cursor, string? limit)
    {
        ActivityQueries.Cursor? after = null;
        if (cursor is not null)
        {
            if (!ActivityQueries.Cursor.TryParse(cursor, out var parsed))
            {
                return (null, 0, ApiProblems.Validation("cursor", "'cursor' must be the nextCursor of a previous page."));
            }

            after = parsed;
        }

        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take < 1
            || take > ActivityQueries.MaxLimit))
        {
            return (null, 0, ApiProblems.Validation("limit", $"'limit' must be a whole number from 1 to {ActivityQueries.MaxLimit}."));
        }

        return (after, take, null);
    }
}
