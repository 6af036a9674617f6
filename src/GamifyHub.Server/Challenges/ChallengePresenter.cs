using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;

namespace GamifyHub.Server.Challenges;

/// <summary>Joins names onto a challenge at the edge, for API answers and hub pushes.</summary>
public sealed class ChallengePresenter(CompanyDirectory directory)
{
    /// <param name="user">The reader, for <c>mine</c> and <c>canManage</c>; null for a push to every watcher.</param>
    public ChallengeDto Present(ChallengeView c, ClaimsPrincipal? user)
    {
        var team = c.Scope == "team-vs-team";
        double? mine = c.Scope == "company" ? c.Total : null;
        if (user is not null && c.Scope != "company")
        {
            var me = team ? user.GetDepartmentId() : user.GetEmployeeId();
            mine = c.Units.FirstOrDefault(u => u.Id == me)?.Value;
        }

        return new ChallengeDto(c.Id, c.Name, c.Description, c.Metric, c.Action, c.Category, c.Target, c.StartsAt, c.EndsAt, c.Scope,
            [.. c.DepartmentIds.Select(d => new ChallengeDepartmentDto(d, directory.Department(d)?.Name ?? "unknown"))],
            c.RewardPoints, c.RewardBadge, c.Recurrence, c.Status, c.Occurrence, c.Total, c.TotalReached,
            [.. c.Units.Select(u => new ChallengeUnitDto(u.Rank, u.Id, Name(u.Id, team), u.Value, u.Reached))],
            c.Rewarded, c.Winners, c.Version, mine,
            user is not null && ChallengeAccess.CanManage(user, c.Scope, c.DepartmentIds, directory));
    }

    private string Name(Guid id, bool team) => team
        ? directory.Department(id)?.Name ?? "unknown"
        : directory.Employee(id)?.DisplayName ?? "former employee";
}
