using GamifyHub.Server.Feedback;

namespace GamifyHub.Server.Webhooks;

/// <summary>
/// A delivery: one feedback item (the fields of <c>POST /api/feedback</c>; <c>channel</c> may be left out when the source
/// has one) or <c>{"items": [...]}</c> with up to 1,000 of them.
/// </summary>
public sealed record WebhookIn(string? Channel, string? ExternalId, string? Author, string? Text, string? Url, string? Language,
    string? CreatedAt, List<FeedbackIn?>? Items)
{
    public bool IsBatch => Items is not null;

    public bool HasItemFields => Channel is not null || ExternalId is not null || Author is not null || Text is not null || Url is not null
        || Language is not null || CreatedAt is not null;

    public FeedbackIn AsItem() => new(Channel, ExternalId, Author, Text, Url, Language, CreatedAt);
}

public sealed record WebhookSourceIn(string? Name, string? Channel);

public sealed record WebhookSourceDto(string Name, string? Channel, string Url, DateTime CreatedAt, DateTime SecretSetAt, string CreatedBy);

/// <summary>The only answer that ever carries the secret: keep it now, it cannot be shown again.</summary>
public sealed record WebhookSourceCreated(string Name, string? Channel, string Url, string Secret, DateTime SecretSetAt);
