namespace GamifyHub.Grains.Live;

/// <summary>The raw push to every open tab of one employee (SignalR user), used by the notification centre after it
/// stored a notification. Everyone else sends personal notifications through <see cref="ILiveNotifier.Notify"/>.</summary>
public interface IPersonalPush
{
    Task Notification(Guid employeeId, LiveNotification notification);

    /// <summary>The employee's unread count changed (a new notification, or read in another tab).</summary>
    Task UnreadCount(Guid employeeId, int unread);
}
