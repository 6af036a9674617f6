using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GamifyHub.Domain.Analytics;
using GamifyHub.Domain.Analytics.Study;
using static GamifyHub.Domain.Tests.Analytics.StudyFixtures;

namespace GamifyHub.Domain.Tests.Analytics;

public sealed class ReturnAndLiftTests
{
    private static readonly ReturnModel Model = ReturnModel.Default with
    {
        HourlyCost = 60m,
        MinutesPerAction = new MinutesPerAction(Read: 1, Reply: 5, Tag: 1, Forward: 2, Insight: 10, Resolve: 3),
        ValuePerOutcome = new ValuePerOutcome(Insight: 100, ResolvedComplaint: 20, ReplyWithinSla: 5),
    };

    [Fact]
    public void Cost_is_minutes_at_the_hourly_cost_value_is_outcomes_and_the_ratio_is_value_per_cost()
    {
        var counts = new ActionCounts(Reads: 30, Replies: 6, Tags: 10, Forwards: 5, Insights: 1, Resolves: 4, ResolvedComplaints: 3, RepliesWithinSla: 4);
        // 30 + 30 + 10 + 10 + 10 + 12 = 102 minutes at 60/h; 100 + 60 + 20 = 180.
        var figures = ReturnCalculator.Compute(counts, Model);
        Assert.Equal(new ReturnFigures(102m, 180m, 78m, 1.7647), figures);
    }

    [Fact]
    public void Nothing_done_costs_nothing_and_has_no_ratio()
    {
        Assert.Equal(new ReturnFigures(0m, 0m, 0m, null), ReturnCalculator.Compute(ActionCounts.None, Model));
        var free = Model with { HourlyCost = 0m };
        Assert.Null(ReturnCalculator.Compute(new ActionCounts(5, 1, 0, 0, 1, 0, 0, 1), free).Ratio);
    }

    [Fact]
    public void The_default_model_is_valid_sourced_and_in_euros()
    {
        Assert.Empty(ReturnModelValidator.Validate(ReturnModel.Default));
        Assert.Equal("EUR", ReturnModel.Default.Currency);
        Assert.Equal(3, ReturnModel.Default.Sources.Count);
        Assert.Contains(ReturnModel.Default.Sources, s => s.Contains("Eurostat", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_model_is_named_by_path()
    {
        var bad = Model with
        {
            Currency = "euro",
            HourlyCost = -1,
            MinutesPerAction = Model.MinutesPerAction with { Reply = 2000 },
            ValuePerOutcome = Model.ValuePerOutcome with { Insight = -5 },
            Sources = ["", new string('s', ReturnModelValidator.SourceMaxLength + 1)],
        };
        Assert.Equal(["currency", "hourlyCost", "minutesPerAction.reply", "valuePerOutcome.insight", "sources[0]", "sources[1]"],
            ReturnModelValidator.Validate(bad).Select(e => e.Path));
        Assert.Contains(ReturnModelValidator.Validate(Model with { MinutesPerAction = null! }), e => e.Path == "minutesPerAction");
    }

    [Property]
    public Property Net_is_value_minus_cost_and_nothing_is_negative() =>
        Prop.ForAll(Gen.Choose(0, 500).ArrayOf(8).ToArbitrary(), n =>
        {
            var counts = new ActionCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
            var f = ReturnCalculator.Compute(counts, Model);
            return (f.Cost >= 0 && f.Value >= 0 && f.Net == f.Value - f.Cost && (f.Ratio is null) == (f.Cost == 0)).ToProperty();
        });

    [Fact]
    public void Lift_is_during_minus_before_and_null_where_either_side_is_unmeasured()
    {
        var before = Metrics(0.30, firstResponseMedian: 120, insightRate: null);
        var during = Metrics(0.45, firstResponseMedian: 90, insightRate: 0.1);
        var lift = GamificationLift.Compare(before, during);
        Assert.Equal(0.15, lift.ReadRateDelta!.Value, 6);
        Assert.Equal(-30, lift.FirstResponseMedianDeltaMinutes);
        Assert.Null(lift.InsightRateDelta);
        Assert.Equal(new LiftFigures(0.30, 120, null), lift.Before);

        var withheld = GamificationLift.Compare(Metrics(null, withheld: true), during);
        Assert.Equal(LiftFigures.None, withheld.Before);
        Assert.Null(withheld.ReadRateDelta);
    }

    [Fact]
    public void The_before_range_is_as_long_as_the_challenge_and_ends_where_it_starts()
    {
        var start = new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal((start.AddDays(-7), start), GamificationLift.BeforeRange(start, start.AddDays(7)));
    }
}
