using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Scoring;

/// <summary>
/// When a rule applies. Every list that is null or empty means "any"; a condition on the item never matches an
/// event that has no item (an external event), because we cannot know it is true. The one exception is
/// <see cref="Answered"/> false: it asks whether a reply was recorded, and for no item none was.
/// </summary>
/// <param name="DepartmentIds">The actor's department, so a company can reward e.g. R&amp;D for listening.</param>
/// <param name="WithinSlaMinutes">The action happened at most this many minutes after the item was received.</param>
/// <param name="Answered">True: someone (anyone) replied to the item before this event, so the customer got an answer;
/// false: nobody did (or the event names no item); null: either. Lets a resolve pay "closed the loop" only when the loop
/// was closed.</param>
public sealed record RuleConditions(
    IReadOnlyList<string>? Channels = null,
    IReadOnlyList<Sentiment>? Sentiments = null,
    IReadOnlyList<Priority>? Priorities = null,
    IReadOnlyList<Guid>? DepartmentIds = null,
    IReadOnlyList<string>? Languages = null,
    int? WithinSlaMinutes = null,
    bool? Answered = null)
{
    /// <summary>True when every set condition holds for this event. Loops, no LINQ: this runs once per rule per event.</summary>
    public bool Matches(EngagementFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!IsAny(DepartmentIds) && !Contains(DepartmentIds!, fact.DepartmentId))
        {
            return false;
        }

        if (Answered is { } answered && answered != (fact.Item?.Answered ?? false))
        {
            return false;
        }

        var needsItem = !IsAny(Channels) || !IsAny(Sentiments) || !IsAny(Priorities) || !IsAny(Languages)
            || WithinSlaMinutes is not null;
        if (!needsItem)
        {
            return true;
        }

        if (fact.Item is not { } item)
        {
            return false;
        }

        return (IsAny(Channels) || ContainsText(Channels!, item.Channel))
            && (IsAny(Sentiments) || Contains(Sentiments!, item.Sentiment))
            && (IsAny(Priorities) || Contains(Priorities!, item.Priority))
            && (IsAny(Languages) || ContainsText(Languages!, item.Language))
            && (WithinSlaMinutes is not { } sla || fact.OccurredAt - item.ReceivedAt <= TimeSpan.FromMinutes(sla));
    }

    private static bool IsAny<T>(IReadOnlyList<T>? values) => values is null || values.Count == 0;

    private static bool Contains<T>(IReadOnlyList<T> values, T value)
        where T : struct
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(values[i], value))
            {
                return true;
            }
        }

        return false;
    }

    // Channel and language ids are lower-case on the wire; an admin typing "DE" still means German.
    private static bool ContainsText(IReadOnlyList<string> values, string? value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
