namespace GamifyHub.Domain.Analytics.Study;

/// <summary>Where a department stands against the study. Sent by name (lower case), so never rename a member.
/// Withheld: the department is below the minimum group size; Unmeasured: nothing routed, so no read rate.</summary>
public enum MaturityStage { Laggard, Follower, Leader, Withheld, Unmeasured }

public static class MaturityStages
{
    public static string Name(MaturityStage stage) => stage.ToString().ToLowerInvariant();
}

/// <summary>
/// Why a department scored what it did, as a code the web client words (EN/DE), e.g. <c>readRate.belowBaseline</c> with
/// value 0.22 and baseline 0.27 from <c>tcs2013.readRate.rd</c>: "read rate 22% is below the R&amp;D baseline of 27%".
/// </summary>
public sealed record MaturityReason(string Code, string Metric, double? Value, double? Baseline, string? BenchmarkId);

/// <summary>The step that would move the department up: bring <see cref="Metric"/> to <see cref="Target"/>.</summary>
public sealed record MaturityNextStep(string Code, string Metric, double Target, string? BenchmarkId);

/// <summary>A stage, the score 0–100 it came from (null when withheld or unmeasured), the reasons and the next step.</summary>
public sealed record MaturityAssessment(MaturityStage Stage, int? Score, IReadOnlyList<MaturityReason> Reasons, MaturityNextStep? NextStep);

/// <summary>
/// The maturity formula (docs/analytics.md, "Maturity"). Up to four criteria, each worth 0–25 points against two lines
/// from the study, a laggard line L and a leader line H:
/// value 0 → 0 points, L → 10, H → 25, linear in between, capped at 25.
/// <list type="bullet">
/// <item>read rate: L = the function's read-rate baseline (<c>*.readRate.&lt;function&gt;</c>; for a function the study
/// has no figure for, and company-wide, the highest read-rate baseline), H = halfway from L to 100%;</item>
/// <item>silo-breaking (of items shared with another department, the share both acted on): L = 1 − silos (58% → 42%),
/// H = 1 − silos / 2 (71%); only when something was shared;</item>
/// <item>channel coverage: the mean read rate over the study's channel groups (blogs, app stores, video) that had items,
/// L = the laggards' mean use of those channels, H = the leaders'; only when one of them had items;</item>
/// <item>return: value / cost of the return model; L = H = 1 (a positive return, what 62% of the leaders see);
/// only when a model is given and something cost anything.</item>
/// </list>
/// Score = points / (25 × criteria measured) × 100, rounded down (so a stage is reached only when its line is). Stage: leader from 75, follower from 40, laggard below.
/// All criteria exactly at their laggard lines score 40: a follower.
/// </summary>
public static class MaturityModel
{
    public const int FollowerFrom = 40;
    public const int LeaderFrom = 75;
    public const double PointsPerCriterion = 25;
    public const double PointsAtLaggardLine = 10;

    /// <summary>Used only when the document has no read-rate figure at all (an admin removed them): TCS 2013's product management figure.</summary>
    public const double FallbackReadRateBaseline = 0.37;

    public const string ReadRate = "readRate";
    public const string SiloBreaking = "sharedBothActedRate";
    public const string ChannelCoverage = "channels";
    public const string ReturnRatio = "returnRatio";

    private static readonly (ChannelGroup Group, string Name)[] StudyChannels =
        [(ChannelGroup.Blogs, "blogs"), (ChannelGroup.AppStores, "appstores"), (ChannelGroup.Video, "video")];

    private sealed record Criterion(string Metric, double Value, double Low, double High, string? LowId, string? HighId)
    {
        public double Points => PointsFor(Value, Low, High);
    }

