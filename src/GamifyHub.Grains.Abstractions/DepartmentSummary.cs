namespace GamifyHub.Grains;

[GenerateSerializer, Immutable, Alias("gh.DepartmentSummary.v1")]
public sealed record DepartmentSummary(
    [property: Id(0)] Guid DepartmentId,
    [property: Id(1)] long Points,
    [property: Id(2)] long Events);
