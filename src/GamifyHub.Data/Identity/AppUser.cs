using Microsoft.AspNetCore.Identity;

namespace GamifyHub.Data.Identity;

/// <summary>A sign-in. Employees have one; admins may not belong to a department.</summary>
public sealed class AppUser : IdentityUser
{
    public Guid? EmployeeId { get; set; }
}
