namespace GamifyHub.Domain.Scoring;

/// <summary>What an employee does to a feedback item. Stored by name, so never rename a member. <see cref="Reward"/> is not an
/// action: it is the event that carries a challenge's reward (points and/or a badge) to its winner, so the reward is durable
/// and event-sourced like every other award; clients cannot send it.</summary>
public enum ActionType { Read, Reply, Tag, Forward, Insight, Resolve, Reopen, Reward }

public static class ActionTypes
{
    /// <summary>The actions a person does (every type but <see cref="ActionType.Reward"/>).</summary>
    public static readonly IReadOnlyList<ActionType> Actions = [.. Enum.GetValues<ActionType>().Where(t => t != ActionType.Reward)];

    /// <summary>Parses an action a person does; "reward" is not one (only challenges record rewards).</summary>
    public static bool TryParse(string? value, out ActionType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        foreach (var candidate in Actions)
        {
            if (string.Equals(Name(candidate), value, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        return false;
    }

    public static string Name(ActionType type) => type.ToString().ToLowerInvariant();
}
