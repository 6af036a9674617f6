using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Sla;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Sla;

/// <summary>The SLA targets per priority: admins read and replace them.</summary>
public static class SlaEndpoints
{
    public static RouteGroupBuilder MapSlaEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/sla").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet("", Get);
        group.MapPut("", Replace);
        return api;
    }

    private static async Task<SlaTargetsDto> Get(SlaBook book, CancellationToken cancellationToken) =>
        Present(await book.GetAsync(cancellationToken));

    /// <summary>Replaces the targets of every priority at once; items' clocks follow the new targets from then on.</summary>
    private static async Task<IResult> Replace(SlaTargetsDto? body, ClaimsPrincipal user, SlaBook book)
    {
        if (body is null)
        {
            return ApiProblems.Validation("body",
                "A body {\"high\":{\"firstResponseMinutes\",\"resolutionMinutes\"},\"normal\":{…},\"low\":{…}} is required.");
        }

        var proposed = new Dictionary<Priority, SlaTarget?>
        {
            [Priority.High] = Target(body.High),
            [Priority.Normal] = Target(body.Normal),
            [Priority.Low] = Target(body.Low),
        };
        var errors = SlaPolicy.TryCreate(proposed, out var policy);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors.GroupBy(e => e.Path)
                .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Path}: {e.Message}").ToArray()));
        }

        await book.ReplaceAsync(policy!, AdminEndpoints.Actor(user));
        return TypedResults.Ok(Present(policy!));
    }

    /// <summary>A missing minute count becomes zero, which validation then names as out of range.</summary>
    private static SlaTarget? Target(SlaTargetDto? dto) => dto is null
        ? null
        : new SlaTarget(TimeSpan.FromMinutes(dto.FirstResponseMinutes ?? 0), TimeSpan.FromMinutes(dto.ResolutionMinutes ?? 0));

    private static SlaTargetsDto Present(SlaPolicy policy)
    {
        SlaTargetDto Dto(Priority p) => new((int)policy.For(p).FirstResponse.TotalMinutes, (int)policy.For(p).Resolution.TotalMinutes);
        return new SlaTargetsDto(Dto(Priority.High), Dto(Priority.Normal), Dto(Priority.Low));
    }
}
