namespace GamifyHub.Grains.Live;

/// <summary>A personal notification. <see cref="Title"/> and <see cref="Message"/> are English; <see cref="Translations"/>
/// has them in the other languages, so each open tab shows the language its user picked.</summary>
[GenerateSerializer, Immutable, Alias("gh.LiveNotification.v1")]
public sealed record LiveNotification(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string Title,
    [property: Id(3)] string Message,
    [property: Id(4)] int Points,
    [property: Id(5)] DateTime OccurredAt,
    [property: Id(6)] IReadOnlyDictionary<string, NotificationText>? Translations = null);

[GenerateSerializer, Immutable, Alias("gh.NotificationText.v1")]
public sealed record NotificationText([property: Id(0)] string Title, [property: Id(1)] string Message);
