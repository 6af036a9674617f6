using System.Security.Claims;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Reading;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;

namespace GamifyHub.Server.Challenges;

/// <summary>
/// Who may do what with challenges. Admins manage every challenge; a manager manages the departments they manage — their own
/// department and those an admin assigned them (<see cref="GamifyClaims.ManagesDepartment"/>); employees manage none. A company-wide challenge
/// concerns every department, so only admins manage it.
/// </summary>
public static class ChallengeAccess
{
    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static IReadOnlySet<Guid> ManagedDepartments(ClaimsPrincipal user, CompanyDirectory directory)
    {
        if (IsAdmin(user))
        {
            return directory.Departments.Select(d => d.Id).ToHashSet();
        }

        if (!user.IsInRole(Roles.Manager))
        {
            return new HashSet<Guid>();
        }

        // The one source of truth for "which departments does this manager manage": own department plus assigned ones
        // (claims refreshed from the store within SignInFreshness.Bound); departments that no longer exist drop out.
        var managed = user.FindAll(GamifyClaims.ManagesDepartment).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => directory.Department(id) is not null).ToHashSet();
        if (user.GetDepartmentId() is { } own)
        {
            managed.Add(own);
        }

        return managed;
    }

    /// <summary>Whether the user may create, schedule or cancel a challenge with this scope.</summary>
    public static bool CanManage(ClaimsPrincipal user, string scope, IReadOnlyList<Guid> departmentIds, CompanyDirectory directory)
    {
        if (IsAdmin(user))
        {
            return true;
        }

        var managed = ManagedDepartments(user, directory);
        return scope != "company" && departmentIds.Count > 0 && departmentIds.All(managed.Contains);
    }

    /// <summary>Whether the user sees the challenge: its managers do; everyone else once it is scheduled, if it includes their
    /// department.</summary>
    public static bool CanSee(ClaimsPrincipal user, ChallengeView challenge, CompanyDirectory directory)
    {
        if (CanManage(user, challenge.Scope, challenge.DepartmentIds, directory))
        {
            return true;
        }

        return challenge.Status != "draft"
            && (challenge.Scope == "company" || (user.GetDepartmentId() is { } own && challenge.DepartmentIds.Contains(own)));
    }
}
