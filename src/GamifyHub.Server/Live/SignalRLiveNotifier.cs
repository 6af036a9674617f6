using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Boards;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>
/// Delivers grain pushes to browsers through the hub's groups and users. As <see cref="ILiveNotifier"/> it is the direct
/// path (the host registers <see cref="InboxLiveNotifier"/> in front of it, so personal notifications are stored first);
/// as <see cref="IPersonalPush"/> it is what the notification centre pushes through once a notification is stored.
/// </summary>
public sealed class SignalRLiveNotifier(IHubContext<LiveHub> hub, BoardPresenter presenter) : ILiveNotifier, IPersonalPush
{
    public const string NotificationMethod = "Notification";
    public const string UnreadCountMethod = "UnreadCount";

    public Task BoardChanged(BoardSnapshot change)
    {
        var key = BoardKey.Parse($"{change.Board}/{change.Window}");
        return hub.Clients.Group(BoardReader.Group(key.Scope, key.Window)).SendAsync("BoardChanged", presenter.Present(change));
    }

    public Task Notify(Guid employeeId, LiveNotification notification) => Notification(employeeId, notification);

    public Task Notification(Guid employeeId, LiveNotification notification) =>
        hub.Clients.User(employeeId.ToString()).SendAsync(NotificationMethod, notification);

    public Task UnreadCount(Guid employeeId, int unread) =>
        hub.Clients.User(employeeId.ToString()).SendAsync(UnreadCountMethod, new { unread });
}
