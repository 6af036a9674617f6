namespace GamifyHub.Grains.Live;

/// <summary>
/// The <see cref="ILiveNotifier"/> the host registers: board changes go straight to <paramref name="direct"/>; every
/// personal notification goes through the employee's <see cref="INotificationInboxGrain"/>, which stores it (or drops a
/// muted type) and then pushes it. So whatever a feature sends through <c>Notify</c> lands in the notification centre.
/// </summary>
public sealed class InboxLiveNotifier(IGrainFactory grains, ILiveNotifier direct) : ILiveNotifier
{
    public Task BoardChanged(BoardSnapshot change) => direct.BoardChanged(change);

    public Task Notify(Guid employeeId, LiveNotification notification) =>
        grains.GetGrain<INotificationInboxGrain>(employeeId).Deliver(notification);
}
