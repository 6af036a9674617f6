using GamifyHub.Data.Reading;
using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Server.Boards;
using GamifyHub.Server.Live;

namespace GamifyHub.Server.Privacy;

/// <summary>
/// Tells watchers of every board a person is on that their row now shows their name (opt-in) or their pseudonym (opt-out).
/// Boards hold ids and points only, so nothing is rescored: the person's row is read from each board grain (which gives it
/// a new version) and pushed with <c>replaces</c> naming the id it had before, so watchers swap the row in place.
/// </summary>
public sealed class ConsentPush(IGrainFactory grains, CompanyDirectory directory, BoardPresenter presenter, Visibility visibility,
    SignalRLiveNotifier notifier, ChallengeStore challenges, ILogger<ConsentPush> logger)
{
    public async Task ConsentChanged(Guid employeeId, bool rankedByName)
    {
        if (directory.Employee(employeeId) is not { } employee)
        {
            return;
        }

        var before = visibility.PublicId(employeeId, !rankedByName);
        var scopes = new[] { BoardScope.Employees, BoardScope.Department(employee.DepartmentId) };
        foreach (var scope in scopes)
        {
            foreach (var window in Enum.GetValues<BoardWindow>())
            {
                await PushRow(scope, window, before,
                    () => grains.GetGrain<IBoardGrain>(BoardKey.For(scope, window)).GetSnapshot(1, employeeId, false, 0));
            }
        }

        foreach (var id in await challenges.LiveIds())
        {
            await PushRow(BoardScope.Challenge(id), BoardWindow.All, before,
                () => grains.GetGrain<IChallengeGrain>(id).GetBoard(1, employeeId));
        }
    }

    private async Task PushRow(BoardScope scope, BoardWindow window, Guid before, Func<Task<BoardSnapshot>> read)
    {
        try
        {
            var snapshot = await read();
            if (snapshot.Me is not { } row)
            {
                return;
            }

            // Presented as everyone else sees it (no viewer), and only if others may see that rank at all.
            var board = presenter.Present(snapshot with { Rows = [row], Me = null });
            if (board.Rows.Count == 1 && board.Notice is null)
            {
                await notifier.Push(scope, window, board with { Rows = [board.Rows[0] with { Replaces = before }] });
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not push a consent change to {Board}", scope.Name);
        }
    }
}
