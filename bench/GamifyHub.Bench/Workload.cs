using GamifyHub.Domain.Scoring;

namespace GamifyHub.Bench;

public sealed record BenchEmployee(Guid Id, string Email, Guid DepartmentId);

/// <summary>One engagement event of the run, with the awards the server's rules give it (an external event: no item).</summary>
public sealed record BenchEvent(Guid EventId, BenchEmployee Employee, ActionType Type, IReadOnlyList<AwardLine> Awards)
{
    public int Points => Awards.Sum(a => a.Points);
}

public static class Workload
{
    /// <summary>The action types POST /api/events accepts without a feedback item.</summary>
    public static readonly ActionType[] Types = [ActionType.Read, ActionType.Reply, ActionType.Tag, ActionType.Insight, ActionType.Resolve];

    /// <summary>
    /// Events spread round-robin over all employees (so every batch touches every employee grain) and over the types.
    /// Award lines (for the raw and writer-only rows) come from the server's engine with <see cref="BenchRules.Unlimited"/>, the
    /// rules the API run applies first, so every row set stores the same award lines.
    /// </summary>
    public static List<BenchEvent> Create(int count, IReadOnlyList<BenchEmployee> employees, int offset = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var events = new List<BenchEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var n = offset + i;
            var type = Types[n % Types.Length];
            var employee = employees[n % employees.Count];
            var eventId = Guid.CreateVersion7();
            var fact = new EngagementFact(eventId, employee.Id, employee.DepartmentId, type, DateTimeOffset.UtcNow, "api", null, null);
            events.Add(new BenchEvent(eventId, employee, type, new EmployeeLedger(employee.Id).Score(BenchRules.Unlimited, fact, zone).Awards));
        }

        return events;
    }
}
