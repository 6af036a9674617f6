namespace GamifyHub.Grains.Live;

/// <summary>Pushes to browsers. The web host implements it over SignalR; grains never see connections.</summary>
public interface ILiveNotifier
{
    Task BoardChanged(BoardSnapshot change);

    Task Notify(Guid employeeId, LiveNotification notification);
}
