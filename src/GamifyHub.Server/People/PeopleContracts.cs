namespace GamifyHub.Server.People;

/// <param name="Id">The sign-in's id (stable; used in the routes).</param>
/// <param name="EmployeeId">The scoring identity, when the person belongs to a department.</param>
/// <param name="ManagedDepartmentIds">For a Manager: the departments they manage (their own is always one of them).</param>
/// <param name="Disabled">An admin switched the sign-in off.</param>
/// <param name="LockedUntil">Locked after failed sign-ins, until then (null when not locked).</param>
public sealed record PersonDto(string Id, Guid? EmployeeId, string Name, string Email, Guid? DepartmentId, string? DepartmentName,
    IReadOnlyList<string> Roles, IReadOnlyList<Guid> ManagedDepartmentIds, bool Disabled, DateTimeOffset? LockedUntil);

public sealed record PeoplePage(IReadOnlyList<PersonDto> Items, int Total, int Page, int PageSize);

/// <param name="Password">The initial password the admin sets (must meet the policy); the person should change it.</param>
public sealed record PersonIn(string? Name, string? Email, Guid? DepartmentId, IReadOnlyList<string>? Roles,
    IReadOnlyList<Guid>? ManagedDepartmentIds, string? Password);

/// <summary>A change: fields left out (null) stay as they are.</summary>
public sealed record PersonChange(string? Name, Guid? DepartmentId, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? ManagedDepartmentIds);

public sealed record DepartmentAdminDto(Guid Id, string Name, string Slug, bool IsTriage, int Headcount);

public sealed record DepartmentIn(string? Name);
