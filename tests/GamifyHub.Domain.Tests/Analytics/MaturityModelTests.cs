using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GamifyHub.Domain.Analytics;
using GamifyHub.Domain.Analytics.Study;
using static GamifyHub.Domain.Tests.Analytics.StudyFixtures;

namespace GamifyHub.Domain.Tests.Analytics;

public sealed class MaturityModelTests
{
    private static readonly BenchmarkDocument Study = BenchmarkDefaults.Document;

    [Fact]
    public void A_read_rate_below_the_RD_baseline_is_a_laggard_with_the_reason_and_the_step_to_follower()
    {
        var result = MaturityModel.Evaluate(Metrics(0.22), Study, DepartmentFunctions.ResearchAndDevelopment);

        Assert.Equal(MaturityStage.Laggard, result.Stage);
        Assert.Equal(32, result.Score); // 10 × 0.22 / 0.27 = 8.15 of 25 points = 32.6, rounded down
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(new MaturityReason("readRate.belowBaseline", "readRate", 0.22, 0.27, "tcs2013.readRate.rd"), reason);
        Assert.Equal(new MaturityNextStep("readRate.reachFollower", "readRate", 0.27, "tcs2013.readRate.rd"), result.NextStep);
    }

    [Fact]
    public void Product_management_is_measured_against_its_own_baseline()
    {
        var result = MaturityModel.Evaluate(Metrics(0.30), Study, DepartmentFunctions.ProductManagement);
        Assert.Equal(MaturityStage.Laggard, result.Stage);
        Assert.Equal(0.37, result.Reasons[0].Baseline);
        Assert.Equal("tcs2013.readRate.pm", result.Reasons[0].BenchmarkId);

        Assert.Equal(MaturityStage.Follower, MaturityModel.Evaluate(Metrics(0.30), Study, DepartmentFunctions.ResearchAndDevelopment).Stage);
    }

    [Fact]
    public void Company_wide_and_functions_without_a_figure_use_the_highest_read_rate_baseline()
    {
        Assert.Equal((0.37, "tcs2013.readRate.pm"), MaturityModel.ReadRateBaseline(Study, null));
        Assert.Equal((0.37, "tcs2013.readRate.pm"), MaturityModel.ReadRateBaseline(Study, DepartmentFunctions.Marketing));
        var noFigures = Study with { Studies = [Study.Studies[0] with { Figures = [.. Study.Studies[0].Figures.Where(f => !f.Id.Contains("readRate"))] }] };
        Assert.Equal((MaturityModel.FallbackReadRateBaseline, null), MaturityModel.ReadRateBaseline(noFigures, null));
    }

    [Fact]
    public void A_leader_reads_listens_where_leaders_listen_breaks_silos_and_earns_a_positive_return()
    {
        var metrics = Metrics(0.9, sharedBothActed: 0.8,
            channels: [new(ChannelGroup.Blogs, 10, 0.9), new(ChannelGroup.Video, 5, 0.8), new(ChannelGroup.SocialNetworks, 30, 0.1)],
            actions: new ActionCounts(Reads: 60, Replies: 10, Tags: 0, Forwards: 0, Insights: 5, Resolves: 5, ResolvedComplaints: 5, RepliesWithinSla: 8));

        var result = MaturityModel.Evaluate(metrics, Study, DepartmentFunctions.ResearchAndDevelopment, ReturnModel.Default);

        Assert.Equal(MaturityStage.Leader, result.Stage);
        Assert.Equal(100, result.Score);
        Assert.Null(result.NextStep);
        Assert.Equal(["readRate.leaderLevel", "sharedBothActedRate.leaderLevel", "channels.leaderLevel", "returnRatio.leaderLevel"],
            result.Reasons.Select(r => r.Code));
        Assert.Equal("tcs2013.roi.positive.leaders", result.Reasons[3].BenchmarkId);
    }

