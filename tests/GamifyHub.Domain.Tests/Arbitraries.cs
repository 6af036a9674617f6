using FsCheck;
using FsCheck.Fluent;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests;

/// <summary>One update of a leaderboard: a member out of a small pool (so ties and repeats are common) and a delta.</summary>
public sealed record LeaderboardOp(int Member, int Delta)
{
    public const int Pool = 8;

    public Guid MemberId => Ids.Of(Member + 1);
}

/// <summary>One action by one employee (out of a small pool) on one feedback item.</summary>
public sealed record ItemStep(int Employee, ActionType Action)
{
    public const int Pool = 3;

    public Guid EmployeeId => Ids.Of(100 + Employee);
}

/// <summary>
/// A random but plausible event log: a few employees in four departments working a few items, with bursts, repeats,
/// forwards, resolves and reopens, automation, short reads, external events, day and weekend boundaries — and the rule
/// set to score it with (the default one or a tight one whose caps, cooldowns and bonuses bite often).
/// </summary>
public sealed record EngagementLog(RuleSet Rules, IReadOnlyList<ReplayEvent> Events, IReadOnlyDictionary<Guid, ItemProfile> Items)
{
    public static readonly Guid[] Departments = [Ids.Of(1), Ids.Of(2), Ids.Of(3), Ids.Of(4)];

    /// <summary>Employees and their departments: two each in the first three departments, one in the fourth.</summary>
    public static readonly (Guid Employee, Guid Department)[] Employees =
    [
        (Ids.Of(201), Departments[0]), (Ids.Of(202), Departments[0]), (Ids.Of(203), Departments[1]),
        (Ids.Of(204), Departments[1]), (Ids.Of(205), Departments[2]), (Ids.Of(206), Departments[2]),
        (Ids.Of(207), Departments[3]),
    ];

    /// <summary>Monday 2 March 2026, 08:00 in Berlin.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    /// <summary>The default rules tightened so every limit is hit in short logs, plus conditional bonus rules.</summary>
    public static readonly RuleSet Tight = RuleSet.Default with
    {
        Version = 2,
        Rules =
        [
            .. RuleSet.Default.Rules,
            new("reply-sla", ActionType.Reply, PointCategory.Responding, 3, "Answered within the hour", new(WithinSlaMinutes: 60)),
            new("resolve-appstore", ActionType.Resolve, PointCategory.Responding, 4, "Closed the loop on an app review", new(Channels: ["appstore"])),
            new("insight-rnd", ActionType.Insight, PointCategory.Insight, 5, "Insight from R&D", new(DepartmentIds: [Departments[0]])),
        ],
        Limits = new(
            new Dictionary<PointCategory, int>
            {
                [PointCategory.Listening] = 4,
                [PointCategory.Responding] = 25,
                [PointCategory.Insight] = 15,
                [PointCategory.Collaboration] = 5,
            },
            DiminishAfter: 3,
            DiminishFactor: 0.5m,
            CooldownMinutes: 5),
        SharedCredit = new(0.5m),
        AntiGaming = new(MinReadSeconds: 3, BurstCount: 3, BurstWindowSeconds: 60),
    };

    public static readonly IReadOnlyDictionary<Guid, ItemProfile> Profiles = Enumerable.Range(0, 6).ToDictionary(
        i => Ids.Of(601 + i),
        i => new ItemProfile(Ids.Of(601 + i), new[] { "facebook", "x", "appstore" }[i % 3], (Sentiment)(i % 3),
            (Priority)((i + 1) % 3), i % 2 == 0 ? "en" : "de", Start.AddMinutes(-20 * i), [Departments[i % 3]]));

    public override string ToString() =>
        $"rules v{Rules.Version}, {Events.Count} events:{Environment.NewLine}" + string.Join(Environment.NewLine, Events.Select(e =>
            $"  {e.OccurredAt:yyyy-MM-dd HH:mm:ss} {e.EmployeeId.ToString()[^3..]} {e.Action} item={e.FeedbackId?.ToString()[^3..]} " +
            $"to={e.TargetDepartmentId?.ToString()[^3..]} {e.Source} dwell={e.DwellSeconds}"));

