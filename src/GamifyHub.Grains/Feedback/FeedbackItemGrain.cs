using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains.Feedback;

/// <summary>
/// Owns one item's lifecycle, folded from its events on activation. Actions are checked against that state,
/// scored, and acknowledged only after the writer made the event durable. The state holds the resolve's award lines
/// (a reopen claws them back), so it is reloaded when a rescore puts another rules version in force.
/// </summary>
public sealed class FeedbackItemGrain(ProjectionReader reader, CompanyDirectory directory, RuleBook rules) : Grain, IFeedbackItemGrain
{
    private const int StaleRetries = 3;
    private FeedbackItemState? _state;
    private int _loadedUnder;
    private readonly HashSet<Guid> _eventIds = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Load();

    private async Task Load()
    {
        _loadedUnder = rules.Current.Version;
        _state = null;
        _eventIds.Clear();
        var history = await reader.LoadItem(this.GetPrimaryKey());
        if (history is null)
        {
            return;
        }

        _state = new FeedbackItemState(history.Profile);
        foreach (var e in history.Events)
        {
            _state.Apply(e.EmployeeId, e.DepartmentId, e.Type, e.TargetDepartmentId, e.Source, e.Awards);
            _eventIds.Add(e.EventId);
        }
    }

    public async Task<ActionOutcome> Act(ActionCommand command)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (rules.Current.Version != _loadedUnder)
            {
                await Load();
            }

            var outcome = await TryAct(command, attempt == StaleRetries);
            if (outcome is not null)
            {
                return outcome;
            }
        }
    }

    /// <returns>Null when the employee grain found this state older than the rules in force (nothing was stored).</returns>
    private async Task<ActionOutcome?> TryAct(ActionCommand command, bool lastAttempt)
    {
        if (_state is null)
        {
            // Unknown now, but an item may arrive later under this id: do not cache the absence.
            DeactivateOnIdle();
            return ActionOutcome.Refused(ActionFailure.ItemNotFound, command.EventId);
        }

        if (!_eventIds.Contains(command.EventId))
        {
            var failure = Check(command);
            if (failure != ActionFailure.None)
            {
                return ActionOutcome.Refused(failure, command.EventId);
            }
        }

        // Scoring belongs to the actor's ledger (caps, cooldowns, bursts); the item contributes what it knows.
        var fact = Employees.EmployeeGrain.FactOf(command, _state.FactsFor(command.Type, command.TargetDepartmentId));
        var scored = await GrainFactory.GetGrain<IEmployeeGrain>(command.EmployeeId)
            .Score(new ScoreRequest(command, this.GetPrimaryKey(), fact, _loadedUnder));
        if (scored.StaleRules)
        {
            // Rescores back to back: nothing was stored, so the caller may retry (503 with Retry-After, not a 500).
            return lastAttempt ? throw new StaleRulesException(_loadedUnder, rules.Current.Version) : null;
        }

        if (scored.Duplicate)
        {
            return new ActionOutcome(ActionFailure.None, command.EventId, true, scored.Points, [], _state.Status);
        }

        _state.Apply(command.EmployeeId, command.DepartmentId, command.Type, command.TargetDepartmentId, command.Source, scored.Awards);
        _eventIds.Add(command.EventId);
        return new ActionOutcome(ActionFailure.None, command.EventId, false, scored.Points,
            [.. Employees.EmployeeGrain.OwnLines(scored.Awards, command.EmployeeId).Select(AwardView.From)], _state.Status);
    }

    private ActionFailure Check(ActionCommand command)
    {
        if (command.Type == ActionType.Forward && command.TargetDepartmentId is { } target && directory.Department(target) is null)
        {
            return ActionFailure.UnknownTargetDepartment;
        }

        return _state!.Check(command.DepartmentId, command.Type, command.TargetDepartmentId) switch
        {
            null => ActionFailure.None,
            ActionRejection.NotRoutedToDepartment => ActionFailure.NotRoutedToDepartment,
            ActionRejection.AlreadyResolved => ActionFailure.AlreadyResolved,
            ActionRejection.NotResolved => ActionFailure.NotResolved,
            ActionRejection.ItemResolved => ActionFailure.ItemResolved,
            ActionRejection.MissingTargetDepartment => ActionFailure.MissingTargetDepartment,
            ActionRejection.AlreadyRoutedThere => ActionFailure.AlreadyRoutedThere,
            var other => throw new InvalidOperationException($"Unmapped rejection {other}."),
        };
    }
}
