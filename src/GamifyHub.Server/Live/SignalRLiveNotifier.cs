using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Boards;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>
/// Delivers grain pushes to browsers through the hub's groups (a board's, a person's). As <see cref="ILiveNotifier"/> it is the direct
/// path (the host registers <see cref="InboxLiveNotifier"/> in front of it, so personal notifications are stored first);
/// as <see cref="IPersonalPush"/> it is what the notification centre pushes through once a notification is stored.
/// </summary>
public sealed class SignalRLiveNotifier(IHubContext<LiveHub> hub, BoardPresenter presenter, IGrainFactory grains,
    ILogger<SignalRLiveNotifier> logger) : ILiveNotifier, IPersonalPush
{
    public const string NotificationMethod = "Notification";
    public const string UnreadCountMethod = "UnreadCount";

    public Task BoardChanged(BoardSnapshot change)
    {
        var key = BoardKey.Parse($"{change.Board}/{change.Window}");
        if (presenter.NeedsWholeBoard(change))
        {
            // A withheld department means the others are ranked again among themselves, which needs every row. The board
            // grain is inside this call (it awaits it), so its whole board is read after this turn, not from within it.
            _ = Task.Run(() => PushWholeBoard(key.Scope, key.Window));
            return Task.CompletedTask;
        }

        return Push(key.Scope, key.Window, presenter.Present(change));
    }

    /// <summary>Sends a presented board (or rows of it) to the board's watchers.</summary>
    public Task Push(BoardScope scope, BoardWindow window, BoardDto board) =>
        hub.Clients.Group(BoardReader.Group(scope, window)).SendAsync("BoardChanged", board);

    private async Task PushWholeBoard(BoardScope scope, BoardWindow window)
    {
        try
        {
            var whole = scope.ChallengeId is { } challenge
                ? await grains.GetGrain<IChallengeGrain>(challenge).GetBoard(int.MaxValue, null)
                : await grains.GetGrain<IBoardGrain>(BoardKey.For(scope, window)).GetSnapshot(int.MaxValue, null, false, 0);
            await Push(scope, window, presenter.Present(whole));
        }
        catch (Exception e)
        {
            // The next change pushes again; a watcher that reconnects reads the board afresh.
            logger.LogWarning(e, "Could not push the whole board {Board}", scope.Name);
        }
    }

    public Task Notify(Guid employeeId, LiveNotification notification) => Notification(employeeId, notification);

    public Task Notification(Guid employeeId, LiveNotification notification) =>
        hub.Clients.Group(LiveHub.PersonalGroup(employeeId)).SendAsync(NotificationMethod, notification);

    public Task UnreadCount(Guid employeeId, int unread) =>
        hub.Clients.Group(LiveHub.PersonalGroup(employeeId)).SendAsync(UnreadCountMethod, new { unread });
}
