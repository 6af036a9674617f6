using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Boards;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>Delivers grain pushes to browsers through the hub's groups and users.</summary>
public sealed class SignalRLiveNotifier(IHubContext<LiveHub> hub, BoardPresenter presenter) : ILiveNotifier
{
    public Task BoardChanged(BoardSnapshot change)
    {
        var key = BoardKey.Parse($"{change.Board}/{change.Window}");
        return hub.Clients.Group(BoardReader.Group(key.Scope, key.Window)).SendAsync("BoardChanged", presenter.Present(change));
    }

    public Task Notify(Guid employeeId, LiveNotification notification) =>
        hub.Clients.User(employeeId.ToString()).SendAsync("Notification", notification);
}
