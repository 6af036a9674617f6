using GamifyHub.Domain.Scoring;

namespace GamifyHub.Bench;

public sealed record BenchEmployee(Guid Id, string Email, Guid DepartmentId);

/// <summary>One engagement event of the run, with the awards the server's rules give it (an external event: no item).</summary>
public sealed record BenchEvent(Guid EventId, BenchEmployee Employee, ActionType Type, IReadOnlyList<Award> Awards)
{
    public int Points => Awards.Sum(a => a.Points);
}

public static class Workload
{
    /// <summary>The action types POST /api/events accepts without a feedback item.</summary>
    public static readonly ActionType[] Types = [ActionType.Read, ActionType.Reply, ActionType.Tag, ActionType.Insight, ActionType.Resolve];

    /// <summary>
    /// Events spread round-robin over all employees (so every batch touches every employee grain) and over the types.
    /// Awards come from the same scoring engine and default rule set the server uses for an external event on a fresh database.
    /// </summary>
    public static List<BenchEvent> Create(int count, IReadOnlyList<BenchEmployee> employees, int offset = 0)
    {
        var awardsByType = Types.ToDictionary(t => t, t => ScoringEngine.Score(RuleSet.Default, new ScoringContext(t, false, false)));
        var events = new List<BenchEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var n = offset + i;
            var type = Types[n % Types.Length];
            events.Add(new BenchEvent(Guid.CreateVersion7(), employees[n % employees.Count], type, awardsByType[type]));
        }

        return events;
    }
}
