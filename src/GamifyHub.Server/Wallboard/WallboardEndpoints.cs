using System.Security.Claims;
using GamifyHub.Domain.Boards;
using GamifyHub.Server.Activity;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Boards;
using GamifyHub.Server.Problems;
using GamifyHub.Server.Texts;

namespace GamifyHub.Server.Wallboard;

/// <summary>
/// The wallboard's read endpoints (a wallboard token or any signed-in employee), and the admin's token management.
/// A wallboard token reaches these and the hub's departments board — nothing else (see <see cref="Policies"/>).
/// </summary>
public static class WallboardEndpoints
{
    public const int HighlightsLimit = 12;

    public sealed record WallboardDto(string Name, int RotateSeconds);

    public sealed record TokenIn(string? Name);

    public sealed record TokenDto(Guid Id, string Name, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt);

    /// <param name="Token">Shown once: only its hash is stored.</param>
    public sealed record CreatedTokenDto(Guid Id, string Name, DateTime CreatedAt, string Token);

    public static RouteGroupBuilder MapWallboardEndpoints(this RouteGroupBuilder api)
    {
        var wall = api.MapGroup("/wallboard").WithTags("Wallboard").RequireAuthorization(Policies.Wallboard);
        wall.MapGet("", Info);
        wall.MapGet("/board", Board);
        // Company-wide: for the screen (and the admin who sets it up), not for every employee.
        wall.MapGet("/highlights", Highlights).RequireAuthorization(Policies.WallboardScreen);
        wall.MapGet("/challenges", Challenges).RequireAuthorization(Policies.WallboardScreen);
        // Every department's read rate (withheld ones without it) against the study's baseline: team figures only.
        wall.MapGet("/engagement", (Analytics.AnalyticsQueries queries) => queries.Wallboard()).RequireAuthorization(Policies.WallboardScreen);

        var admin = api.MapGroup("/admin/wallboard-tokens").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("", List);
        admin.MapPost("", Create);
        admin.MapDelete("/{id:guid}", Revoke);
        return api;
    }

    /// <param name="Progress">The whole scope's value (company goal), or the best team's in team against team; null for a
    /// department challenge, whose progress is each person's (not for a screen in the hall).</param>
    public sealed record WallboardChallengeDto(Guid Id, string Name, string Scope, double Target, double? Progress, DateTimeOffset EndsAt,
        IReadOnlyList<WallboardTeamDto> Teams);

    public sealed record WallboardTeamDto(int Rank, string Name, double? Value);

    /// <summary>
    /// Active challenges of every department, for the screen (wallboard callers and admins only): names, goals and team standings only — never a person's name or value, because a
    /// wallboard is read by everyone passing by.
    /// </summary>
    private static async Task<List<WallboardChallengeDto>> Challenges(GamifyHub.Data.Reading.ChallengeStore store, IGrainFactory grains,
        GamifyHub.Data.Reading.CompanyDirectory directory, Privacy.Visibility visibility)
    {
        var rows = await store.List();
        var views = await Task.WhenAll(rows.Select(r => grains.GetGrain<GamifyHub.Grains.IChallengeGrain>(r.Id).Get()));
        return [.. views.OfType<GamifyHub.Grains.ChallengeView>().Where(v => v.Status == "active").Select(v =>
        {
            // Teams below the minimum group size show no value and no rank; the others are ranked among themselves.
            var ranked = v.Units.Where(u => !visibility.Withheld(u.Id)).ToList();
            var teams = v.Scope == "team-vs-team"
                ? v.Units.Select(u => visibility.Withheld(u.Id)
                        ? new WallboardTeamDto(0, directory.Department(u.Id)?.Name ?? "unknown", null)
                        : new WallboardTeamDto(1 + ranked.Count(o => o.Rank < u.Rank), directory.Department(u.Id)?.Name ?? "unknown", u.Value))
                    .OrderBy(t => t.Rank == 0).ThenBy(t => t.Rank).ToList()
                : [];
            var progress = v.Scope switch
            {
                "company" => v.Total,
                "team-vs-team" => teams.Count > 0 && teams[0].Rank > 0 ? teams[0].Value : null,
                _ => null,
            };
            return new WallboardChallengeDto(v.Id, v.Name, v.Scope, v.Target, progress, v.EndsAt, teams);
        })];
    }

