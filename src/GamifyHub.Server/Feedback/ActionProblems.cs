using GamifyHub.Grains;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Feedback;

/// <summary>Maps refused actions to problem details.</summary>
public static class ActionProblems
{
    public static IResult For(ActionFailure failure, Guid itemId) => failure switch
    {
        ActionFailure.ItemNotFound => ApiProblems.NotFound($"No feedback item {itemId} exists."),
        ActionFailure.NotRoutedToDepartment => ApiProblems.Forbidden("This feedback item is not routed to your department."),
        ActionFailure.AlreadyResolved => ApiProblems.Conflict("This feedback item is already resolved."),
        ActionFailure.NotResolved => ApiProblems.Conflict("This feedback item is open; only resolved items can be reopened."),
        ActionFailure.ItemResolved => ApiProblems.Conflict("This feedback item is resolved; reopen it before acting on it."),
        ActionFailure.MissingTargetDepartment => ApiProblems.Validation("departmentId", "Forwarding needs a 'departmentId'."),
        ActionFailure.UnknownTargetDepartment => ApiProblems.Validation("departmentId", "No department has that 'departmentId'."),
        ActionFailure.AlreadyRoutedThere => ApiProblems.Conflict("The item is already routed to that department."),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
