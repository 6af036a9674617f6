using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Texts;

namespace GamifyHub.Server.Me;

public static class MeEndpoints
{
    /// <param name="Reason">Why, in the request's language; <paramref name="Rule"/> and <paramref name="RuleVersion"/> say which rule.</param>
    public sealed record AwardItem(Guid EventId, int Points, string Category, string Rule, string Reason, DateTime OccurredAt,
        Guid? FeedbackId, int RuleVersion, bool Own);

    public sealed record MeDto(Guid? EmployeeId, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? DepartmentId,
        string? DepartmentName, long Points, IReadOnlyDictionary<string, long> PointsByCategory, IReadOnlyList<AwardItem> RecentAwards,
        LevelView? Level = null, IReadOnlyList<BadgeView>? Badges = null);

    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Get).WithTags("Me").RequireAuthorization(Policies.SignedIn);
        return api;
    }

    private static async Task<MeDto> Get(ClaimsPrincipal user, IGrainFactory grains, CompanyDirectory directory, Localizer texts)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";
        if (user.GetEmployeeId() is not { } employeeId)
        {
            return new MeDto(null, email, user.Identity?.Name ?? email, roles, null, null, 0, new Dictionary<string, long>(), []);
        }

        var grain = grains.GetGrain<IEmployeeGrain>(employeeId);
        var summary = await grain.GetSummary();
        var progress = await grain.GetProgress();
        var employee = directory.Employee(employeeId);
        var department = employee is null ? null : directory.Department(employee.DepartmentId);
        return new MeDto(employeeId, email, employee?.DisplayName ?? email, roles, department?.Id, department?.Name, summary.Points,
            summary.PointsByCategory.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => p.Value),
            [.. summary.RecentAwards.SelectMany(e => e.Awards.Select(a =>
                new AwardItem(e.EventId, a.Points, a.Category.ToString(), a.Rule, texts.Reason(a), e.OccurredAt, e.FeedbackId, a.RuleVersion,
                    e.ActorId == employeeId || e.ActorId == Guid.Empty)))],
            progress.Level, [.. progress.Badges.Select(texts.Badge)]);
    }
}
