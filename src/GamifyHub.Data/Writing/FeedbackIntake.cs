using GamifyHub.Domain.Feedback;

namespace GamifyHub.Data.Writing;

/// <summary>A normalized, classified and routed feedback item ready to store.</summary>
public sealed record FeedbackIntake(
    string Channel,
    string ExternalId,
    string Author,
    string Text,
    string? Url,
    string Language,
    Sentiment Sentiment,
    Priority Priority,
    DateTime CreatedAt,
    IReadOnlyList<Guid> DepartmentIds,
    bool MentionsEmployee = false,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? Products = null);

/// <param name="Duplicate">The (channel, external id) was already known; nothing was stored.</param>
/// <param name="DuplicateOf">The earlier item whose text this one reposts (stored all the same, flagged).</param>
public sealed record IntakeOutcome(Guid Id, bool Duplicate, IReadOnlyList<Guid> DepartmentIds, Guid? DuplicateOf = null);
