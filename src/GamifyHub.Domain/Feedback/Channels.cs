namespace GamifyHub.Domain.Feedback;

/// <summary>The social channels feedback can arrive from. Kept as lower-case ids on the wire and in storage.</summary>
public static class Channels
{
    public static readonly IReadOnlyList<string> Known =
    [
        "facebook", "linkedin", "x", "xing", "youtube", "instagram", "appstore", "playstore", "blog", "email",
    ];

    public static bool IsKnown(string? channel) => channel is not null && Known.Contains(channel);
}
