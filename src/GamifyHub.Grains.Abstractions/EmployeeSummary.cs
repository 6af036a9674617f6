using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains;

[GenerateSerializer, Immutable, Alias("gh.EmployeeSummary.v1")]
public sealed record EmployeeSummary(
    [property: Id(0)] Guid EmployeeId,
    [property: Id(1)] long Points,
    [property: Id(2)] IReadOnlyDictionary<PointCategory, long> PointsByCategory,
    [property: Id(3)] IReadOnlyList<EarnedAwards> RecentAwards);
