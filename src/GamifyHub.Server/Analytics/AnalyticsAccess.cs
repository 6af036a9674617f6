using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Challenges;

namespace GamifyHub.Server.Analytics;

/// <summary>
/// Whose engagement figures a caller may see: admins every department, managers the departments they manage and their own,
/// employees their own department only. The same rule for the API and the hub.
/// </summary>
public static class AnalyticsAccess
{
    public static IReadOnlySet<Guid> Visible(ClaimsPrincipal user, CompanyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(user);
        var visible = new HashSet<Guid>(ChallengeAccess.ManagedDepartments(user, directory));
        if (user.GetDepartmentId() is { } own)
        {
            visible.Add(own);
        }

        return visible;
    }

    public static bool MaySee(ClaimsPrincipal user, Guid departmentId, CompanyDirectory directory) =>
        Visible(user, directory).Contains(departmentId);

    public static string NotFoundMessage(Guid departmentId) => $"There is no department '{departmentId}'.";

    public const string ForbiddenMessage = "You may see the figures of your own department (and those you manage) only.";
}
