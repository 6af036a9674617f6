using System.Security.Claims;
using GamifyHub.Domain.Kudos;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Kudos;

/// <summary>Thanking a colleague for their work on a feedback item.</summary>
public static class KudosEndpoints
{
    public sealed record KudosIn(Guid? Receiver, Guid? FeedbackId, string? Message);

    /// <param name="Points">Collaboration points the receiver got for it (0 when a cap or the rules give none).</param>
    public sealed record KudosDto(Guid Id, Guid Receiver, Guid FeedbackId, string? Message, DateTime GivenAt, int Points, bool Duplicate,
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
            return ApiProblems.Validation("body", "A body {\"receiver\", \"feedbackId\", \"message\"?} is required.");
        }

        var errors = new Dictionary<string, string[]>();
        if (body.Receiver is not { } receiver || receiver == Guid.Empty)
        {
            errors["receiver"] = ["'receiver' must be the employee id of the colleague you thank."];
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

        var outcome = await kudos.GiveAsync(giver, body.Receiver!.Value, body.FeedbackId.Value, message);
        return outcome.Rejection switch
        {
            KudosRejection.Self => ApiProblems.Validation("receiver", "You cannot give kudos to yourself."),
            KudosRejection.MessageTooLong => ApiProblems.Validation("message",
                $"'message' must be at most {KudosPolicy.MessageMaxLength} characters."),
            KudosRejection.NotAParticipant => ApiProblems.Validation("receiver",
                "Kudos go to colleagues who acted on this feedback item; this employee has not."),
            KudosRejection.DailyLimitReached => TypedResults.Problem(
                $"You have given your {outcome.DailyLimit} kudos for today; you can thank more colleagues tomorrow.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Daily kudos limit reached."),
            _ => Present(outcome),
        };
    }

    private static IResult Present(KudosOutcome outcome)
    {
        var k = outcome.Kudos!;
        var dto = new KudosDto(k.Id, k.ReceiverId, k.FeedbackId, k.Message, DateTime.SpecifyKind(k.GivenAt, DateTimeKind.Utc), outcome.Points,
            outcome.Duplicate, outcome.GivenToday, outcome.DailyLimit);
        return outcome.Duplicate ? TypedResults.Ok(dto) : TypedResults.Created($"/api/kudos/{k.Id}", dto);
    }
}
