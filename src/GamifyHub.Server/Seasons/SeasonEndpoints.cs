using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Seasons;

/// <summary>The season calendar: everyone signed in reads it; admins replace it as a whole.</summary>
public static class SeasonEndpoints
{
    /// <summary>A season; <c>start</c> and <c>end</c> are its first and last day (local dates, inclusive), <c>startsAt</c> and
    /// <c>endsAt</c> the UTC instants it begins and ends (local midnights).</summary>
    public sealed record SeasonDto(string Id, string Name, string Start, string End, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    /// <summary>The calendar in the company's time zone, the season running now and the next one to start.</summary>
    public sealed record SeasonsDto(string TimeZone, SeasonDto? Current, SeasonDto? Next, IReadOnlyList<SeasonDto> Seasons);

    public sealed record SeasonIn(string? Id, string? Name, string? Start, string? End);

    public sealed record SeasonCalendarIn(IReadOnlyList<SeasonIn?>? Seasons);

    public static RouteGroupBuilder MapSeasonEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/seasons", Get).WithTags("Seasons").RequireAuthorization(Policies.SignedIn);
        api.MapPut("/admin/seasons", Replace).WithTags("Administration").RequireAuthorization(Policies.Admin);
        return api;
    }

    private static SeasonsDto Get(SeasonBook seasons, TimeProvider time, IOptions<CompanyOptions> company) =>
        Present(seasons.Current, time.GetUtcNow(), company.Value);

    /// <summary>
    /// Replaces the whole calendar (an empty list removes every season). Season boards move to the new calendar's
    /// period at once; scores are recomputed from the log, so no points are lost by an edit.
    /// </summary>
    private static async Task<IResult> Replace(SeasonCalendarIn? body, ClaimsPrincipal user, SeasonBook seasons, TimeProvider time,
        IOptions<CompanyOptions> company)
    {
        if (body is null)
        {
            return ApiProblems.Validation("body", "A body {\"seasons\":[{\"id\",\"name\",\"start\",\"end\"}]} is required.");
        }

        var drafts = body.Seasons?.Select(s => s is null ? null : new SeasonDraft(s.Id, s.Name, s.Start, s.End)).ToList();
        var errors = SeasonCalendar.TryCreate(drafts, out var calendar);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors.GroupBy(e => e.Path)
                .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Path}: {e.Message}").ToArray()));
        }

        await seasons.ReplaceAsync(calendar!, AdminEndpoints.Actor(user));
        return TypedResults.Ok(Present(calendar!, time.GetUtcNow(), company.Value));
    }

    private static SeasonsDto Present(SeasonCalendar calendar, DateTimeOffset now, CompanyOptions company)
    {
        var zone = company.Zone;
        SeasonDto Dto(Season s)
        {
            var period = s.PeriodIn(zone);
            return new SeasonDto(s.Id, s.Name, Season.Format(s.Start), Season.Format(s.End), period.StartUtc, period.EndUtc);
        }

        return new SeasonsDto(company.TimeZone, calendar.At(now, zone) is { } current ? Dto(current) : null,
            calendar.After(now, zone) is { } next ? Dto(next) : null, [.. calendar.Seasons.Select(Dto)]);
    }
}
