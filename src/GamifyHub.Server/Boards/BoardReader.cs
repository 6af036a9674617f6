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
            return "'board' must be employees, departments or department-{id}.";
        }

        if (window is not null && !BoardWindows.TryParse(window, out parsedWindow))
        {
            return "'window' must be day, week, month, quarter, season or all.";
        }

        return null;
    }

    public async Task<BoardDto> Read(BoardScope scope, BoardWindow window, int top, bool aroundMe, ClaimsPrincipal user)
    {
        Guid? me = scope.Kind == BoardKind.Departments ? user.GetDepartmentId() : user.GetEmployeeId();
        var snapshot = await grains.GetGrain<IBoardGrain>(BoardKey.For(scope, window)).GetSnapshot(top, me, aroundMe, 5);
        return presenter.Present(snapshot);
    }

    public static string Group(BoardScope scope, BoardWindow window) => $"board:{BoardKey.For(scope, window)}";
}