    [Fact]
    public void Silo_breaking_is_measured_against_the_58_percent_silo_figure()
    {
        var result = MaturityModel.Evaluate(Metrics(0.27, sharedBothActed: 0.30), Study, DepartmentFunctions.ResearchAndDevelopment);
        var silo = result.Reasons.Single(r => r.Metric == "sharedBothActedRate");
        Assert.Equal("sharedBothActedRate.belowBaseline", silo.Code);
        Assert.Equal(0.42, silo.Baseline!.Value, 6);
        Assert.Equal("tcs2013.silos", silo.BenchmarkId);
        // 10 (read rate at its baseline) + 10 × 0.30 / 0.42 = 17.1 of 50 points.
        Assert.Equal(34, result.Score);
        Assert.Equal(MaturityStage.Laggard, result.Stage);
    }

    [Fact]
    public void Channel_coverage_compares_the_study_channels_that_had_items_with_the_leaders_profile()
    {
        var channels = new List<ChannelCoverage> { new(ChannelGroup.AppStores, 20, 0.40), new(ChannelGroup.Blogs, 0, null), new(ChannelGroup.Other, 9, 0) };
        var result = MaturityModel.Evaluate(Metrics(0.5, channels: channels), Study, DepartmentFunctions.ProductManagement);
        var coverage = result.Reasons.Single(r => r.Metric == "channels");
        Assert.Equal("channels.belowBaseline", coverage.Code);
        Assert.Equal(0.49, coverage.Baseline);
        Assert.Equal("tcs2013.channel.appstores.laggards", coverage.BenchmarkId);
    }

    [Fact]
    public void No_return_model_or_no_cost_leaves_the_return_out_and_a_loss_counts_against()
    {
        var losing = new ActionCounts(Reads: 600, Replies: 0, Tags: 0, Forwards: 0, Insights: 0, Resolves: 0, ResolvedComplaints: 0, RepliesWithinSla: 0);
        Assert.DoesNotContain(MaturityModel.Evaluate(Metrics(0.5, actions: losing), Study, "rd").Reasons, r => r.Metric == "returnRatio");
        Assert.DoesNotContain(MaturityModel.Evaluate(Metrics(0.5), Study, "rd", ReturnModel.Default).Reasons, r => r.Metric == "returnRatio");
        var result = MaturityModel.Evaluate(Metrics(0.5, actions: losing), Study, "rd", ReturnModel.Default);
        var reason = result.Reasons.Single(r => r.Metric == "returnRatio");
        Assert.Equal("returnRatio.belowBaseline", reason.Code);
        Assert.Equal(0, reason.Value);
    }

    [Fact]
    public void Withheld_metrics_give_no_stage_and_no_score()
    {
        var result = MaturityModel.Evaluate(Metrics(null, withheld: true), Study, "rd");
        Assert.Equal(MaturityStage.Withheld, result.Stage);
        Assert.Null(result.Score);
        Assert.Null(result.NextStep);
        Assert.Equal("withheld", Assert.Single(result.Reasons).Code);
        Assert.Equal("withheld", MaturityStages.Name(result.Stage));
    }

