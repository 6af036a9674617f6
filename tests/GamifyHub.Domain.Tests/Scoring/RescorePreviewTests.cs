using GamifyHub.Domain.Badges;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Tests.Fixtures;

namespace GamifyHub.Domain.Tests.Scoring;

public class RescorePreviewTests
{
    private static readonly Dictionary<Guid, ItemProfile> Items = new()
    {
        [ItemA] = new(ItemA, "appstore", Sentiment.Negative, Priority.High, "en", Monday9.AddMinutes(-30), [RnD]),
        [ItemB] = new(ItemB, "x", Sentiment.Positive, Priority.Normal, "de", Monday9.AddMinutes(-30), [Service]),
    };

    private static readonly ReplayEvent[] Log =
    [
        new(Ids.Of(1), Ravi, RnD, ActionType.Read, Monday9, "web", ItemA),
        new(Ids.Of(2), Ravi, RnD, ActionType.Reply, Monday9.AddMinutes(5), "web", ItemA),
        new(Ids.Of(3), Ravi, RnD, ActionType.Forward, Monday9.AddMinutes(6), "web", ItemA, Service),
        new(Ids.Of(4), Sofia, Service, ActionType.Resolve, Monday9.AddMinutes(20), "web", ItemA),
        new(Ids.Of(5), Sofia, Service, ActionType.Read, Monday9.AddMinutes(25), "web", ItemB),
    ];

    private static ReplayResult Replay(RuleSet rules) => ScoreReplay.Run(rules, Log, Items, Berlin);

    [Fact]
    public void TheSameRulesChangeNothing()
    {
        var diff = RescorePreview.Compare(Replay(RuleSet.Default), Replay(RuleSet.Default));

        Assert.Empty(diff.Employees);
        Assert.Equal(0, diff.TotalDelta);
        Assert.Equal(diff.TotalBefore, diff.TotalAfter);
        Assert.Equal((0, 0, 0), (diff.EmployeesAffected, diff.BadgesGained, diff.BadgesLost));
    }

    [Fact]
    public void DoublingResolvePointsShowsWhoGainsBiggestChangeFirst()
    {
        var before = Replay(RuleSet.Default);
        var after = Replay(RuleSet.Default.Replacing(
            new ScoringRule("resolve", ActionType.Resolve, PointCategory.Responding, 16, "Closed the loop with the customer")) with { Version = 2 });

        var diff = RescorePreview.Compare(before, after);

        // Resolve of a negative item: 12 → 24, a quarter shared with Ravi (3 → 6).
        Assert.Equal([(Sofia, 10L, 19L, 9L), (Ravi, 17L, 20L, 3L)],
            diff.Employees.Select(e => (e.EmployeeId, e.PointsBefore, e.PointsAfter, e.Delta)));
        Assert.Equal((27L, 39L, 12L), (diff.TotalBefore, diff.TotalAfter, diff.TotalDelta));
        Assert.Equal(2, diff.EmployeesAffected);
    }

    [Fact]
    public void BadgesGainedAndLostAreListedPerEmployee()
    {
        var before = Replay(RuleSet.Default);
        var easierLoopCloser = RuleSet.Default with
        {
            Version = 2,
            Badges = [.. RuleSet.Default.Badges.Where(b => b.Id != "first-words").Select(b => b.Id == "loop-closer"
                ? b with { Criterion = new BadgeCriterion.ActionCount(ActionType.Resolve, 1) }
                : b)],
        };

        var diff = RescorePreview.Compare(before, Replay(easierLoopCloser));

        var sofia = diff.Employees.Single(e => e.EmployeeId == Sofia);
        var ravi = diff.Employees.Single(e => e.EmployeeId == Ravi);
        Assert.Equal(["loop-closer"], sofia.BadgesGained);
        Assert.Empty(sofia.BadgesLost);
        Assert.Empty(ravi.BadgesGained);
        Assert.Equal(["first-words"], ravi.BadgesLost);
        Assert.Equal(0, ravi.Delta);
        Assert.Equal((1, 1), (diff.BadgesGained, diff.BadgesLost));
    }

    [Fact]
    public void EmployeesInOnlyOneReplayCountFromZero()
    {
        var before = ScoreReplay.Run(RuleSet.Default, Log[..1], Items, Berlin);
        var after = ScoreReplay.Run(RuleSet.Default, Log[4..], Items, Berlin);

        var diff = RescorePreview.Compare(before, after);

        Assert.Equal([(Ravi, 1L, 0L, -1L), (Sofia, 0L, 1L, 1L)],
            diff.Employees.Select(e => (e.EmployeeId, e.PointsBefore, e.PointsAfter, e.Delta)));
    }
}
