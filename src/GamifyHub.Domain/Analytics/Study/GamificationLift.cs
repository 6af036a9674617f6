namespace GamifyHub.Domain.Analytics.Study;

/// <summary>The figures a lift compares: what a challenge or season is meant to move.</summary>
public sealed record LiftFigures(double? ReadRate, double? FirstResponseMedianMinutes, double? InsightRate)
{
    public static readonly LiftFigures None = new(null, null, null);

    /// <summary>The comparable figures of a department's metrics (all null when withheld: they are null there already).</summary>
    public static LiftFigures Of(DepartmentMetrics metrics) =>
        new(metrics.ReadRate, metrics.FirstResponse.MedianMinutes, metrics.InsightRate);
}

/// <summary>Before vs during, and the change (during − before; null when either side is unmeasured). A negative
/// first-response delta is an improvement (faster).</summary>
public sealed record LiftComparison(
    LiftFigures Before,
    LiftFigures During,
    double? ReadRateDelta,
    double? FirstResponseMedianDeltaMinutes,
    double? InsightRateDelta);

/// <summary>
/// The gamification effect (the study's "leaders adopted gamification early", made measurable): a department's figures
/// during a challenge or season against the same length of time immediately before it.
/// </summary>
public static class GamificationLift
{
    /// <summary>The range a lift compares with: as long as [start, end), ending at start.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) BeforeRange(DateTimeOffset start, DateTimeOffset end) =>
        (start - (end - start), start);

    public static LiftComparison Compare(LiftFigures before, LiftFigures during) => new(
        before,
        during,
        Delta(before.ReadRate, during.ReadRate),
        Delta(before.FirstResponseMedianMinutes, during.FirstResponseMedianMinutes),
        Delta(before.InsightRate, during.InsightRate));

    public static LiftComparison Compare(DepartmentMetrics before, DepartmentMetrics during) =>
        Compare(LiftFigures.Of(before), LiftFigures.Of(during));

    private static double? Delta(double? before, double? during) =>
        before is { } b && during is { } d ? Math.Round(d - b, 6) : null;
}
