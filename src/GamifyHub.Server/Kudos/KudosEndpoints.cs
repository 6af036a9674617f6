using System.Security.Claims;
using GamifyHub.Domain.Kudos;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Kudos;

/// <summary>Thanking a colleague for their work on a feedback item.</summary>
public static class KudosEndpoints
{
    /// <param name="Receiver">The colleague's employee id; or instead <paramref name="EventId"/>.</param>
    /// <param name="EventId">An entry of the item's history (its <c>eventId</c>): thanks whoever did it. The way to thank
    /// someone the reader sees only under a pseudonym or as "A colleague": the answer does not say who it was.</param>
    public sealed record KudosIn(Guid? Receiver, Guid? FeedbackId, string? Message, Guid? EventId = null);

    /// <param name="Receiver">The receiver's employee id when the kudos named it; null when given by history entry.</param>
    /// <param name="Points">Collaboration points the receiver got for it (0 when a cap or the rules give none).</param>
    public sealed record KudosDto(Guid Id, Guid? Receiver, Guid FeedbackId, string? Message, DateTime GivenAt, int Points, bool Duplicate,
        int GivenToday, int DailyLimit);

    public sealed record KudosAllowanceDto(int GivenToday, int DailyLimit, int Remaining);

    public static RouteGroupBuilder MapKudosEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/kudos").WithTags("Kudos").RequireAuthorization(Policies.Employee);
        group.MapPost("", Give).RequireRateLimiting(Security.RateLimits.Actions);
        group.MapGet("/allowance", Allowance);
        return api;
    }

    private static async Task<KudosAllowanceDto> Allowance(ClaimsPrincipal user, KudosService kudos)
    {
        var given = await kudos.GivenToday(user.GetEmployeeId()!.Value);
        return new KudosAllowanceDto(given, kudos.DailyLimit, Math.Max(0, kudos.DailyLimit - given));
    }

    private static async Task<IResult> Give(KudosIn? body, ClaimsPrincipal user, KudosService kudos, FeedbackQueries feedback)
    {
        if (body is null)
        {
            return ApiProblems.Validation("body", "A body {\"receiver\" or \"eventId\", \"feedbackId\", \"message\"?} is required.");
        }

        var errors = new Dictionary<string, string[]>();
        var byEntry = body.EventId is not null;
        if (byEntry && (body.EventId == Guid.Empty || body.Receiver is not null))
        {
            errors["eventId"] = ["'eventId' must be an entry of the item's history, sent instead of 'receiver'."];
        }
        else if (!byEntry && (body.Receiver is not { } receiver || receiver == Guid.Empty))
        {
            errors["receiver"] = ["'receiver' must be the employee id of the colleague you thank (or send 'eventId')."];
        }

        if (body.FeedbackId is not { } feedbackId || feedbackId == Guid.Empty)
        {
            errors["feedbackId"] = ["'feedbackId' must be the feedback item they worked on."];
        }

        var message = string.IsNullOrWhiteSpace(body.Message) ? null : TextNormalizer.PlainText(body.Message);
        if (message is { Length: > KudosPolicy.MessageMaxLength })
        {
            errors["message"] = [$"'message' must be at most {KudosPolicy.MessageMaxLength} characters."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var giver = user.GetEmployeeId()!.Value;
        if (!await feedback.IsRoutedTo(body.FeedbackId!.Value, user.GetDepartmentId()!.Value))
        {
            return ApiProblems.NotFound($"No feedback item {body.FeedbackId} in your department's inbox.");
        }

        var receiverId = body.Receiver;
        if (byEntry && (receiverId = await feedback.ActorOf(body.FeedbackId.Value, body.EventId!.Value)) is null)
        {
            return ApiProblems.NotFound($"The item {body.FeedbackId} has no history entry {body.EventId}.");
        }

        var outcome = await kudos.GiveAsync(giver, receiverId!.Value, body.FeedbackId.Value, message);
        return outcome.Rejection switch
        {
            KudosRejection.Self => ApiProblems.Validation("receiver", "You cannot give kudos to yourself."),
            KudosRejection.MessageTooLong => ApiProblems.Validation("message",
                $"'message' must be at most {KudosPolicy.MessageMaxLength} characters."),
            KudosRejection.NotAParticipant => byEntry
                ? ApiProblems.Validation("eventId", "Kudos go to colleagues for what they did on the item; this entry cannot be thanked.")
                : ApiProblems.Validation("receiver", "Kudos go to colleagues who acted on this feedback item; this employee has not."),
            KudosRejection.DailyLimitReached => TypedResults.Problem(
                $"You have given your {outcome.DailyLimit} kudos for today; you can thank more colleagues tomorrow.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Daily kudos limit reached."),
            _ => Present(outcome, byEntry),
        };
    }

    private static IResult Present(KudosOutcome outcome, bool byEntry)
    {
        var k = outcome.Kudos!;
        var dto = new KudosDto(k.Id, byEntry ? null : k.ReceiverId, k.FeedbackId, k.Message, DateTime.SpecifyKind(k.GivenAt, DateTimeKind.Utc), outcome.Points,
            outcome.Duplicate, outcome.GivenToday, outcome.DailyLimit);
        return outcome.Duplicate ? TypedResults.Ok(dto) : TypedResults.Created($"/api/kudos/{k.Id}", dto);
    }
}
