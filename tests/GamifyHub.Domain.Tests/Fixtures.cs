using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests;

/// <summary>People, departments, times and builders shared by the scoring tests. Times are in Berlin, the company zone.</summary>
internal static class Fixtures
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static readonly Guid RnD = Ids.Of(1);
    public static readonly Guid Service = Ids.Of(2);
    public static readonly Guid Marketing = Ids.Of(3);
    public static readonly Guid Sales = Ids.Of(4);

    public static readonly Guid Ravi = Ids.Of(101); // R&D
    public static readonly Guid Sofia = Ids.Of(102); // Service
    public static readonly Guid Lena = Ids.Of(103); // Marketing
    public static readonly Guid Omar = Ids.Of(104); // Sales

    public static readonly Guid ItemA = Ids.Of(501);
    public static readonly Guid ItemB = Ids.Of(502);

    /// <summary>Monday 2 March 2026, 09:00 in Berlin (CET, UTC+1).</summary>
    public static readonly DateTimeOffset Monday9 = Local(2026, 3, 2, 9, 0);

    private static int _nextEvent = 1_000_000;

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute, int second = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local));
    }

    public static Guid DepartmentOf(Guid employee) =>
        employee == Ravi ? RnD : employee == Sofia ? Service : employee == Lena ? Marketing : Sales;

    public static ItemFacts Item(
        Guid? id = null,
        string channel = "facebook",
        Sentiment sentiment = Sentiment.Neutral,
        Priority priority = Priority.Normal,
        string language = "en",
        DateTimeOffset? receivedAt = null,
        bool firstReply = false,
        IReadOnlyList<ChainMember>? chain = null,
        IReadOnlyList<AwardLine>? clawBack = null,
        IReadOnlyList<Guid>? routed = null,
        bool answered = false) =>
        new(id ?? ItemA, channel, sentiment, priority, language, routed ?? [RnD], receivedAt ?? Monday9.AddHours(-1),
            firstReply, answered, chain ?? [], clawBack ?? []);

    public static EngagementFact Fact(
        Guid employee,
        ActionType action,
        DateTimeOffset at,
        ItemFacts? item = null,
        string source = "web",
        int? dwell = null,
        Guid? department = null) =>
        new(Ids.Of(Interlocked.Increment(ref _nextEvent)), employee, department ?? DepartmentOf(employee), action, at, source,
            dwell, item);

    /// <summary>Scores and observes, the way a grain handles one event of its own employee.</summary>
    public static ScoreResult Act(this EmployeeLedger ledger, RuleSet rules, EngagementFact fact)
    {
        var result = ledger.Score(rules, fact, Berlin);
        ledger.Observe(fact, result.Awards, Berlin);
        return result;
    }

    /// <summary>The default rules with one action's rules replaced, and optional limits, for focused examples.</summary>
    public static RuleSet Replacing(this RuleSet rules, params ScoringRule[] replacing)
    {
        var actions = replacing.Select(r => r.Action).ToHashSet();
        return rules with { Rules = [.. rules.Rules.Where(r => !actions.Contains(r.Action)), .. replacing] };
    }

    public static RuleSet NoLimits(this RuleSet rules) => rules with
    {
        Limits = new(new Dictionary<PointCategory, int>(), DiminishAfter: 0, DiminishFactor: 1m, CooldownMinutes: 0),
        AntiGaming = new(0, 0, 0),
    };
}

/// <summary>Structural comparison of results that hold collections (records compare those by reference).</summary>
internal static class Same
{
    public static void Stats(EmployeeStats expected, EmployeeStats actual)
    {
        Assert.Equal(expected.EmployeeId, actual.EmployeeId);
        Assert.Equal(expected.TotalXp, actual.TotalXp);
        Assert.Equal(expected.PointsByCategory.OrderBy(p => p.Key), actual.PointsByCategory.OrderBy(p => p.Key));
        Assert.Equal(expected.ActionCounts.OrderBy(p => p.Key), actual.ActionCounts.OrderBy(p => p.Key));
        Assert.Equal(expected.ActiveWorkingDays, actual.ActiveWorkingDays);
        Assert.Equal(expected.DepartmentsEngaged.Order(), actual.DepartmentsEngaged.Order());
        Assert.Equal(expected.FirstReplyDelays, actual.FirstReplyDelays);
    }

    public static void Replays(ReplayResult expected, ReplayResult actual)
    {
        Assert.Equal(expected.Today, actual.Today);
        Assert.Equal(expected.Events.Count, actual.Events.Count);
        for (var i = 0; i < expected.Events.Count; i++)
        {
            Assert.Equal(expected.Events[i].EventId, actual.Events[i].EventId);
            Assert.Equal(expected.Events[i].Awards, actual.Events[i].Awards);
            Assert.Equal(expected.Events[i].Flags, actual.Events[i].Flags);
        }

        Assert.Equal(expected.Employees.Keys.Order(), actual.Employees.Keys.Order());
        foreach (var (id, score) in expected.Employees)
        {
            var other = actual.Employees[id];
            Assert.Equal(score.Total, other.Total);
            Assert.Equal(score.PointsByCategory.OrderBy(p => p.Key), other.PointsByCategory.OrderBy(p => p.Key));
            Assert.Equal(score.Level, other.Level);
            Assert.Equal(score.Badges, other.Badges);
            Stats(score.Stats, other.Stats);
        }
    }
}
