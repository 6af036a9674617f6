using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Feedback;

/// <summary>
/// The lifecycle of one feedback item, folded from its engagement events. Events are the source of
/// truth: replaying them in order rebuilds exactly this state. Created from an <see cref="ItemProfile"/>, it also
/// builds the <see cref="ItemFacts"/> scoring needs for the next event (first reply, whether the customer got an answer,
/// hand-off chain, what a reopen returns).
/// </summary>
public sealed class FeedbackItemState
{
    // An item is routed to a handful of departments: a list beats a hash set here.
    private readonly List<Guid> _departments = [];
    // Null when nothing will ask (a replay): a set per item is a large share of a million-event replay's allocations.
    private readonly HashSet<(Guid Employee, ActionType Action)>? _done = [];

    // Immutable snapshots handed out in ItemFacts, and the facts themselves: most events see an unchanged item, so
    // they share one ItemFacts instance until a reply, forward, resolve or reopen changes what the next event sees.
    private IReadOnlyList<Guid>? _departmentsSnapshot;
    private IReadOnlyList<ChainMember> _chainSnapshot = [];
    private ItemFacts? _plainFacts;
    private ItemFacts? _replyFacts;

    /// <summary>An item known only by its routing: enough for <see cref="Check"/> and <see cref="Apply(Guid, ActionType, Guid?)"/>.</summary>
    public FeedbackItemState(IEnumerable<Guid> routedDepartments)
    {
        ArgumentNullException.ThrowIfNull(routedDepartments);
        foreach (var department in routedDepartments)
        {
            AddDepartment(department);
        }
    }

    /// <summary>An item that can also produce <see cref="ItemFacts"/> for scoring.</summary>
    public FeedbackItemState(ItemProfile profile)
        : this((profile ?? throw new ArgumentNullException(nameof(profile))).RoutedDepartments)
    {
        Profile = profile;
    }

    /// <summary>For <see cref="ScoreReplay"/>: scoring facts only, without the record behind <see cref="HasDone"/>.</summary>
    internal FeedbackItemState(ItemProfile profile, bool rememberWhoDidWhat)
        : this(profile)
    {
        if (!rememberWhoDidWhat)
        {
            _done = null;
        }
    }

    public ItemProfile? Profile { get; }

    public FeedbackStatus Status { get; private set; } = FeedbackStatus.Open;

    public int ReplyCount { get; private set; }

    /// <summary>Routed departments in the order they were added (intake first, then forwards).</summary>
    public IReadOnlyCollection<Guid> Departments => _departments;

    /// <summary>Who forwarded the item, in order, with their department at the time. Automation forwards are not listed.</summary>
    public IReadOnlyList<ChainMember> HandOffChain => _chainSnapshot;

    /// <summary>The award lines of the resolve that closed the item; empty while it is open.</summary>
    public IReadOnlyList<AwardLine> LastResolveAwards { get; private set; } = [];

    public bool IsRoutedTo(Guid departmentId) => _departments.Contains(departmentId);

    public bool HasDone(Guid employeeId, ActionType action) =>
        _done?.Contains((employeeId, action)) ?? throw new InvalidOperationException("This item state does not remember who did what.");

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

    /// <summary>
    /// The item as the next event will see it: profile, routing (including a forward's target), whether a reply would be
    /// the first, whether anyone replied already, the hand-off chain and, for a reopen, the lines of the resolve it undoes.
    /// Allocates only the record.
    /// </summary>
    /// <exception cref="InvalidOperationException">The state was created without an <see cref="ItemProfile"/>.</exception>
    public ItemFacts FactsFor(ActionType action, Guid? forwardTo = null)
    {
        var profile = Profile ?? throw new InvalidOperationException("Scoring facts need an item created from an ItemProfile.");
        switch (action)
        {
            case ActionType.Forward when forwardTo is { } target && !IsRoutedTo(target):
                return Facts(profile, [.. _departments, target], isFirstReply: false, []);
            case ActionType.Reopen when LastResolveAwards.Count > 0:
                return Facts(profile, DepartmentsSnapshot, isFirstReply: false, LastResolveAwards);
            case ActionType.Reply when ReplyCount == 0:
                return _replyFacts ??= Facts(profile, DepartmentsSnapshot, isFirstReply: true, []);
            default:
                return _plainFacts ??= Facts(profile, DepartmentsSnapshot, isFirstReply: false, []);
        }
    }

    private IReadOnlyList<Guid> DepartmentsSnapshot => _departmentsSnapshot ??= [.. _departments];

    private ItemFacts Facts(ItemProfile profile, IReadOnlyList<Guid> departments, bool isFirstReply, IReadOnlyList<AwardLine> clawBack) =>
        new(profile.ItemId, profile.Channel, profile.Sentiment, profile.Priority, profile.Language, departments, profile.ReceivedAt,
            isFirstReply, Answered: ReplyCount > 0, _chainSnapshot, clawBack);

    /// <summary>Applies an accepted event to the lifecycle only (no hand-off chain, no clawback). Never validates: history is history.</summary>
    public void Apply(Guid employeeId, ActionType action, Guid? forwardTo) =>
        Apply(employeeId, Guid.Empty, action, forwardTo, joinsChain: false, []);

    /// <summary>
    /// Applies an accepted event together with what it awarded: a forward joins the hand-off chain (unless it came from
    /// automation, which never earns), a resolve keeps its award lines so a reopen can return them, a reopen forgets them.
    /// Never validates: history is history.
    /// </summary>
    public void Apply(Guid employeeId, Guid departmentId, ActionType action, Guid? forwardTo, string source, IReadOnlyList<AwardLine> awards)
    {
        ArgumentNullException.ThrowIfNull(awards);
        Apply(employeeId, departmentId, action, forwardTo, joinsChain: !EngagementSources.IsAutomation(source), awards);
    }

    private void Apply(Guid employeeId, Guid departmentId, ActionType action, Guid? forwardTo, bool joinsChain, IReadOnlyList<AwardLine> awards)
    {
        _done?.Add((employeeId, action));
        switch (action)
        {
            case ActionType.Reply:
                ReplyCount++;
                // The first reply answers the customer: every later event sees Answered.
                _replyFacts = null;
                if (ReplyCount == 1)
                {
                    _plainFacts = null;
                }

                break;
            case ActionType.Forward:
                if (forwardTo is { } target)
                {
                    AddDepartment(target);
                }

                if (joinsChain)
                {
                    _chainSnapshot = [.. _chainSnapshot, new ChainMember(employeeId, departmentId)];
                    _plainFacts = _replyFacts = null;
                }

                break;
            case ActionType.Resolve:
                Status = FeedbackStatus.Resolved;
                LastResolveAwards = awards.Count == 0 ? [] : [.. awards];
                break;
            case ActionType.Reopen:
                Status = FeedbackStatus.Open;
                LastResolveAwards = [];
                break;
        }
    }

    private void AddDepartment(Guid department)
    {
        if (!_departments.Contains(department))
        {
            _departments.Add(department);
            _departmentsSnapshot = null;
            _plainFacts = _replyFacts = null;
        }
    }
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
