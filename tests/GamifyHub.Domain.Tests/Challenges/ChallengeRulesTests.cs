using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GamifyHub.Domain.Challenges;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests.Challenges;

public sealed class ChallengeRulesTests
{
    private static readonly Guid Rnd = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Service = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Cy = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(5);
    private static readonly Dictionary<Guid, Guid> Members = new() { [Ann] = Rnd, [Bob] = Rnd, [Cy] = Service };

    private static ChallengeDraft Draft(string scope = "department", Guid[]? departments = null, string metric = "action-count",
        string? action = "read", double target = 3, DateTimeOffset? start = null, DateTimeOffset? end = null, int points = 10,
        string recurrence = "none") =>
        new("Read week", "", metric, action, "listening", target, start ?? Start, end ?? End, scope, departments ?? [Rnd], points, null, recurrence);

    private static ChallengeDefinition Valid(ChallengeDraft draft)
    {
        var errors = ChallengeValidator.Validate(draft, Start, new HashSet<Guid> { Rnd, Service }, out var definition);
        Assert.Empty(errors);
        return definition!;
    }

    private static ChallengeFact Fact(Guid employee, Guid department, ActionType type, DateTimeOffset at, Guid? item = null,
        DateTimeOffset? received = null, int points = 0, PointCategory category = PointCategory.Listening) =>
        new(1, employee, department, type, item, at, points == 0 ? [] : [new ChallengePoints(employee, department, category, points)], received);

    [Theory]
    [InlineData("company", new string[0], null)]
    [InlineData("company", new[] { "rnd" }, "departmentIds")]
    [InlineData("department", new[] { "rnd", "service" }, "departmentIds")]
    [InlineData("team-vs-team", new[] { "rnd" }, "departmentIds")]
    [InlineData("team-vs-team", new[] { "rnd", "service" }, null)]
    [InlineData("league", new[] { "rnd" }, "scope")]
    public void Scopes_need_the_right_number_of_departments(string scope, string[] slugs, string? field)
    {
        var ids = slugs.Select(s => s == "rnd" ? Rnd : Service).ToArray();
        var errors = ChallengeValidator.Validate(Draft(scope, ids), Start, new HashSet<Guid> { Rnd, Service }, out _);
        Assert.Equal(field, errors.SingleOrDefault()?.Field);
    }

    [Fact]
    public void Every_problem_is_named_and_nothing_is_defined()
    {
        var errors = ChallengeValidator.Validate(new ChallengeDraft(null, null, null, null, null, null, null, null, null, null, -1, null, "daily"),
            Start, new HashSet<Guid>(), out var definition);
        Assert.Null(definition);
        Assert.Equal(["endsAt", "metric", "name", "recurrence", "rewardPoints", "scope", "startsAt", "target"],
            errors.Select(e => e.Field).Distinct().Order());
        Assert.Contains(ChallengeValidator.Validate(Draft(action: "reward"), Start, new HashSet<Guid> { Rnd }, out _), e => e.Field == "action");
        Assert.Contains(ChallengeValidator.Validate(Draft(end: Start.AddDays(8), recurrence: "weekly"), Start, new HashSet<Guid> { Rnd }, out _),
            e => e.Field == "recurrence");
    }

    [Fact]
    public void The_lifecycle_moves_only_forward_and_cancelled_is_final()
    {
        Assert.Equal(ChallengeStatus.Scheduled, ChallengeLifecycle.Next(ChallengeStatus.Draft, ChallengeTrigger.Schedule));
        Assert.Equal(ChallengeStatus.Active, ChallengeLifecycle.Next(ChallengeStatus.Scheduled, ChallengeTrigger.Start));
        Assert.Equal(ChallengeStatus.Completed, ChallengeLifecycle.Next(ChallengeStatus.Active, ChallengeTrigger.Complete));
        Assert.Equal(ChallengeStatus.Expired, ChallengeLifecycle.Next(ChallengeStatus.Active, ChallengeTrigger.Expire));
        Assert.Null(ChallengeLifecycle.Next(ChallengeStatus.Draft, ChallengeTrigger.Start));
        Assert.Null(ChallengeLifecycle.Next(ChallengeStatus.Completed, ChallengeTrigger.Cancel));
        foreach (var trigger in Enum.GetValues<ChallengeTrigger>())
        {
            Assert.Null(ChallengeLifecycle.Next(ChallengeStatus.Cancelled, trigger));
        }
    }

