namespace GamifyHub.Grains.Live;

/// <summary>Pushes to browsers. The web host implements it over SignalR; grains never see connections.</summary>
public interface ILiveNotifier
{
    Task BoardChanged(BoardSnapshot change);

    Task Notify(Guid employeeId, LiveNotification notification);
}

[GenerateSerializer, Immutable, Alias("gh.LiveNotification.v1")]
public sealed record LiveNotification(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string Title,
    [property: Id(3)] string Message,
    [property: Id(4)] int Points,
    [property: Id(5)] DateTime OccurredAt);
