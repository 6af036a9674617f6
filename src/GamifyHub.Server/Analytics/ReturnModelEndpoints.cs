using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Analytics.Study;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Analytics;

/// <summary>The return-on-engagement model: everyone signed in reads it (its assumptions are shown beside every
/// return); admins replace it as a whole, from the version they read.</summary>
public static class ReturnModelEndpoints
{
    public static RouteGroupBuilder MapReturnModelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics/return-model", Get).WithTags("Analytics").RequireAuthorization(Policies.SignedIn);
        api.MapPut("/admin/analytics/return-model", Replace).WithTags("Administration").RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<ReturnModel> Get(AnalyticsStudyBook book, CancellationToken cancellationToken) =>
        await book.ReturnModelAsync(cancellationToken);

    private static async Task<IResult> Replace(ReturnModelBody? body, ClaimsPrincipal user, AnalyticsStudyBook book)
    {
        if (body is null)
        {
            return ApiProblems.Validation("body",
                "A body {\"version\",\"currency\",\"hourlyCost\",\"minutesPerAction\":{\"read\",\"reply\",\"tag\",\"forward\",\"insight\",\"resolve\"},\"valuePerOutcome\":{\"insight\",\"resolvedComplaint\",\"replyWithinSla\"},\"sources\":[…]} is required.");
        }

        var model = body.ToModel();
        var errors = ReturnModelValidator.Validate(model).ToList();
        if (body.Version is null)
        {
            errors.Insert(0, new("version", "The version the model was read at is required."));
        }

        if (errors.Count > 0)
        {
            return BenchmarkEndpoints.Problems(errors);
        }

        var edit = await book.ReplaceReturnModelAsync(model, body.Version!.Value, AdminEndpoints.Actor(user));
        return edit.Replaced
            ? TypedResults.Ok(edit.Current)
            : ApiProblems.Conflict($"The return model is at version {edit.Current.Version}, not {body.Version}: "
                + "someone changed it meanwhile. Reload it and make your change again.");
    }
}