    [Property]
    public Property A_weekly_occurrence_keeps_weekday_time_and_length_and_ends_in_the_future(PositiveInt hours, PositiveInt laterHours)
    {
        var length = TimeSpan.FromHours(1 + hours.Get % 167);
        var now = End.AddHours(laterHours.Get % 2000);
        var (start, end) = ChallengeSchedule.NextWeekly(Start, Start + length, now);
        return ((end - start == length) && (start - Start).Ticks % ChallengeSchedule.Week.Ticks == 0 && start > Start
            && (end > now || Start + length + ChallengeSchedule.Week > now)).ToProperty();
    }

    [Fact]
    public void Ending_soon_is_an_hour_before_the_end_or_a_fifth_of_a_short_challenge()
    {
        Assert.Equal(End.AddHours(-1), ChallengeSchedule.EndingSoonAt(Start, End));
        Assert.Equal(Start.AddMinutes(40), ChallengeSchedule.EndingSoonAt(Start, Start.AddMinutes(50)));
    }

    [Fact]
    public void Counts_only_events_in_the_window_and_the_scope_and_never_rewards()
    {
        var challenge = Valid(Draft());
        var facts = new[]
        {
            Fact(Ann, Rnd, ActionType.Read, Start.AddHours(1)),
            Fact(Ann, Rnd, ActionType.Read, Start.AddHours(2)),
            Fact(Ann, Rnd, ActionType.Read, Start.AddMinutes(-1)),
            Fact(Ann, Rnd, ActionType.Read, End),
            Fact(Ann, Rnd, ActionType.Reward, Start.AddHours(3)),
            Fact(Bob, Rnd, ActionType.Reply, Start.AddHours(1)),
            Fact(Cy, Service, ActionType.Read, Start.AddHours(1)),
        };

        var standing = ChallengeProgress.Compute(challenge, facts, new Dictionary<Guid, int>(), Members);

        Assert.Equal(2, standing.Units.Single(u => u.Id == Ann).Value);
        Assert.Equal(0, standing.Units.Single(u => u.Id == Bob).Value);
        Assert.DoesNotContain(standing.Units, u => u.Id == Cy);
        Assert.Equal(2, standing.Total);
    }

    [Fact]
    public void Each_metric_measures_what_it_says()
    {
        var item1 = Guid.NewGuid();
        var item2 = Guid.NewGuid();
        var facts = new[]
        {
            Fact(Ann, Rnd, ActionType.Read, Start.AddHours(1), item1, points: 2),
            Fact(Ann, Rnd, ActionType.Read, Start.AddHours(2), item1, points: 1),
            Fact(Ann, Rnd, ActionType.Reply, Start.AddHours(2), item1, received: Start.AddHours(1), points: 5, category: PointCategory.Responding),
            Fact(Ann, Rnd, ActionType.Reply, Start.AddHours(3), item2, received: Start.AddHours(2).AddMinutes(-30)),
            Fact(Ann, Rnd, ActionType.Reply, Start.AddHours(4), item2),
            Fact(Ann, Rnd, ActionType.Insight, Start.AddHours(4), item2),
            Fact(Ann, Rnd, ActionType.Resolve, Start.AddHours(4), item2),
        };
        var routed = new Dictionary<Guid, int> { [Rnd] = 4 };
        double? Ann_(ChallengeDraft d) => ChallengeProgress.Compute(Valid(d), facts, routed, Members).Units.Single(u => u.Id == Ann).Value;

        Assert.Equal(3, Ann_(Draft(metric: "action-count", action: "reply")));
        Assert.Equal(3, Ann_(Draft(metric: "category-points", action: null)));
        Assert.Equal(25, Ann_(Draft(metric: "read-rate", action: null, target: 50)));
        Assert.Equal(75, Ann_(Draft(metric: "median-first-response", action: null)));
        Assert.Equal(1, Ann_(Draft(metric: "insights-created", action: null)));
        Assert.Equal(1, Ann_(Draft(metric: "items-resolved", action: null)));
        Assert.Null(ChallengeProgress.Compute(Valid(Draft(metric: "median-first-response", action: null)), facts, routed, Members)
            .Units.Single(u => u.Id == Bob).Value);
    }

