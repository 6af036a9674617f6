using System.Security.Claims;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Boards;

public static class BoardEndpoints
{
    public const string IndividualBoardsOffMessage =
        "Individual boards are switched off by the company's privacy settings; the departments board is available.";

    public static RouteGroupBuilder MapBoardEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/boards").WithTags("Boards");
        group.MapGet("/{board}", Get).RequireAuthorization(Auth.Policies.SignedIn).RequireRateLimiting(Security.RateLimits.Boards);
        return group;
    }

    private static async Task<IResult> Get(string board, string? window, int? top, string? around, string? view,
        ClaimsPrincipal user, BoardReader reader, DepartmentViews departmentViews, Privacy.Visibility privacy,
        Challenges.ChallengeLookup challenges)
    {
        if (BoardReader.Validate(board, window, out var scope, out var parsedWindow) is { } error)
        {
            return ApiProblems.Validation(window is null ? "board" : "board/window", error);
        }

        // A challenge's board answers only whoever may see the challenge (and unknown ids activate no grain).
        if (scope.ChallengeId is { } challenge && await challenges.Visible(challenge, user) is null)
        {
            return ApiProblems.NotFound(Challenges.ChallengeEndpoints.NotFoundMessage(challenge));
        }

        if (top is < 1 or > BoardReader.MaxTop)
        {
            return ApiProblems.Validation("top", $"'top' is between 1 and {BoardReader.MaxTop}.");
        }

        if (around is not (null or "me"))
        {
            return ApiProblems.Validation("around", "'around' can only be 'me'.");
        }

        if (DepartmentViews.Validate(view, scope, out var parsedView) is { } viewError)
        {
            return ApiProblems.Validation("view", viewError);
        }

        if (reader.UnknownDepartment(scope))
        {
            return ApiProblems.NotFound(BoardReader.UnknownDepartmentMessage);
        }

        if (BoardReader.IsIndividual(scope) && !privacy.IndividualBoards)
        {
            return ApiProblems.Forbidden(IndividualBoardsOffMessage);
        }

        if (parsedView != DepartmentView.Raw)
        {
            return TypedResults.Ok(await departmentViews.Read(parsedWindow, parsedView, top ?? 10, around == "me", user));
        }

        return TypedResults.Ok(await reader.Read(scope, parsedWindow, top ?? 10, around == "me", user));
    }
}
