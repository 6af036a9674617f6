using GamifyHub.Data.Entities;

namespace GamifyHub.Data.Notifications;

/// <summary>A change to one employee's notification centre, made in the writer's next group commit (see <see cref="NotificationStore"/>).</summary>
public abstract record NotificationChange(Guid EmployeeId);

/// <summary>Stores notifications (a repeated id is kept once: the unique index on (EmployeeId, NotificationId) decides), then, with
/// <paramref name="Keep"/>, drops what lies beyond that person's newest <paramref name="Keep"/>.</summary>
public sealed record AddNotifications(Guid EmployeeId, IReadOnlyList<NotificationEntry> Entries, int? Keep) : NotificationChange(EmployeeId);

/// <summary>Marks the given notifications read, or every unread one when <paramref name="Ids"/> is null.</summary>
public sealed record MarkNotificationsRead(Guid EmployeeId, IReadOnlyList<Guid>? Ids, DateTime At) : NotificationChange(EmployeeId);

/// <summary>Replaces the types the person muted.</summary>
public sealed record ReplaceMutedTypes(Guid EmployeeId, IReadOnlyList<string> Types) : NotificationChange(EmployeeId);

/// <param name="Stored">Per added entry: stored (false: that person has this notification already).</param>
/// <param name="UnreadChange">How the person's unread count moved: stored ones add, read-marked and dropped unread ones subtract.</param>
public sealed record NotificationChanged(IReadOnlyList<bool> Stored, int UnreadChange)
{
    public static NotificationChanged None { get; } = new([], 0);
}
