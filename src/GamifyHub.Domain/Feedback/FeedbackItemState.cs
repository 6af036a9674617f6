using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Feedback;

/// <summary>
/// The lifecycle of one feedback item, folded from its engagement events. Events are the source of
/// truth: replaying them in order rebuilds exactly this state.
/// </summary>
public sealed class FeedbackItemState
{
    private readonly HashSet<Guid> _departments;
    private readonly HashSet<(Guid Employee, ActionType Action)> _done = [];

    public FeedbackItemState(IEnumerable<Guid> routedDepartments)
    {
        _departments = [.. routedDepartments];
    }

    public FeedbackStatus Status { get; private set; } = FeedbackStatus.Open;

    public int ReplyCount { get; private set; }

    public IReadOnlyCollection<Guid> Departments => _departments;

    public bool IsRoutedTo(Guid departmentId) => _departments.Contains(departmentId);

    public bool HasDone(Guid employeeId, ActionType action) => _done.Contains((employeeId, action));

    /// <summary>Checks whether an employee of a department may take this action now. Null means allowed.</summary>
    public ActionRejection? Check(Guid departmentId, ActionType action, Guid? forwardTo)
    {
        if (!IsRoutedTo(departmentId))
        {
            return ActionRejection.NotRoutedToDepartment;
        }

        return action switch
        {
            ActionType.Resolve when Status == FeedbackStatus.Resolved => ActionRejection.AlreadyResolved,
            ActionType.Reopen when Status == FeedbackStatus.Open => ActionRejection.NotResolved,
            ActionType.Reply or ActionType.Forward or ActionType.Insight or ActionType.Tag
                when Status == FeedbackStatus.Resolved => ActionRejection.ItemResolved,
            ActionType.Forward when forwardTo is null => ActionRejection.MissingTargetDepartment,
            ActionType.Forward when IsRoutedTo(forwardTo!.Value) => ActionRejection.AlreadyRoutedThere,
            _ => null,
        };
    }

    /// <summary>Applies an accepted event. Never validates: history is history.</summary>
    public void Apply(Guid employeeId, ActionType action, Guid? forwardTo)
    {
        _done.Add((employeeId, action));
        switch (action)
        {
            case ActionType.Reply:
                ReplyCount++;
                break;
            case ActionType.Forward when forwardTo is { } target:
                _departments.Add(target);
                break;
            case ActionType.Resolve:
                Status = FeedbackStatus.Resolved;
                break;
            case ActionType.Reopen:
                Status = FeedbackStatus.Open;
                break;
        }
    }

    public ScoringContext ScoringContextFor(Guid employeeId, ActionType action) =>
        new(action, IsFirstReplyOnItem: action == ActionType.Reply && ReplyCount == 0, HasDone(employeeId, action));
}

public enum ActionRejection
{
    NotRoutedToDepartment,
    AlreadyResolved,
    NotResolved,
    ItemResolved,
    MissingTargetDepartment,
    AlreadyRoutedThere,
}
