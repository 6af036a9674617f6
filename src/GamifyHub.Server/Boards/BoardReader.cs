using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;

namespace GamifyHub.Server.Boards;

/// <summary>Parses and reads a board for a signed-in user; shared by the API and the hub.</summary>
public sealed class BoardReader(IGrainFactory grains, BoardPresenter presenter, CompanyDirectory directory)
{
    public const int MaxTop = 100;
    public const string UnknownDepartmentMessage = "There is no department with this id.";
    private const int AroundRadius = 5;

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

    /// <summary>A <c>department-{id}</c> board of no department: refused from the directory, before any board grain is
    /// activated for it (each would hold a timer).</summary>
    public bool UnknownDepartment(BoardScope scope) =>
        scope.Kind == BoardKind.Department && directory.Department(scope.DepartmentId!.Value) is null;

    /// <summary>Whether the board ranks individuals (employees, or one department's employees).</summary>
    public static bool IsIndividual(BoardScope scope) => scope.Kind is BoardKind.Employees or BoardKind.Department;

    public async Task<BoardDto> Read(BoardScope scope, BoardWindow window, int top, bool aroundMe, ClaimsPrincipal user)
    {
        var viewer = user.GetEmployeeId();
        if (scope.ChallengeId is { } challenge)
        {
            // A challenge's board is its current occurrence whatever the window; in team-vs-team its rows are departments.
            var grain = grains.GetGrain<IChallengeGrain>(challenge);
            var view = await grain.Get();
            var mine = view?.Scope == "team-vs-team" ? user.GetDepartmentId() : viewer;
            var board = await grain.GetBoard(top, mine);
            if (presenter.NeedsWholeBoard(board))
            {
                return Cut(presenter.Present(await grain.GetBoard(int.MaxValue, mine), viewer), top, false);
            }

            return presenter.Present(board, viewer);
        }

        if (scope.Kind == BoardKind.Departments)
        {
            var departments = grains.GetGrain<IBoardGrain>(BoardKey.For(scope, window));
            var snapshot = await departments.GetSnapshot(top, user.GetDepartmentId(), aroundMe, AroundRadius);
            return presenter.NeedsWholeBoard(snapshot)
                ? Cut(presenter.Present(await departments.GetSnapshot(int.MaxValue, user.GetDepartmentId(), false, 0), viewer), top, aroundMe)
                : presenter.Present(snapshot, viewer);
        }

        var individual = await grains.GetGrain<IBoardGrain>(BoardKey.For(scope, window)).GetSnapshot(top, viewer, aroundMe, AroundRadius);
        return presenter.Present(individual, viewer);
    }

    /// <summary>Top rows (or rows near mine) of a department board presented whole: ranked first, withheld ones after.</summary>
    private static BoardDto Cut(BoardDto whole, int top, bool aroundMe)
    {
        var ranked = whole.Rows.Where(r => !r.Withheld).ToList();
        var withheld = whole.Rows.Where(r => r.Withheld).ToList();
        IEnumerable<BoardRowDto> rows = ranked.Take(top).Concat(withheld.Take(Math.Max(0, top - ranked.Count)));
        if (aroundMe && whole.Me is { Withheld: false } me && ranked.FindIndex(r => r.MemberId == me.MemberId) is var at and >= 0)
        {
            rows = ranked.Skip(Math.Max(0, at - AroundRadius)).Take(2 * AroundRadius + 1);
        }

        return whole with { Rows = [.. rows] };
    }

    /// <summary>The hub group of a board; a challenge has one group whatever window its watchers name.</summary>
    public static string Group(BoardScope scope, BoardWindow window) =>
        $"board:{BoardKey.For(scope, scope.Kind == BoardKind.Challenge ? BoardWindow.All : window)}";
}