    [Fact]
    public void A_lower_time_is_better_and_reaches_the_target_from_below()
    {
        var metric = new ChallengeMetric(ChallengeMetricKind.MedianFirstResponse);
        Assert.True(ChallengeProgress.Reached(metric, 30, 45));
        Assert.False(ChallengeProgress.Reached(metric, 50, 45));
        Assert.False(ChallengeProgress.Reached(metric, null, 45));
        var ranked = ChallengeProgress.Rank(metric, [new(Ann, 50, false), new(Bob, 30, true), new(Cy, null, false)]);
        Assert.Equal([Bob, Ann, Cy], ranked.Select(r => r.Unit.Id));
    }

    [Fact]
    public void The_best_team_that_reached_the_target_wins_and_ties_share()
    {
        var count = new ChallengeMetric(ChallengeMetricKind.ItemsResolved);
        Assert.Equal([Rnd], ChallengeProgress.Winners(count, [new(Rnd, 12, true), new(Service, 10, true)], 10));
        Assert.Equal([Rnd, Service], ChallengeProgress.Winners(count, [new(Rnd, 12, true), new(Service, 12, true)], 10));
        Assert.Empty(ChallengeProgress.Winners(count, [new(Rnd, 8, false), new(Service, 9, false)], 10));
        var time = new ChallengeMetric(ChallengeMetricKind.MedianFirstResponse);
        Assert.Equal([Service], ChallengeProgress.Winners(time, [new(Rnd, 40, true), new(Service, 20, true)], 45));
    }

    [Fact]
    public void Rewards_go_to_reachers_contributors_or_winning_teams()
    {
        var facts = new[] { Fact(Ann, Rnd, ActionType.Read, Start.AddHours(1)), Fact(Cy, Service, ActionType.Read, Start.AddHours(1)) };
        var department = Valid(Draft(target: 1));
        var standing = ChallengeProgress.Compute(department, facts, new Dictionary<Guid, int>(), Members);
        Assert.Equal([Ann], ChallengeRewards.Due(department, standing, ended: false, [Ann], new Dictionary<Guid, IReadOnlyList<Guid>>()));

        var company = Valid(Draft("company", [], target: 2));
        var total = ChallengeProgress.Compute(company, facts, new Dictionary<Guid, int>(), Members);
        Assert.True(total.TotalReached);
        Assert.Equal([Ann, Cy], ChallengeRewards.Due(company, total, false, [Cy, Ann], new Dictionary<Guid, IReadOnlyList<Guid>>()));

        var teams = Valid(Draft("team-vs-team", [Rnd, Service], target: 1));
        var byTeam = ChallengeProgress.Compute(teams, [.. facts, Fact(Bob, Rnd, ActionType.Read, Start.AddHours(2))],
            new Dictionary<Guid, int>(), Members);
        var members = new Dictionary<Guid, IReadOnlyList<Guid>> { [Rnd] = [Ann, Bob], [Service] = [Cy] };
        Assert.Empty(ChallengeRewards.Due(teams, byTeam, ended: false, [Ann, Bob, Cy], members));
        Assert.Equal([Ann, Bob], ChallengeRewards.Due(teams, byTeam, ended: true, [Ann, Bob, Cy], members));
        Assert.Equal(ChallengeTrigger.Complete, ChallengeRewards.Outcome(teams, byTeam, 2));
    }

    [Property]
    public Property The_reward_event_id_is_deterministic_and_distinct_per_occurrence_and_employee(Guid challenge, Guid employee, PositiveInt occurrence)
    {
        var id = ChallengeRewards.EventId(challenge, occurrence.Get, employee);
        return (id == ChallengeRewards.EventId(challenge, occurrence.Get, employee)
            && id != ChallengeRewards.EventId(challenge, occurrence.Get + 1, employee)
            && id != ChallengeRewards.EventId(employee, occurrence.Get, challenge == employee ? Guid.NewGuid() : challenge)
            && id.Version == 8).ToProperty();
    }
}
