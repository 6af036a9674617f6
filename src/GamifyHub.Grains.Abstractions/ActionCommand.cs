using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains;

/// <summary>An employee's action on a feedback item (or an external event), before it is recorded.</summary>
[GenerateSerializer, Immutable, Alias("gh.ActionCommand.v1")]
public sealed record ActionCommand(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] Guid EmployeeId,
    [property: Id(2)] Guid DepartmentId,
    [property: Id(3)] ActionType Type,
    [property: Id(4)] DateTime OccurredAt,
    [property: Id(5)] string Source,
    [property: Id(6)] Guid? TargetDepartmentId = null,
    [property: Id(7)] string? Text = null,
    [property: Id(8)] string? Url = null,
    [property: Id(9)] int? DwellSeconds = null);
