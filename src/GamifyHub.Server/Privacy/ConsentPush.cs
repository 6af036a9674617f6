using GamifyHub.Data.Reading;
using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Server.Boards;
using GamifyHub.Server.Live;

namespace GamifyHub.Server.Privacy;

/// <summary>
/// Tells watchers of every board a person is listed on that it changed: their row now shows their name (opt-in) or a new
/// pseudonym (opt-out). Boards hold ids and points only, so nothing is rescored. The push is a bare "read it again"
/// (<c>refresh</c>), never the row with the id it had before: a message pairing the old pseudonym with the name (or the name
/// with the new pseudonym) would undo the pseudonym for everyone watching.
/// </summary>
public sealed class ConsentPush(IGrainFactory grains, CompanyDirectory directory, BoardPresenter presenter,
    SignalRLiveNotifier notifier, ChallengeStore challenges, ILogger<ConsentPush> logger)
{
    public async Task ConsentChanged(Guid employeeId)
    {
        if (directory.Employee(employeeId) is not { } employee)
        {
            return;
        }

        var scopes = new[] { BoardScope.Employees, BoardScope.Department(employee.DepartmentId) };
        foreach (var scope in scopes)
        {
            foreach (var window in Enum.GetValues<BoardWindow>())
            {
                await PushRow(scope, window,
                    () => grains.GetGrain<IBoardGrain>(BoardKey.For(scope, window)).GetSnapshot(1, employeeId, false, 0));
            }
        }

        foreach (var id in await challenges.LiveIds())
        {
            await PushRow(BoardScope.Challenge(id), BoardWindow.All,
                () => grains.GetGrain<IChallengeGrain>(id).GetBoard(1, employeeId));
        }
    }

    private async Task PushRow(BoardScope scope, BoardWindow window, Func<Task<BoardSnapshot>> read)
    {
        try
        {
            var snapshot = await read();
            if (snapshot.Me is not { } row)
            {
                return;
            }

            // Only where others may see that rank at all (presented as everyone else sees it, no viewer).
            var board = presenter.Present(snapshot with { Rows = [row], Me = null });
            if (board.Rows.Count == 1 && board.Notice is null)
            {
                await notifier.Push(scope, window, board with { Rows = [], Refresh = true });
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not push a consent change to {Board}", scope.Name);
        }
    }
}