    /// <summary>
    /// Evaluates one department (<paramref name="departmentFunction"/> from <see cref="DepartmentFunctions.Of"/>) or the
    /// company (its metrics, function null). Withheld metrics give stage <see cref="MaturityStage.Withheld"/>, never a guess.
    /// </summary>
    public static MaturityAssessment Evaluate(DepartmentMetrics metrics, BenchmarkDocument document, string? departmentFunction,
        ReturnModel? returnModel = null)
    {
        if (metrics.Withheld)
        {
            return new(MaturityStage.Withheld, null, [new("withheld", ReadRate, null, null, null)], null);
        }

        if (metrics.ReadRate is not { } readRate)
        {
            return new(MaturityStage.Unmeasured, null,
                [new(metrics.RoutedItems == 0 ? "nothingRouted" : "unmeasured", ReadRate, null, null, null)], null);
        }

        var criteria = Criteria(metrics, readRate, document, departmentFunction, returnModel);
        var total = criteria.Sum(c => c.Points);
        var score = ScoreOf(total, criteria.Count);
        var stage = StageOf(score);
        return new(stage, score, [.. criteria.Select(Reason)], NextStep(criteria, total, stage));
    }

    public static MaturityStage StageOf(int score) =>
        score >= LeaderFrom ? MaturityStage.Leader : score >= FollowerFrom ? MaturityStage.Follower : MaturityStage.Laggard;

