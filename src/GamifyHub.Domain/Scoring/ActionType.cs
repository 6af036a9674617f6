namespace GamifyHub.Domain.Scoring;

/// <summary>What an employee does to a feedback item. Stored by name, so never rename a member.
/// <see cref="Kudos"/> is not an item action: it is the event of <em>receiving</em> thanks from a colleague (the event's
/// employee is the receiver), recorded by the kudos service only, so rescoring keeps its Collaboration points.</summary>
public enum ActionType { Read, Reply, Tag, Forward, Insight, Resolve, Reopen, Kudos }

public static class ActionTypes
{
    public static bool TryParse(string? value, out ActionType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<ActionType>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Actions an employee performs on a feedback item (or reports as an external event); not kudos.</summary>
    public static bool IsItemAction(ActionType type) => type != ActionType.Kudos;

    public static string Name(ActionType type) => type.ToString().ToLowerInvariant();
}
