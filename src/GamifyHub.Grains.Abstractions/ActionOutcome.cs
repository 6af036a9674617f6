using GamifyHub.Domain.Feedback;

namespace GamifyHub.Grains;

/// <summary>Why an action was refused, as the API reports it.</summary>
public enum ActionFailure
{
    None,
    ItemNotFound,
    NotRoutedToDepartment,
    AlreadyResolved,
    NotResolved,
    ItemResolved,
    MissingTargetDepartment,
    UnknownTargetDepartment,
    AlreadyRoutedThere,
}

/// <summary>The answer to an action: refused, or recorded (possibly earlier) with what it earned.</summary>
[GenerateSerializer, Immutable, Alias("gh.ActionOutcome.v1")]
public sealed record ActionOutcome(
    [property: Id(0)] ActionFailure Failure,
    [property: Id(1)] Guid EventId,
    [property: Id(2)] bool Duplicate,
    [property: Id(3)] int Points,
    [property: Id(4)] IReadOnlyList<AwardView> Awards,
    [property: Id(5)] FeedbackStatus? Status)
{
    public bool Accepted => Failure == ActionFailure.None;

    public static ActionOutcome Refused(ActionFailure failure, Guid eventId) => new(failure, eventId, false, 0, [], null);
}