    /// <summary>Points of one criterion: 0 at 0, 10 at the laggard line, 25 at the leader line, linear between, capped.</summary>
    public static double PointsFor(double value, double low, double high)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            return 0;
        }

        if (low > 0 && value < low)
        {
            return PointsAtLaggardLine * value / low;
        }

        if (value >= high)
        {
            return PointsPerCriterion;
        }

        return PointsAtLaggardLine + (PointsPerCriterion - PointsAtLaggardLine) * (value - low) / (high - low);
    }

    /// <summary>The read-rate baseline for a function: its own study figure, or (no figure, or company-wide) the highest one.</summary>
    public static (double Value, string? Id) ReadRateBaseline(BenchmarkDocument document, string? departmentFunction)
    {
        var readRates = document.Figures().Where(x => x.Figure.Id.Contains(".readRate.", StringComparison.Ordinal)).ToList();
        if (departmentFunction is not null
            && readRates.FirstOrDefault(x => x.Figure.Id.EndsWith($".readRate.{departmentFunction}", StringComparison.Ordinal)) is { Figure: { } own })
        {
            return (own.Value, own.Id);
        }

        return readRates.Count == 0
            ? (FallbackReadRateBaseline, null)
            : readRates.Select(x => (x.Figure.Value, (string?)x.Figure.Id)).MaxBy(x => x.Value);
    }

    // Rounded down, with a hair of tolerance for sums like 0.1 + 0.2, so the next step's target is exactly enough.
    private static int ScoreOf(double points, int criteria) =>
        (int)Math.Clamp(Math.Floor(100 * points / (PointsPerCriterion * criteria) + 1e-9), 0, 100);

    private static List<Criterion> Criteria(DepartmentMetrics metrics, double readRate, BenchmarkDocument document,
        string? departmentFunction, ReturnModel? returnModel)
    {
        var (baseline, baselineId) = ReadRateBaseline(document, departmentFunction);
        var criteria = new List<Criterion> { new(ReadRate, readRate, baseline, baseline + (1 - baseline) / 2, baselineId, baselineId) };

        if (metrics.SharedBothActedRate is { } shared && FindBySuffix(document, ".silos") is { } silos)
        {
            criteria.Add(new(SiloBreaking, shared, 1 - silos.Value, 1 - silos.Value / 2, silos.Id, silos.Id));
        }

        var channels = new List<(double ReadRate, BenchmarkFigure Laggards, BenchmarkFigure Leaders)>();
        foreach (var (group, name) in StudyChannels)
        {
            var coverage = metrics.Channels.FirstOrDefault(c => c.Group == group);
            if (coverage is { Items: > 0, ReadRate: { } rate }
                && FindBySuffix(document, $".channel.{name}.laggards") is { } laggards
                && FindBySuffix(document, $".channel.{name}.leaders") is { } leaders)
            {
                channels.Add((rate, laggards, leaders));
            }
        }

        if (channels.Count > 0)
        {
            // The group furthest below its leaders names the figure the reason cites.
            var weakest = channels.MinBy(c => PointsFor(c.ReadRate, c.Laggards.Value, c.Leaders.Value));
            criteria.Add(new(ChannelCoverage, channels.Average(c => c.ReadRate), channels.Average(c => c.Laggards.Value),
                channels.Average(c => c.Leaders.Value), weakest.Laggards.Id, weakest.Leaders.Id));
        }

        if (returnModel is not null && ReturnCalculator.Compute(metrics.Actions, returnModel) is { Ratio: { } ratio })
        {
            var positive = FindBySuffix(document, ".roi.positive.leaders")?.Id;
            criteria.Add(new(ReturnRatio, ratio, 1, 1, positive, positive));
        }

        return criteria;
    }

    private static BenchmarkFigure? FindBySuffix(BenchmarkDocument document, string suffix) =>
        document.Figures().Select(x => x.Figure).FirstOrDefault(f => f.Id.EndsWith(suffix, StringComparison.Ordinal));

    private static MaturityReason Reason(Criterion c) => c.Value < c.Low
        ? new($"{c.Metric}.belowBaseline", c.Metric, Round(c.Value), c.Low, c.LowId)
        : c.Value < c.High
            ? new($"{c.Metric}.belowLeaders", c.Metric, Round(c.Value), Round(c.High), c.HighId)
            : new($"{c.Metric}.leaderLevel", c.Metric, Round(c.Value), Round(c.High), c.HighId);

    /// <summary>
    /// The first criterion (in the order read rate, silo-breaking, channels, return) that alone would lift the score to
    /// the next stage, with the value it needs; when none can alone, the criterion that gains most by reaching its next line.
    /// </summary>
    private static MaturityNextStep? NextStep(List<Criterion> criteria, double total, MaturityStage stage)
    {
        if (stage == MaturityStage.Leader)
        {
            return null;
        }

        var threshold = stage == MaturityStage.Laggard ? FollowerFrom : LeaderFrom;
        var neededTotal = threshold * PointsPerCriterion * criteria.Count / 100;
        var code = stage == MaturityStage.Laggard ? "reachFollower" : "reachLeader";
        foreach (var c in criteria)
        {
            var needed = c.Points + (neededTotal - total);
            if (needed <= PointsPerCriterion)
            {
                return new($"{c.Metric}.{code}", c.Metric, CeilingTo4(ValueFor(needed, c.Low, c.High)),
                    needed <= PointsAtLaggardLine ? c.LowId : c.HighId);
            }
        }

        var best = criteria.Where(c => c.Value < c.High)
            .Select(c => (Criterion: c, Target: c.Value < c.Low ? c.Low : c.High))
            .MaxBy(x => PointsFor(x.Target, x.Criterion.Low, x.Criterion.High) - x.Criterion.Points);
        return best.Criterion is null
            ? null
            : new($"{best.Criterion.Metric}.{(best.Target == best.Criterion.Low ? "reachBaseline" : "reachLeaders")}",
                best.Criterion.Metric, Round(best.Target), best.Target == best.Criterion.Low ? best.Criterion.LowId : best.Criterion.HighId);
    }

    /// <summary>The value that earns <paramref name="points"/> (the inverse of <see cref="PointsFor"/>).</summary>
    private static double ValueFor(double points, double low, double high) =>
        points <= PointsAtLaggardLine
            ? Math.Max(0, points) / PointsAtLaggardLine * low
            : high <= low ? high : low + (points - PointsAtLaggardLine) / (PointsPerCriterion - PointsAtLaggardLine) * (high - low);

    private static double Round(double value) => Math.Round(value, 4);

    private static double CeilingTo4(double value) => Math.Ceiling(value * 10_000 - 1e-9) / 10_000;
}
