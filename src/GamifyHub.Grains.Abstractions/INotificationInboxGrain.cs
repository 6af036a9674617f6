using Orleans.Concurrency;
using GamifyHub.Grains.Live;

namespace GamifyHub.Grains;

/// <summary>
/// One employee's notification centre: stores what reaches them (unless they muted its type), keeps the unread count,
/// and pushes each new notification and every change of the count to all of that employee's open tabs.
/// </summary>
[Alias("gh.INotificationInboxGrain")]
public interface INotificationInboxGrain : IGrainWithGuidKey
{
    /// <summary>Stores and pushes one notification; a muted type is dropped, a repeated id is stored once. One-way: the
    /// sender (an employee grain scoring, a board ticking) never waits for the notification centre's write.</summary>
    [Alias("Deliver"), OneWay]
    Task Deliver(LiveNotification notification);

    /// <param name="before">Paging cursor: only notifications older than this one (the previous page's <c>NextCursor</c>).</param>
    [Alias("List")]
    Task<NotificationPage> List(long? before, int limit, bool unreadOnly);

    /// <summary>The unread count, kept by the grain (no query).</summary>
    [Alias("GetUnread")]
    Task<int> GetUnread();

    /// <summary>Marks the given notifications read; unknown ids are ignored. Answers the unread count after.</summary>
    [Alias("MarkRead")]
    Task<int> MarkRead(IReadOnlyList<Guid> ids);

    [Alias("MarkAllRead")]
    Task<int> MarkAllRead();

    [Alias("GetMuted")]
    Task<IReadOnlyList<string>> GetMuted();

    /// <summary>Replaces the muted types (callers validate them against <c>NotificationTypes.All</c>).</summary>
    [Alias("SetMuted")]
    Task SetMuted(IReadOnlyList<string> types);
}

[GenerateSerializer, Immutable, Alias("gh.StoredNotification.v1")]
public sealed record StoredNotification(
    [property: Id(0)] long Seq,
    [property: Id(1)] LiveNotification Notification,
    [property: Id(2)] DateTime? ReadAt);

/// <param name="NextCursor">Pass as <c>before</c> for the next page; null when this is the last one.</param>
[GenerateSerializer, Immutable, Alias("gh.NotificationPage.v1")]
public sealed record NotificationPage(
    [property: Id(0)] IReadOnlyList<StoredNotification> Items,
    [property: Id(1)] int Unread,
    [property: Id(2)] long? NextCursor);
