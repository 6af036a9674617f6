namespace GamifyHub.Server.Activity;

public static class ActivityKinds
{
    public const string Award = "award";
    public const string Badge = "badge";
    public const string LevelUp = "level-up";
    public const string TopN = "top-n";
    public const string Resolved = "resolved";
    public const string Insight = "insight";
    public const string Kudos = "kudos";
}

/// <summary>One thing that happened, as read from the store, before <see cref="ActivityPrivacy"/> decides what shows.</summary>
/// <param name="Key">Unique and stable: kind and the id of its source row, concealed (it is the entry's public id).</param>
public sealed record ActivityRecord(string Key, string Kind, DateTime OccurredAt, ActivityRecord.Person? Actor, ActivityRecord.Person? Receiver,
    Guid? FeedbackId, int Points, string? Title, string? Text)
{
    public sealed record Person(Guid Id, string Name, Guid DepartmentId, string DepartmentName);
}

/// <param name="Id">Null when names are hidden.</param>
public sealed record ActivityPersonDto(Guid? Id, string? Name, Guid DepartmentId, string DepartmentName);

/// <param name="Actor">Who did it (for kudos: who gave it).</param>
/// <param name="Receiver">For kudos: who was thanked.</param>
/// <param name="Title">For a badge, level or top-N: its title in the request's language; for an insight: the backlog item.</param>
public sealed record ActivityEntryDto(string Id, string Kind, DateTime OccurredAt, ActivityPersonDto? Actor, ActivityPersonDto? Receiver,
    Guid? FeedbackId, int Points, string? Title, string? Text);

public sealed record ActivityPageDto(IReadOnlyList<ActivityEntryDto> Items, string? NextCursor);
