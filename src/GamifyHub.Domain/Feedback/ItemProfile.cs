namespace GamifyHub.Domain.Feedback;

/// <summary>What scoring needs to know about a feedback item from its intake: fixed for the item's life.</summary>
/// <param name="RoutedDepartments">The departments intake routed it to (forwards add more later).</param>
public sealed record ItemProfile(
    Guid ItemId,
    string Channel,
    Sentiment Sentiment,
    Priority Priority,
    string Language,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<Guid> RoutedDepartments);
