namespace GamifyHub.Domain.Scoring;

/// <summary>What an employee does to a feedback item. Stored by name, so never rename a member.</summary>
public enum ActionType { Read, Reply, Tag, Forward, Insight, Resolve, Reopen }

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

    public static string Name(ActionType type) => type.ToString().ToLowerInvariant();
}