    private static WallboardDto Info(ClaimsPrincipal user, IConfiguration configuration) =>
        new(user.Identity?.Name ?? "wallboard", Math.Clamp(configuration.GetValue("Wallboard:RotateSeconds", 15), 5, 300));

    private static async Task<IResult> Board(ClaimsPrincipal user, BoardReader reader, string? window = null)
    {
        if (BoardReader.Validate("departments", window, out var scope, out var parsedWindow) is { } error)
        {
            return ApiProblems.Validation("window", error);
        }

        return TypedResults.Ok(await reader.Read(scope, parsedWindow, 20, aroundMe: false, user));
    }

    /// <summary>Someone on the screen: a first name (only of colleagues who opted in to be shown by name), else no one, and
    /// their department.</summary>
    public sealed record WallboardPersonDto(string? Name, string DepartmentName);

    /// <summary>A highlight as a screen in the hall shows it. It carries no id of any kind (no entry, event, person or item id),
    /// so nothing on the screen can be joined with another list.</summary>
    public sealed record WallboardHighlightDto(string Kind, DateTime OccurredAt, WallboardPersonDto? Actor, WallboardPersonDto? Receiver,
        int Points, string? Title);

    public sealed record WallboardHighlightsDto(IReadOnlyList<WallboardHighlightDto> Items);

    private static async Task<WallboardHighlightsDto> Highlights(ActivityQueries queries, ActivityPrivacy privacy, Localizer texts,
        CancellationToken cancellationToken)
    {
        var (items, _) = await queries.Read(null, null, HighlightsLimit, texts.Language, cancellationToken);
        static WallboardPersonDto? Person(ActivityPersonDto? p) => p is null ? null : new WallboardPersonDto(p.Name, p.DepartmentName);
        return new WallboardHighlightsDto([.. items.Select(r => privacy.Present(r, ActivityAudience.Wallboard)).OfType<ActivityEntryDto>()
            .Select(e => new WallboardHighlightDto(e.Kind, e.OccurredAt, Person(e.Actor), Person(e.Receiver), e.Points, e.Title))]);
    }

    private static async Task<List<TokenDto>> List(WallboardTokens tokens) =>
        [.. (await tokens.ListAsync()).Select(t => new TokenDto(t.Id, t.Name, Utc(t.CreatedAt), t.CreatedBy, t.RevokedAt is { } r ? Utc(r) : null))];

    private static async Task<IResult> Create(TokenIn? body, ClaimsPrincipal user, WallboardTokens tokens)
    {
        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            return ApiProblems.Validation("name", "'name' must say where the screen hangs (1 to 100 characters), e.g. \"Lobby TV\".");
        }

        var (entry, token) = await tokens.CreateAsync(name, AdminEndpoints.Actor(user));
        return TypedResults.Created($"/api/admin/wallboard-tokens/{entry.Id}", new CreatedTokenDto(entry.Id, entry.Name, Utc(entry.CreatedAt), token));
    }

    private static async Task<IResult> Revoke(Guid id, ClaimsPrincipal user, WallboardTokens tokens, ISessionRevocations revocations)
    {
        if (!await tokens.RevokeAsync(id, AdminEndpoints.Actor(user)))
        {
            return ApiProblems.NotFound($"No wallboard token {id}.");
        }

        // Stored first: the aborted screen's reconnect is then refused.
        await revocations.RevokeAsync(SessionSubject.Credential(id));
        return TypedResults.NoContent();
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
