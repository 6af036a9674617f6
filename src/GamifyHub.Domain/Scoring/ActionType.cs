namespace GamifyHub.Domain.Scoring;

/// <summary>What an employee does to a feedback item. Stored by name, so never rename a member. Two members are not
/// actions clients can send: <see cref="Reward"/> is the event that carries a challenge's reward (points and/or a badge)
/// to its winner, so the reward is durable and event-sourced like every other award; <see cref="Kudos"/> is the event of
/// <em>receiving</em> thanks from a colleague (the event's employee is the receiver), recorded by the kudos service only,
/// so rescoring keeps its Collaboration points.</summary>
public enum ActionType { Read, Reply, Tag, Forward, Insight, Resolve, Reopen, Reward, Kudos }

public static class ActionTypes
{
    /// <summary>The actions a person does on an item (every type but <see cref="ActionType.Reward"/> and
    /// <see cref="ActionType.Kudos"/>).</summary>
    public static readonly IReadOnlyList<ActionType> Actions = [.. Enum.GetValues<ActionType>().Where(IsItemAction)];

    /// <summary>Parses an action a person does; "reward" and "kudos" are not ones (only challenges record rewards, only the
    /// kudos service records kudos).</summary>
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

    /// <summary>Actions an employee performs on a feedback item (or reports as an external event); not rewards or kudos.</summary>
    public static bool IsItemAction(ActionType type) => type is not (ActionType.Reward or ActionType.Kudos);

    public static string Name(ActionType type) => type.ToString().ToLowerInvariant();
}
