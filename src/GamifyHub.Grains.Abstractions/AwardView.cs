using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains;

[GenerateSerializer, Immutable, Alias("gh.AwardView.v1")]
public sealed record AwardView(
    [property: Id(0)] int Points,
    [property: Id(1)] PointCategory Category,
    [property: Id(2)] string Rule,
    [property: Id(3)] int RuleVersion,
    [property: Id(4)] string Reason)
{
    public static AwardView From(AwardLine line) =>
        new(line.Points, line.Category, line.RuleId, line.RuleVersion, line.Reason);
}