    [Fact]
    public void Nothing_routed_is_unmeasured_not_a_laggard()
    {
        var result = MaturityModel.Evaluate(Metrics(null, routed: 0), Study, "rd");
        Assert.Equal(MaturityStage.Unmeasured, result.Stage);
        Assert.Null(result.Score);
        Assert.Equal("nothingRouted", Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public void A_follower_is_told_the_read_rate_that_would_make_it_a_leader_and_reaching_it_does()
    {
        var follower = MaturityModel.Evaluate(Metrics(0.40), Study, "rd");
        Assert.Equal(MaturityStage.Follower, follower.Stage);
        var step = Assert.IsType<MaturityNextStep>(follower.NextStep);
        Assert.Equal("readRate.reachLeader", step.Code);
        Assert.Equal(MaturityStage.Leader, MaturityModel.Evaluate(Metrics(step.Target), Study, "rd").Stage);
        Assert.Equal(MaturityStage.Follower, MaturityModel.Evaluate(Metrics(step.Target - 0.001), Study, "rd").Stage);
    }

    [Fact]
    public void The_worked_example_of_docs_analytics_md_holds()
    {
        var metrics = Metrics(0.30, sharedBothActed: 0.50, channels: [new(ChannelGroup.AppStores, 40, 0.40)],
            actions: new ActionCounts(Reads: 200, Replies: 30, Tags: 20, Forwards: 10, Insights: 4, Resolves: 15, ResolvedComplaints: 12, RepliesWithinSla: 25));

        var result = MaturityModel.Evaluate(metrics, Study, DepartmentFunctions.ResearchAndDevelopment, ReturnModel.Default);

        Assert.Equal(new ReturnFigures(391.67m, 885m, 493.33m, 2.2596), ReturnCalculator.Compute(metrics.Actions, ReturnModel.Default));
        Assert.Equal(58, result.Score);
        Assert.Equal(MaturityStage.Follower, result.Stage);
        Assert.Equal(["readRate.belowLeaders", "sharedBothActedRate.belowLeaders", "channels.belowBaseline", "returnRatio.leaderLevel"],
            result.Reasons.Select(r => r.Code));
        Assert.Equal(new MaturityNextStep("channels.reachLeader", "channels", 0.7631, "tcs2013.channel.appstores.leaders"), result.NextStep);
    }

    [Theory]
    [InlineData(0.0, 0.27, 0.635, 0)]
    [InlineData(0.27, 0.27, 0.635, 10)]
    [InlineData(0.635, 0.27, 0.635, 25)]
    [InlineData(2.0, 0.27, 0.635, 25)]
    [InlineData(-1.0, 0.27, 0.635, 0)]
    [InlineData(0.5, 1.0, 1.0, 5)]
    [InlineData(1.0, 1.0, 1.0, 25)]
    public void Points_are_0_at_nothing_10_at_the_laggard_line_and_25_at_the_leader_line(double value, double low, double high, double points) =>
        Assert.Equal(points, MaturityModel.PointsFor(value, low, high), 6);

    private static Gen<double?> Share => Gen.Choose(0, 1000).Select(i => (double?)(i / 1000.0)).Or(Gen.Constant((double?)null));

    private static Arbitrary<DepartmentMetrics> AnyMetrics => Gen.Choose(0, 1000).SelectMany(read => Share.SelectMany(shared =>
        Gen.Choose(0, 1000).SelectMany(blogs => Gen.Choose(0, 50).SelectMany(reads => Gen.Choose(0, 5).Select(insights =>
            Metrics(read / 1000.0, sharedBothActed: shared,
                channels: [new(ChannelGroup.Blogs, blogs % 3, blogs % 3 == 0 ? null : blogs / 1000.0)],
                actions: new ActionCounts(reads, 0, 0, 0, insights, 0, 0, 0))))))).ToArbitrary();

    [Property]
    public Property The_score_is_within_0_to_100_and_the_stage_follows_from_it() =>
        Prop.ForAll(AnyMetrics, metrics =>
        {
            var result = MaturityModel.Evaluate(metrics, Study, "rd", ReturnModel.Default);
            return (result.Score is >= 0 and <= 100 && result.Stage == MaturityModel.StageOf(result.Score.Value)).ToProperty();
        });

    [Property]
    public Property The_stage_never_falls_as_the_read_rate_rises_with_everything_else_fixed() =>
        Prop.ForAll(AnyMetrics, Gen.Choose(0, 1000).ToArbitrary(), (metrics, more) =>
        {
            var higher = metrics with { ReadRate = Math.Min(1, metrics.ReadRate!.Value + more / 1000.0) };
            var before = MaturityModel.Evaluate(metrics, Study, "pm", ReturnModel.Default);
            var after = MaturityModel.Evaluate(higher, Study, "pm", ReturnModel.Default);
            return (after.Stage >= before.Stage && after.Score >= before.Score).ToProperty();
        });
}