    /// <summary>Turns raw steps into accepted events only, checking each against the item's lifecycle like a grain would.</summary>
    public static EngagementLog Realize(RuleSet rules, IEnumerable<LogStep> steps)
    {
        var states = Profiles.Values.ToDictionary(p => p.ItemId, p => new FeedbackItemState(p));
        var events = new List<ReplayEvent>();
        var at = Start;
        foreach (var step in steps.SelectMany(Expand))
        {
            at = at.AddSeconds(step.DelaySeconds);
            var source = step.Automation ? EngagementSources.Automation : "web";
            var eventId = Ids.Of(100_000 + events.Count);
            if (step.Item >= Profiles.Count)
            {
                // An external event naming no item.
                if (step.Action is ActionType.Read or ActionType.Reply or ActionType.Tag or ActionType.Insight)
                {
                    var (employee, department) = Employees[step.Employee % Employees.Length];
                    events.Add(new ReplayEvent(eventId, employee, department, step.Action, at, source, DwellSeconds: step.Dwell));
                }

                continue;
            }

            var itemId = Ids.Of(601 + step.Item);
            var state = states[itemId];
            var eligible = Employees.Where(e => state.IsRoutedTo(e.Department)).ToArray();
            if (eligible.Length == 0)
            {
                continue;
            }

            var (actor, actorDepartment) = eligible[step.Employee % eligible.Length];
            Guid? target = step.Action == ActionType.Forward
                ? Enumerable.Range(0, Departments.Length).Select(k => Departments[(step.Target + k) % Departments.Length])
                    .Cast<Guid?>().FirstOrDefault(d => !state.IsRoutedTo(d!.Value))
                : null;
            if (state.Check(actorDepartment, step.Action, target) is not null)
            {
                continue;
            }

            state.Apply(actor, step.Action, target);
            events.Add(new ReplayEvent(eventId, actor, actorDepartment, step.Action, at, source, itemId, target,
                step.Action == ActionType.Read ? step.Dwell : null));
        }

        return new EngagementLog(rules, events, Profiles);

        // A run repeats the action seconds apart on the following items: what a burst of clicking looks like.
        static IEnumerable<LogStep> Expand(LogStep step) => Enumerable.Range(0, step.Run + 1).Select(k => k == 0
            ? step
            : step with { Item = (step.Item + k) % (Profiles.Count + 1), DelaySeconds = 3 });
    }
}

/// <summary>A raw step of a generated log; <see cref="EngagementLog.Realize"/> drops the ones a grain would refuse.</summary>
/// <param name="Run">How many times the step repeats right after, on the next items (0 = once).</param>
public sealed record LogStep(int Employee, ActionType Action, int Item, int Target, int DelaySeconds, int? Dwell, bool Automation, int Run);

/// <summary>Generators for the domain properties (FsCheck 3, registered with <c>[Property(Arbitrary = …)]</c>).</summary>
public static class DomainArbitraries
{
    public static Arbitrary<LeaderboardOp> LeaderboardOp() =>
        Gen.Zip(Gen.Choose(0, Tests.LeaderboardOp.Pool - 1), Gen.Choose(-25, 25), (m, d) => new LeaderboardOp(m, d))
            .ToArbitrary();

    public static Arbitrary<ItemStep> ItemStep() =>
        Gen.Zip(Gen.Choose(0, Tests.ItemStep.Pool - 1), Gen.Elements(ActionTypes.Actions.ToArray()), (e, a) => new ItemStep(e, a))
            .ToArbitrary();

    /// <summary>Instants between 2000 and 2068, a third of them exactly at a Berlin local midnight (a period boundary).</summary>
    public static Arbitrary<DateTimeOffset> Instant()
    {
        var epoch = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var anyInstant = Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 9_999_999),
            (seconds, ticks) => epoch.AddSeconds(seconds).AddTicks(ticks));
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var localMidnight = Gen.Choose(0, 24_000).Select(days =>
        {
            var local = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(days);
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, berlin), TimeSpan.Zero);
        });
        return Gen.Frequency((2, anyInstant), (1, localMidnight)).ToArbitrary();
    }

    public static Arbitrary<EngagementLog> EngagementLog()
    {
        var actions = Gen.Frequency(
            (4, Gen.Constant(ActionType.Read)), (4, Gen.Constant(ActionType.Reply)), (2, Gen.Constant(ActionType.Tag)),
            (2, Gen.Constant(ActionType.Forward)), (2, Gen.Constant(ActionType.Insight)), (3, Gen.Constant(ActionType.Resolve)),
            (2, Gen.Constant(ActionType.Reopen)));
        // Mostly seconds apart (bursts, cooldowns), sometimes minutes, now and then the next day or after a weekend.
        var delay = Gen.Frequency(
            (20, Gen.Choose(0, 60)), (8, Gen.Choose(61, 900)), (1, Gen.Choose(8 * 3600, 60 * 3600)));
        // Often the first eligible employee, so one busy person hits caps, diminishing returns and bursts.
        var employee = Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(0, 99)));
        var dwell = Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 10).Select(d => (int?)d)));
        var step =
            from actor in employee
            from action in actions
            from item in Gen.Choose(0, Tests.EngagementLog.Profiles.Count) // == Count: no item
            from target in Gen.Choose(0, 3)
            from seconds in delay
            from dwellSeconds in dwell
            from automation in Gen.Frequency((11, Gen.Constant(false)), (1, Gen.Constant(true)))
            from run in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(2, 6)))
            select new LogStep(actor, action, item, target, seconds, dwellSeconds, automation, run);
        var rules = Gen.Elements(RuleSet.Default, Tests.EngagementLog.Tight);
        return Gen.Sized(size =>
                from r in rules
                from count in Gen.Choose(0, (3 * size) + 10)
                from steps in Gen.ArrayOf(step, count)
                select Tests.EngagementLog.Realize(r, steps))
            .ToArbitrary();
    }
}
