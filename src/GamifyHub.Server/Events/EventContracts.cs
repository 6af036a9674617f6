namespace GamifyHub.Server.Events;

public sealed record EventIn(string? EventId, string? Employee, string? Type, string? FeedbackId, string? OccurredAt);

public sealed record EventBatchIn(List<EventIn?>? Events);

/// <param name="Error">Set when the event was refused (e.g. the item is already resolved); nothing was stored then.</param>
public sealed record EventAccepted(Guid EventId, int Points, bool Duplicate, int Status = 200, string? Error = null);

public sealed record EventBatchAccepted(IReadOnlyList<EventAccepted> Results);
