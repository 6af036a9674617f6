using GamifyHub.Data.Entities;

namespace GamifyHub.Data.Writing;

public static class FeedbackItemFactory
{
    /// <summary>A new stored item with a time-ordered id (SQLite appends far faster with v7 GUIDs than random ones).</summary>
    public static FeedbackItem Create(FeedbackIntake i, DateTime receivedAt, string? fingerprint = null, Guid? duplicateOf = null)
    {
        var id = Guid.CreateVersion7();
        return new FeedbackItem
        {
            Id = id,
            Channel = i.Channel,
            ExternalId = i.ExternalId,
            Author = i.Author,
            Text = i.Text,
            Url = i.Url,
            Language = i.Language,
            Sentiment = i.Sentiment,
            Priority = i.Priority,
            CreatedAt = i.CreatedAt,
            ReceivedAt = receivedAt,
            MentionsEmployee = i.MentionsEmployee,
            Fingerprint = fingerprint,
            DuplicateOfId = duplicateOf,
            Topics = string.Join(',', i.Topics ?? []),
            Products = string.Join(',', i.Products ?? []),
            Routings = [.. i.DepartmentIds.Select(d => new FeedbackRouting { FeedbackId = id, DepartmentId = d, RoutedAt = receivedAt })],
        };
    }
}
