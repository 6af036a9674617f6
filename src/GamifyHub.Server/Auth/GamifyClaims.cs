using System.Security.Claims;

namespace GamifyHub.Server.Auth;

/// <summary>Claims GamifyHub adds to a sign-in, and helpers to read them.</summary>
public static class GamifyClaims
{
    public const string EmployeeId = "gh:employee";
    public const string DepartmentId = "gh:department";
    public const string DisplayName = "gh:name";
    public const string Scope = "gh:scope";

    /// <summary>
    /// A department a Manager manages besides their own. Stored as Identity user claims (AspNetUserClaims), set by admins
    /// (Admin → People), and read only through <see cref="Challenges.ChallengeAccess.ManagedDepartments"/>.
    /// </summary>
    public const string ManagesDepartment = "gh:manages";

    public static Guid? GetEmployeeId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(EmployeeId), out var id) ? id : null;

    public static Guid? GetDepartmentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(DepartmentId), out var id) ? id : null;
}
