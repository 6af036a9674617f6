namespace GamifyHub.Server.Feedback;

// Wire shapes of the feedback API. Inputs are strings so that every mistake gets a precise message
// instead of a generic binding failure.

public sealed record FeedbackIn(string? Channel, string? ExternalId, string? Author, string? Text, string? Url,
    string? Language, string? CreatedAt);

public sealed record FeedbackBatchIn(List<FeedbackIn?>? Items);

public sealed record DepartmentRef(Guid Id, string Name);

/// <param name="Duplicate">The (channel, externalId) was already known: nothing was stored, this is the earlier item.</param>
/// <param name="DuplicateOf">The earlier item whose text this one reposts (near-duplicate); stored and flagged all the same.</param>
public sealed record FeedbackAccepted(Guid Id, IReadOnlyList<DepartmentRef> Departments, bool Duplicate, Guid? DuplicateOf = null);

public sealed record FeedbackBatchAccepted(IReadOnlyList<FeedbackAccepted> Results);

public sealed record FeedbackItemDto(Guid Id, string Channel, string ExternalId, string Author, string Text, string? Url,
    string Language, string Sentiment, string Priority, string Status, IReadOnlyList<DepartmentRef> Departments,
    DateTime CreatedAt, int ReplyCount, bool ReadByMe, DateTime ReceivedAt = default, Guid? DuplicateOf = null);

public sealed record FeedbackPage(IReadOnlyList<FeedbackItemDto> Items, int Total, int Page, int PageSize);

public sealed record HistoryEntry(Guid EventId, string Type, string EmployeeName, string DepartmentName, DateTime OccurredAt,
    string? Detail);

public sealed record FeedbackDetail(FeedbackItemDto Item, IReadOnlyList<HistoryEntry> History);

/// <param name="DwellSeconds">For a read: how long the item was on screen (0 to 86400), when the client knows it.</param>
public sealed record ActionIn(string? Type, string? Text, string? DepartmentId, string? Note, string? Title, string? Url,
    int? DwellSeconds = null);

public sealed record AwardDto(int Points, string Category, string Rule, string Reason, int RuleVersion);

public sealed record ActionAccepted(Guid EventId, string Type, int Points, IReadOnlyList<AwardDto> Awards, string Status);
