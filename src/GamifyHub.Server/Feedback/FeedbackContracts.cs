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
    DateTime CreatedAt, DateTime ReceivedAt, int ReplyCount, bool ReadByMe, IReadOnlyList<string> Tags, Sla.SlaDto? Sla = null,
    bool MentionsEmployee = false, Guid? DuplicateOf = null, IReadOnlyList<string>? Topics = null, IReadOnlyList<string>? Products = null);

/// <param name="Total">How many items match, counted up to <see cref="FeedbackQueries.CountCap"/>; null on cursor pages
/// (the count belongs to where the list starts).</param>
/// <param name="TotalIsCapped">True when more than <c>Total</c> items match.</param>
/// <param name="Page">The page number for OFFSET paging (and 1 for the first page); null on cursor pages.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record FeedbackPage(IReadOnlyList<FeedbackItemDto> Items, int? Total, bool TotalIsCapped, int? Page, int PageSize,
    string? NextCursor);

/// <param name="Detail">A one-line summary (kept for older clients); the parts are in the other fields.</param>
/// <param name="Note">What the person wrote: the reply, the tag, a forward/resolve/reopen note.</param>
/// <param name="Title">An insight's backlog item title.</param>
/// <param name="Url">An insight's backlog item address.</param>
/// <param name="ToDepartment">Where a forward sent the item.</param>
/// <param name="EmployeeName">Who acted, as the reader may see them: a name, a pseudonym ("Colleague 4F2A"), "A colleague"
/// (<paramref name="Hidden"/>: a manager or admin while managers see no individuals) or "former employee".</param>
/// <param name="EmployeeId">The id that goes with that name: the person's id when shown by name, the pseudonym's id when
/// shown by pseudonym, null otherwise. Never a real id behind a pseudonym.</param>
/// <param name="ThankedByMe">The signed-in employee already thanked this colleague for this item.</param>
/// <param name="CanThank">The reader may thank whoever did this (a colleague's first thankable action on the item): send
/// <c>eventId</c> to <c>POST /api/kudos</c>; the server finds the person and does not say who it was.</param>
public sealed record HistoryEntry(Guid EventId, string Type, string EmployeeName, string DepartmentName, DateTime OccurredAt,
    string? Detail, string? Note, string? Title, string? Url, DepartmentRef? ToDepartment, Guid? EmployeeId = null, bool ThankedByMe = false,
    bool Pseudonym = false, bool Hidden = false, bool IsYou = false, bool CanThank = false);

/// <param name="Kind">"routed" (by the routing rules on arrival) or "forwarded" (by a person).</param>
public sealed record HandOff(string Kind, DepartmentRef? From, DepartmentRef To, string? By, DateTime At, string? Note);

public sealed record InsightLink(string Title, string? Url, string By, DepartmentRef Department, DateTime At);

public sealed record Resolution(string Note, string By, DateTime At);

public sealed record FeedbackDetail(FeedbackItemDto Item, IReadOnlyList<HistoryEntry> History, IReadOnlyList<HandOff> HandOffs,
    IReadOnlyList<InsightLink> Insights, Resolution? Resolution);

/// <param name="DwellSeconds">For a read: how long the item was on screen (0 to 86400), when the client knows it.</param>
public sealed record ActionIn(string? Type, string? Text, string? DepartmentId, string? Note, string? Title, string? Url,
    int? DwellSeconds = null);

public sealed record AwardDto(int Points, string Category, string Rule, string Reason, int RuleVersion);

public sealed record ActionAccepted(Guid EventId, string Type, int Points, IReadOnlyList<AwardDto> Awards, string Status);
