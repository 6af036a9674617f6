using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Challenges;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Challenges;

/// <summary>Challenges: everyone signed in as an employee lists theirs; managers and admins create, schedule and cancel.</summary>
public static class ChallengeEndpoints
{
    public static RouteGroupBuilder MapChallengeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/challenges").WithTags("Challenges");
        group.MapGet("/", List).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/badges", Badges).RequireAuthorization(Policies.Employee);
        group.MapPost("/", Create).RequireAuthorization(Policies.ChallengeManager);
        group.MapPost("/{id:guid}/schedule", Schedule).RequireAuthorization(Policies.ChallengeManager);
        group.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.ChallengeManager);
        return group;
    }

    /// <summary>The challenges the user sees (see <see cref="ChallengeAccess.CanSee"/>), newest first.</summary>
    private static async Task<IResult> List(ClaimsPrincipal user, ChallengeStore store, IGrainFactory grains, CompanyDirectory directory,
        ChallengePresenter presenter)
    {
        var rows = await store.List();
        var views = await Task.WhenAll(rows.Select(r => grains.GetGrain<IChallengeGrain>(r.Id).Get()));
        return TypedResults.Ok(views.OfType<ChallengeView>().Where(v => ChallengeAccess.CanSee(user, v, directory))
            .Select(v => presenter.Present(v, user)).ToList());
    }

    /// <summary>Badges the signed-in employee earned in challenges, newest first.</summary>
    private static async Task<IResult> Badges(ClaimsPrincipal user, ChallengeStore store)
    {
        var badges = await store.BadgesOf(user.GetEmployeeId()!.Value);
        return TypedResults.Ok(badges.Select(b => new ChallengeBadgeDto(b.Badge, DateTime.SpecifyKind(b.At, DateTimeKind.Utc))).ToList());
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, ChallengeLookup challenges, ChallengePresenter presenter) =>
        await challenges.Visible(id, user) is { } view
            ? TypedResults.Ok(presenter.Present(view, user))
            : ApiProblems.NotFound(NotFoundMessage(id));

    public static string NotFoundMessage(Guid id) => $"There is no challenge {id} you can see.";

    private static async Task<IResult> Create(ChallengeIn? body, ClaimsPrincipal user, IGrainFactory grains, CompanyDirectory directory,
        TimeProvider time, ChallengePresenter presenter)
    {
        if (body is null)
        {
            return ApiProblems.Validation("body", "A JSON body describing the challenge is required.");
        }

        var draft = new ChallengeDraft(body.Name, body.Description, body.Metric, body.Action, body.Category, body.Target, body.StartsAt,
            body.EndsAt, body.Scope, body.DepartmentIds, body.RewardPoints, body.RewardBadge, body.Recurrence);
        var errors = ChallengeValidator.Validate(draft, time.GetUtcNow(), directory.Departments.Select(d => d.Id).ToHashSet(), out var definition);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var scope = ChallengeNames.Scope(definition!.Scope.Kind);
        if (!ChallengeAccess.CanManage(user, scope, definition.Scope.DepartmentIds, directory))
        {
            return ApiProblems.Forbidden(scope == "company"
                ? "Only admins create company-wide challenges."
                : "You can only create challenges for the departments you manage.");
        }

        var id = Guid.CreateVersion7();
        var spec = new ChallengeSpec(body.Name, body.Description, body.Metric, body.Action, body.Category, body.Target, body.StartsAt,
            body.EndsAt, body.Scope, body.DepartmentIds, body.RewardPoints, body.RewardBadge, body.Recurrence);
        var change = await grains.GetGrain<IChallengeGrain>(id).Create(spec, Actor(user), body.Schedule ?? false);
        return change.View is null
            ? ApiProblems.Conflict(change.Conflict ?? "The challenge could not be created.")
            : TypedResults.Created($"/api/challenges/{id}", presenter.Present(change.View, user));
    }

    private static Task<IResult> Schedule(Guid id, ClaimsPrincipal user, IGrainFactory grains, CompanyDirectory directory,
        ChallengeLookup challenges, ChallengePresenter presenter) =>
        Change(id, user, grains, directory, challenges, presenter, g => g.Schedule(Actor(user)));

    private static Task<IResult> Cancel(Guid id, ClaimsPrincipal user, IGrainFactory grains, CompanyDirectory directory,
        ChallengeLookup challenges, ChallengePresenter presenter) =>
        Change(id, user, grains, directory, challenges, presenter, g => g.Cancel(Actor(user)));

    private static async Task<IResult> Change(Guid id, ClaimsPrincipal user, IGrainFactory grains, CompanyDirectory directory,
        ChallengeLookup challenges, ChallengePresenter presenter, Func<IChallengeGrain, Task<ChallengeChange>> command)
    {
        if (await challenges.Visible(id, user) is not { } view)
        {
            return ApiProblems.NotFound(NotFoundMessage(id));
        }

        var grain = grains.GetGrain<IChallengeGrain>(id);

        if (!ChallengeAccess.CanManage(user, view.Scope, view.DepartmentIds, directory))
        {
            return ApiProblems.Forbidden("You can only change challenges of the departments you manage.");
        }

        var change = await command(grain);
        return change.Conflict is { } conflict
            ? ApiProblems.Conflict(conflict)
            : TypedResults.Ok(presenter.Present(change.View!, user));
    }

    private static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";
}
