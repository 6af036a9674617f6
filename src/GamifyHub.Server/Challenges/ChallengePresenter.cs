using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;

namespace GamifyHub.Server.Challenges;

/// <summary>
/// Joins names onto a challenge at the edge, for API answers and hub pushes, and applies the boards' privacy rules there
/// (<see cref="Privacy.Visibility"/>): the grain's view holds real ids and every figure; what leaves the server is what the
/// reader's boards would show.
/// </summary>
public sealed class ChallengePresenter(CompanyDirectory directory, Privacy.Visibility visibility)
{
    /// <param name="user">The reader, for their own row, <c>mine</c>, <c>rewardedMe</c> and <c>canManage</c>; null for a push
    /// to every watcher (then it carries only what every watcher may see).</param>
    public ChallengeDto Present(ChallengeView c, ClaimsPrincipal? user)
    {
        var team = c.Scope == "team-vs-team";
        var viewer = user?.GetEmployeeId();
        // A department below the minimum group size shows no figures: in its own department challenge the whole scope is that
        // department; in team-vs-team the total minus the visible teams would be its figure (and so would the number rewarded
        // when it wins). A company challenge's figures are the company's and list no department.
        var withheld = c.Scope != "company" && visibility.AnyWithheld(c.DepartmentIds);
        double? mine = c.Scope == "company" ? c.Total : null;
        if (user is not null && c.Scope != "company")
        {
            var me = team ? user.GetDepartmentId() : viewer;
            mine = team && me is { } own && visibility.Withheld(own) ? null : c.Units.FirstOrDefault(u => u.Id == me)?.Value;
        }

        return new ChallengeDto(c.Id, c.Name, c.Description, c.Metric, c.Action, c.Category, c.Target, c.StartsAt, c.EndsAt, c.Scope,
            [.. c.DepartmentIds.Select(d => new ChallengeDepartmentDto(d, directory.Department(d)?.Name ?? "unknown"))],
            c.RewardPoints, c.RewardBadge, c.Recurrence, c.Status, c.Occurrence,
            withheld ? null : c.Total, !withheld && c.TotalReached,
            [.. Units(c, team, viewer)],
            withheld ? null : c.Rewarded.Count,
            viewer is { } reader && c.Rewarded.Contains(reader),
            [.. c.Winners.Where(d => !visibility.Withheld(d))],
            c.Version, mine,
            user is not null && ChallengeAccess.CanManage(user, c.Scope, c.DepartmentIds, directory));
    }

    /// <summary>
    /// The standings as a reader may see them: departments (team-vs-team) as they are, except that departments below the
    /// minimum group size show no figures and no rank; individuals only while individual boards are on, in the top half of
    /// the standings (and the reader's own row), each by name or pseudonym as they chose (the rules of the challenge's board,
    /// <see cref="Boards.BoardPresenter"/>).
    /// </summary>
    private IEnumerable<ChallengeUnitDto> Units(ChallengeView c, bool team, Guid? viewer)
    {
        if (team)
        {
            var ranked = c.Units.Where(u => !visibility.Withheld(u.Id)).ToList();
            return c.Units.Select(u => visibility.Withheld(u.Id)
                ? new ChallengeUnitDto(0, u.Id, directory.Department(u.Id)?.Name ?? "unknown", null, false)
                : new ChallengeUnitDto(1 + ranked.Count(o => o.Rank < u.Rank),
                    u.Id, directory.Department(u.Id)?.Name ?? "unknown", u.Value, u.Reached))
                .OrderBy(u => u.Rank == 0).ThenBy(u => u.Rank);
        }

        if (!visibility.IndividualBoards)
        {
            return [];
        }

        var visible = Privacy.Visibility.VisibleRanks(c.Units.Count);
        return c.Units.Where(u => u.Rank <= visible || u.Id == viewer).Select(u => Row(u, viewer));
    }

    private ChallengeUnitDto Row(ChallengeUnitView u, Guid? viewer)
    {
        var person = visibility.Person(u.Id, viewer);
        return new ChallengeUnitDto(u.Rank, person.Id, person.Name, u.Value, u.Reached, person.IsYou);
    }
}
