using System.Security.Claims;
using GamifyHub.Data.Privacy;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Privacy;

/// <summary>Works-council privacy: the company-wide settings (admins) and each employee's consent to be ranked by name.</summary>
public static class PrivacyEndpoints
{
    public const int HistoryLength = 50;

    public sealed record SettingsChangeDto(DateTime At, string Actor, bool IndividualBoards, int MinimumGroupSize, bool ManagersSeeIndividuals);

    public sealed record SettingsDto(bool IndividualBoards, int MinimumGroupSize, bool ManagersSeeIndividuals,
        IReadOnlyList<SettingsChangeDto> History);

    public sealed record SettingsIn(bool? IndividualBoards, int? MinimumGroupSize, bool? ManagersSeeIndividuals);

    public sealed record ConsentChangeDto(bool RankedByName, DateTime At);

    /// <param name="Pseudonym">How others see the employee while not ranked by name (while they are, the new one they will get
    /// when they withdraw: each withdrawal gives a fresh pseudonym).</param>
    /// <param name="DecidedAt">When the current answer was given; null if the employee never decided (not ranked by name).</param>
    public sealed record MyPrivacyDto(bool RankedByName, DateTime? DecidedAt, string Pseudonym, Guid PseudonymId,
        bool IndividualBoards, IReadOnlyList<ConsentChangeDto> History);

    public sealed record MyPrivacyIn(bool? RankedByName);

    public static RouteGroupBuilder MapPrivacyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/privacy", GetSettings).WithTags("Privacy").RequireAuthorization(Policies.Admin);
        api.MapPut("/admin/privacy", PutSettings).WithTags("Privacy").RequireAuthorization(Policies.Admin);
        api.MapGet("/me/privacy", GetMine).WithTags("Privacy").RequireAuthorization(Policies.Employee);
        api.MapPut("/me/privacy", PutMine).WithTags("Privacy").RequireAuthorization(Policies.Employee);
        return api;
    }

    private static async Task<SettingsDto> GetSettings(PrivacyBook privacy) => await Settings(privacy);

    private static async Task<IResult> PutSettings(SettingsIn? body, ClaimsPrincipal user, PrivacyBook privacy)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.IndividualBoards is null)
        {
            errors["individualBoards"] = ["'individualBoards' (true or false) is required."];
        }

        if (body?.MinimumGroupSize is not { } size || size < PrivacySettings.MinGroupSizeLimit || size > PrivacySettings.MaxGroupSizeLimit)
        {
            errors["minimumGroupSize"] =
                [$"'minimumGroupSize' is a whole number from {PrivacySettings.MinGroupSizeLimit} to {PrivacySettings.MaxGroupSizeLimit}."];
        }

        if (body?.ManagersSeeIndividuals is null)
        {
            errors["managersSeeIndividuals"] = ["'managersSeeIndividuals' (true or false) is required."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        await privacy.ReplaceAsync(new PrivacySettings(body!.IndividualBoards!.Value, body.MinimumGroupSize!.Value,
            body.ManagersSeeIndividuals!.Value), AdminEndpoints.Actor(user));
        return TypedResults.Ok(await Settings(privacy));
    }

    private static async Task<SettingsDto> Settings(PrivacyBook privacy)
    {
        var current = privacy.Settings;
        var history = await privacy.HistoryAsync(HistoryLength);
        return new SettingsDto(current.IndividualBoards, current.MinimumGroupSize, current.ManagersSeeIndividuals,
            [.. history.Select(h => new SettingsChangeDto(Utc(h.At), h.Actor, h.IndividualBoards, h.MinimumGroupSize, h.ManagersSeeIndividuals))]);
    }

    private static async Task<IResult> GetMine(ClaimsPrincipal user, PrivacyBook privacy) =>
        user.GetEmployeeId() is { } id ? TypedResults.Ok(await Mine(id, privacy)) : ApiProblems.Forbidden("Only employees have a consent.");

    /// <summary>Gives or revokes consent. Points, levels and badges stay as they are; only how the employee appears changes,
    /// on live boards at once.</summary>
    private static async Task<IResult> PutMine(MyPrivacyIn? body, ClaimsPrincipal user, PrivacyBook privacy, ConsentPush push)
    {
        if (user.GetEmployeeId() is not { } id)
        {
            return ApiProblems.Forbidden("Only employees have a consent.");
        }

        if (body?.RankedByName is not { } ranked)
        {
            return ApiProblems.Validation("rankedByName", "'rankedByName' (true or false) is required.");
        }

        if (await privacy.SetConsentAsync(id, ranked, AdminEndpoints.Actor(user)))
        {
            await push.ConsentChanged(id);
        }

        return TypedResults.Ok(await Mine(id, privacy));
    }

    private static async Task<MyPrivacyDto> Mine(Guid id, PrivacyBook privacy)
    {
        var consent = privacy.ConsentOf(id);
        var pseudonym = privacy.PseudonymWhenNotRanked(id);
        var history = await privacy.ConsentHistoryAsync(id);
        return new MyPrivacyDto(consent.RankedByName, consent.At, pseudonym.Label, pseudonym.Id, privacy.Settings.IndividualBoards,
            [.. history.Select(h => new ConsentChangeDto(h.RankedByName, Utc(h.At)))]);
    }

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);
}
