using System.Security.Claims;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Reading;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Auth;

/// <summary>Puts the employee and department into the sign-in, so requests need no lookup to authorize.</summary>
public sealed class GamifyClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options, CompanyDirectory directory)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.EmployeeId is { } employeeId && directory.Employee(employeeId) is { } employee)
        {
            identity.AddClaim(new Claim(GamifyClaims.EmployeeId, employee.Id.ToString()));
            identity.AddClaim(new Claim(GamifyClaims.DepartmentId, employee.DepartmentId.ToString()));
            identity.AddClaim(new Claim(GamifyClaims.DisplayName, employee.DisplayName));
        }

        return identity;
    }
}
