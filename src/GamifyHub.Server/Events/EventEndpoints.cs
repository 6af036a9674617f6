using System.Globalization;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Events;

/// <summary>Engagement events from other tools, idempotent on their event id so callers can retry safely.</summary>
public static class EventEndpoints
{
    public const int BatchMaxEvents = 1_000;

    private sealed record ValidEvent(ActionCommand Command, Guid? FeedbackId);

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Engagement events").RequireAuthorization(Policies.EventsIn)
            .RequireRateLimiting(Security.RateLimits.Intake);
        group.MapPost("/", Record);
        group.MapPost("/batch", RecordBatch);
        return group;
    }

    private static async Task<IResult> Record(EventIn? input, CompanyDirectory directory, IGrainFactory grains, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        var valid = Validate(input, "", directory, time, errors);
        if (valid is null)
        {
            return ApiProblems.Validation(errors);
        }

        var outcome = await Send(valid, grains);
        return outcome.Accepted
            ? TypedResults.Ok(new EventAccepted(outcome.EventId, outcome.Points, outcome.Duplicate))
            : ActionProblems.For(outcome.Failure, valid.FeedbackId ?? Guid.Empty);
    }

    private static async Task<IResult> RecordBatch(EventBatchIn? batch, CompanyDirectory directory, IGrainFactory grains, TimeProvider time)
    {
        if (batch?.Events is not { Count: > 0 } events)
        {
            return ApiProblems.Validation("events", "'events' must be a non-empty list of engagement events.");
        }

        if (events.Count > BatchMaxEvents)
        {
            return ApiProblems.Validation("events", $"A batch holds at most {BatchMaxEvents} events.");
        }

        var errors = new Dictionary<string, string[]>();
        var valid = events.Select((e, i) => Validate(e, $"events[{i}].", directory, time, errors)).ToList();
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        // One call per employee, their events in request order: the order they are scored in.
        var outcomes = new ActionOutcome[valid.Count];
        await Task.WhenAll(valid.Select((v, i) => (Event: v!, Index: i)).GroupBy(v => v.Event.Command.EmployeeId)
            .Select(byEmployee => SendInOrder([.. byEmployee], outcomes, grains)));
        return TypedResults.Ok(new EventBatchAccepted([.. outcomes.Select(o => o.Accepted
            ? new EventAccepted(o.EventId, o.Points, o.Duplicate)
            : new EventAccepted(o.EventId, 0, false, StatusCodes.Status409Conflict, o.Failure.ToString()))]));
    }

    /// <summary>
    /// One employee's events of a request, in order: each run of events without an item goes to their grain in one call;
    /// an event on an item goes through the item's grain once everything before it is answered.
    /// </summary>
    private static async Task SendInOrder(List<(ValidEvent Event, int Index)> events, ActionOutcome[] outcomes, IGrainFactory grains)
    {
        for (var start = 0; start < events.Count;)
        {
            var end = start;
            while (end < events.Count && events[end].Event.FeedbackId is null)
            {
                end++;
            }

            if (end == start)
            {
                outcomes[events[start].Index] = await Send(events[start].Event, grains);
                start++;
                continue;
            }

            var run = events.GetRange(start, end - start);
            var answers = await grains.GetGrain<IEmployeeGrain>(run[0].Event.Command.EmployeeId)
                .RecordExternalBatch([.. run.Select(e => e.Event.Command)]);
            for (var i = 0; i < run.Count; i++)
            {
                outcomes[run[i].Index] = answers[i];
            }

            start = end;
        }
    }

    private static Task<ActionOutcome> Send(ValidEvent e, IGrainFactory grains) => e.FeedbackId is { } feedbackId
        ? grains.GetGrain<IFeedbackItemGrain>(feedbackId).Act(e.Command)
        : grains.GetGrain<IEmployeeGrain>(e.Command.EmployeeId).RecordExternal(e.Command);

    private static ValidEvent? Validate(EventIn? input, string prefix, CompanyDirectory directory, TimeProvider time,
        Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        void Error(string field, string message) => errors[prefix + field] = [message];
        if (input is null)
        {
            Error("event", "An event object is required.");
            return null;
        }

        if (!Guid.TryParse(input.EventId, out var eventId) || eventId == Guid.Empty)
        {
            Error("eventId", "'eventId' must be a non-empty GUID chosen by the caller; retries reuse it.");
        }

        var employee = input.Employee is null ? null : directory.EmployeeByEmail(input.Employee);
        if (employee is null)
        {
            Error("employee", "'employee' must be the email of an employee.");
        }

        if (!ActionTypes.TryParse(input.Type, out var type) || type is ActionType.Forward or ActionType.Reopen or ActionType.Kudos)
        {
            Error("type", "'type' must be one of: read, reply, tag, insight, resolve.");
        }

        Guid? feedbackId = null;
        if (input.FeedbackId is not null)
        {
            if (Guid.TryParse(input.FeedbackId, out var f) && f != Guid.Empty)
            {
                feedbackId = f;
            }
            else
            {
                Error("feedbackId", "'feedbackId' must be the GUID of a feedback item (or left out).");
            }
        }

        var now = time.GetUtcNow();
        var occurredAt = now;
        if (input.OccurredAt is not null && (!DateTimeOffset.TryParse(input.OccurredAt, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out occurredAt) || occurredAt > now.AddMinutes(5)))
        {
            Error("occurredAt", "'occurredAt' must be an ISO 8601 date and time, not in the future.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new ValidEvent(new ActionCommand(eventId, employee!.Id, employee.DepartmentId, type, occurredAt.UtcDateTime, "api"),
            feedbackId);
    }
}
