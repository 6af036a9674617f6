using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Feedback;

public static class FeedbackEndpoints
{
    public static RouteGroupBuilder MapFeedbackEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/feedback").WithTags("Feedback");
        group.MapPost("/", Ingest).RequireAuthorization(Policies.FeedbackIn).RequireRateLimiting(Security.RateLimits.Intake);
        group.MapPost("/batch", IngestBatch).RequireAuthorization(Policies.FeedbackIn).RequireRateLimiting(Security.RateLimits.Intake);
        group.MapGet("/", Inbox).RequireAuthorization(Policies.ReadInbox);
        group.MapGet("/{id:guid}", Detail).RequireAuthorization(Policies.ReadInbox);
        group.MapPost("/{id:guid}/actions", Act).RequireAuthorization(Policies.ActOnFeedback)
            .RequireRateLimiting(Security.RateLimits.Actions);
        return group;
    }

    private static async Task<IResult> Ingest(FeedbackIn? item, FeedbackIntakeService intake)
    {
        var errors = FeedbackIntakeService.Validate(item);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var accepted = await intake.IngestAsync(item!);
        return accepted.Duplicate
            ? TypedResults.Ok(accepted)
            : TypedResults.Created($"/api/feedback/{accepted.Id}", accepted);
    }

    /// <summary>All or nothing: one invalid item rejects the batch, so callers never have to reconcile a half.</summary>
    private static async Task<IResult> IngestBatch(FeedbackBatchIn? batch, FeedbackIntakeService intake)
    {
        if (batch?.Items is not { Count: > 0 } items)
        {
            return ApiProblems.Validation("items", "'items' must be a non-empty list of feedback items.");
        }

        if (items.Count > FeedbackLimits.BatchMaxItems)
        {
            return ApiProblems.Validation("items", $"A batch holds at most {FeedbackLimits.BatchMaxItems} items.");
        }

        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var (field, messages) in FeedbackIntakeService.Validate(items[i], $"items[{i}]."))
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var results = await Task.WhenAll(items.Select(i => intake.IngestAsync(i!)));
        return TypedResults.Ok(new FeedbackBatchAccepted(results));
    }

    /// <summary>
    /// The department's inbox, newest first, filtered and searched; paged by cursor (or by page number for older
    /// clients, up to <see cref="InboxParameters.MaxOffset"/> items deep). Every parameter is read here so each
    /// mistake is a 400 naming it.
    /// </summary>
    private static async Task<IResult> Inbox(HttpRequest request, ClaimsPrincipal user, FeedbackQueries queries,
        CancellationToken cancellationToken)
    {
        var (parsed, errors) = InboxParameters.Parse(request.Query);
        if (parsed is null)
        {
            return ApiProblems.Validation(errors);
        }

        return TypedResults.Ok(await queries.Inbox(user.GetDepartmentId()!.Value, user.GetEmployeeId()!.Value, parsed,
            cancellationToken));
    }

    private static async Task<IResult> Detail(Guid id, ClaimsPrincipal user, FeedbackQueries queries)
    {
        if (!await queries.IsRoutedTo(id, user.GetDepartmentId()!.Value))
        {
            // Items of other departments are as invisible as unknown ones.
            return ApiProblems.NotFound($"No feedback item {id} in your department's inbox.");
        }

        return TypedResults.Ok(await queries.Detail(id, user));
    }

    private static async Task<IResult> Act(Guid id, ActionIn? body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time,
        Texts.Localizer texts)
    {
        var (action, errors) = ActionValidation.Validate(body);
        if (action is null)
        {
            return ApiProblems.Validation(errors);
        }

        var command = new ActionCommand(Guid.CreateVersion7(), user.GetEmployeeId()!.Value, user.GetDepartmentId()!.Value,
            action.Type, time.GetUtcNow().UtcDateTime, "web", action.TargetDepartmentId, action.Text, action.Url, action.DwellSeconds);
        var outcome = await grains.GetGrain<IFeedbackItemGrain>(id).Act(command);
        return outcome.Failure switch
        {
            ActionFailure.None => TypedResults.Ok(new ActionAccepted(outcome.EventId, ActionTypes.Name(action.Type), outcome.Points,
                [.. outcome.Awards.Select(a => new AwardDto(a.Points, a.Category.ToString(), a.Rule, texts.Reason(a), a.RuleVersion))],
                outcome.Status?.ToString().ToLowerInvariant() ?? "open")),
            _ => ActionProblems.For(outcome.Failure, id),
        };
    }
}
