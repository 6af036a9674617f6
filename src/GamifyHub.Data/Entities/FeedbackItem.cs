using GamifyHub.Domain.Feedback;

namespace GamifyHub.Data.Entities;

/// <summary>
/// One customer post as it arrived. <see cref="Status"/> and <see cref="ReplyCount"/> are projections of the
/// item's engagement events, updated in the same transaction as the event that changes them.
/// </summary>
public sealed class FeedbackItem
{
    public Guid Id { get; set; }
    public required string Channel { get; set; }
    public required string ExternalId { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public string? Url { get; set; }
    public required string Language { get; set; }
    public Sentiment Sentiment { get; set; }
    public Priority Priority { get; set; }
    public FeedbackStatus Status { get; set; }
    public int ReplyCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>
    /// The text names an employee of the company. Deliberately only a flag: who was named is not stored, so nothing
    /// can be attributed to them through it.
    /// </summary>
    public bool MentionsEmployee { get; set; }
    /// <summary>The canonical text's hash (see NearDuplicates); null when the text is too short to recognize a repost by.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>The earlier item whose text this one repeats (case, punctuation, links aside); null for an original.</summary>
    public Guid? DuplicateOfId { get; set; }

    /// <summary>
    /// Taxonomy topic names the item had when it arrived, comma-separated in taxonomy order ("" for none). Classified once at
    /// intake: a later taxonomy edit does not reclassify stored items.
    /// </summary>
    public string Topics { get; set; } = "";

    /// <summary>Taxonomy product names the item had when it arrived, like <see cref="Topics"/>.</summary>
    public string Products { get; set; } = "";
    public List<FeedbackRouting> Routings { get; set; } = [];
}

/// <summary>A department a feedback item was routed or forwarded to.</summary>
public sealed class FeedbackRouting
{
    public Guid FeedbackId { get; set; }
    public Guid DepartmentId { get; set; }
    public DateTime RoutedAt { get; set; }

    /// <summary>Null when routing rules sent it; the forwarding event otherwise.</summary>
    public Guid? ForwardedByEventId { get; set; }
}
