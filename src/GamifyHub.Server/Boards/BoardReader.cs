using System.Security.Claims;
using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;

namespace GamifyHub.Server.Boards;

/// <summary>Parses and reads a board for a signed-in user; shared by the API and the hub.</summary>
public sealed class BoardReader(IGrainFactory grains, BoardPresenter presenter)
{
    public const int MaxTop = 100;

    public static string? Validate(string? board, string? window, out BoardScope scope, out BoardWindow parsedWindow)
    {
        parsedWindow = BoardWindow.Week;
        if (!BoardScope.TryParse(board, out scope))
        {
            return "'board' must be employees, departments, department-{id} or challenge-{id}.";
        }

        if (window is not null && !BoardWindows.TryParse(window, out parsedWindow))
        {
            return "'window' must be day, week, month, quarter, season or all.";
        }

        return null;
    }

    public async Task<BoardDto> Read(BoardScope scope, BoardWindow window, int top, bool aroundMe, ClaimsPrincipal user)
    {
        if (scope.ChallengeId is { } challenge)
        {
            // A challenge's board is its current occurrence whatever the window; in team-vs-team its rows are departments.
            var grain = grains.GetGrain<IChallengeGrain>(challenge);
            var view = await grain.Get();
            var mine = view?.Scope == "team-vs-team" ? user.GetDepartmentId() : user.GetEmployeeId();
            return presenter.Present(await grain.GetBoard(top, mine));
        }

        Guid? me = scope.Kind == BoardKind.Departments ? user.GetDepartmentId() : user.GetEmployeeId();
        var snapshot = await grains.GetGrain<IBoardGrain>(BoardKey.For(scope, window)).GetSnapshot(top, me, aroundMe, 5);
        return presenter.Present(snapshot);
    }

    /// <summary>The hub group of a board; a challenge has one group whatever window its watchers name.</summary>
    public static string Group(BoardScope scope, BoardWindow window) =>
        $"board:{BoardKey.For(scope, scope.Kind == BoardKind.Challenge ? BoardWindow.All : window)}";
}
