using System.Net.Mail;
using System.Security.Claims;
using GamifyHub.Data;
using GamifyHub.Data.Auditing;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.People;

/// <summary>
/// Admin → People and Departments: sign-ins (AppUser) with their scoring identity (Employee), roles, managed departments
/// and on/off switch; departments created and renamed. Every change is one SaveChanges through the single writer, with its
/// audit line; the company directory and the changed person's cached sign-in are refreshed after it commits.
/// </summary>
public static class PeopleEndpoints
{
    public const int NameMaxLength = 200;
    public const int DepartmentNameMaxLength = 100;

    /// <summary>Sign-ins with their employees, role names and user claims, read together for the list.</summary>
    private sealed record Loaded(List<AppUser> Users, Dictionary<Guid, Employee> Employees, ILookup<string, string> Roles,
        ILookup<string, IdentityUserClaim<string>> Claims);

    public static RouteGroupBuilder MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/admin/people").WithTags("Administration").RequireAuthorization(Policies.Admin);
        people.MapGet("", List);
        people.MapGet("/{id}", Get);
        people.MapPost("", Create);
        people.MapPatch("/{id}", Change);
        people.MapPost("/{id}/disable", (string id, ClaimsPrincipal user, EngagementWriter writer, TimeProvider time,
            ISessionRevocations revocations) => SetDisabled(id, true, user, writer, time, revocations));
        people.MapPost("/{id}/enable", (string id, ClaimsPrincipal user, EngagementWriter writer, TimeProvider time,
            ISessionRevocations revocations) => SetDisabled(id, false, user, writer, time, revocations));

        var departments = api.MapGroup("/admin/departments").WithTags("Administration").RequireAuthorization(Policies.Admin);
        departments.MapGet("", ListDepartments);
        departments.MapPost("", CreateDepartment);
        departments.MapPut("/{id:guid}", RenameDepartment);
        return api;
    }

    private static async Task<IResult> List(IDbContextFactory<GamifyDbContext> dbFactory, CompanyDirectory directory,
        string? search = null, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        if (page < 1)
        {
            return ApiProblems.Validation("page", "'page' starts at 1.");
        }

        if (pageSize is < 1 or > AdminEndpoints.MaxPageSize)
        {
            return ApiProblems.Validation("pageSize", $"'pageSize' is between 1 and {AdminEndpoints.MaxPageSize}.");
        }

        if (search is { Length: > 256 })
        {
            return ApiProblems.Validation("search", "'search' has at most 256 characters.");
        }

        // Sign-ins are at most a company's headcount: read once and filtered here, so search covers names wherever they live.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await LoadAsync(db, null, cancellationToken);
        var all = loaded.Users.Select(u => ToDto(u, loaded, directory));
        var term = search?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            all = all.Where(p => p.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || p.Email.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        var sorted = all.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Email, StringComparer.OrdinalIgnoreCase).ToList();
        return TypedResults.Ok(new PeoplePage([.. sorted.Skip((page - 1) * pageSize).Take(pageSize)], sorted.Count, page, pageSize));
    }

    private static async Task<IResult> Get(string id, IDbContextFactory<GamifyDbContext> dbFactory, CompanyDirectory directory,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await LoadAsync(db, id, cancellationToken);
        return loaded.Users.Count == 0 ? UnknownPerson(id) : TypedResults.Ok(ToDto(loaded.Users[0], loaded, directory));
    }

    private static async Task<IResult> Create(PersonIn? body, ClaimsPrincipal user, EngagementWriter writer, TimeProvider time,
        UserManager<AppUser> users, CompanyDirectory directory, IDbContextFactory<GamifyDbContext> dbFactory)
    {
        if (body is null)
        {
            return ApiProblems.Validation("name", "Send a person: name, email, departmentId, roles and password.");
        }

        var errors = new Dictionary<string, string[]>();
        var name = CheckName(body.Name, errors);
        var email = CheckEmail(body.Email, errors);
        var roles = CheckRoles(body.Roles, errors) ?? [];
        CheckDepartment(body.DepartmentId, roles, directory, errors);
        var managed = CheckManaged(body.ManagedDepartmentIds, roles, directory, errors);
        if (string.IsNullOrEmpty(body.Password))
        {
            errors["password"] = ["An initial password is required (at least 12 characters)."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var appUser = new AppUser
        {
            Id = Guid.CreateVersion7().ToString(), UserName = email, Email = email, EmailConfirmed = true,
            NormalizedUserName = users.NormalizeName(email), NormalizedEmail = users.NormalizeEmail(email),
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
        var passwordErrors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, appUser, body.Password);
            passwordErrors.AddRange(result.Errors.Select(e => e.Description));
        }

        if (passwordErrors.Count > 0)
        {
            return ApiProblems.Validation("password", string.Join(" ", passwordErrors));
        }

        appUser.PasswordHash = users.PasswordHasher.HashPassword(appUser, body.Password!);
        var actor = AdminEndpoints.Actor(user);
        var outcome = await writer.ExclusiveAsync(async db =>
        {
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == appUser.NormalizedEmail))
            {
                return ApiProblems.Conflict($"A person with the email {email} exists already.");
            }

            // An employee without a sign-in (e.g. imported) gets this sign-in; otherwise a new scoring identity.
            var employee = await db.Employees.FirstOrDefaultAsync(e => e.Email == email);
            if (employee is null && body.DepartmentId is { } departmentId)
            {
                employee = new Employee { Id = Guid.CreateVersion7(), Email = email, DisplayName = name, DepartmentId = departmentId };
                db.Employees.Add(employee);
            }
            else if (employee is not null)
            {
                employee.DisplayName = name;
                employee.DepartmentId = body.DepartmentId ?? employee.DepartmentId;
            }

            appUser.EmployeeId = employee?.Id;
            db.Users.Add(appUser);
            await SetRolesAsync(db, appUser.Id, roles);
            SetClaims(db, appUser.Id, employee is null ? name : null, managed, []);
            var now = time.GetUtcNow().UtcDateTime;
            // Names and emails go where erasure reaches them, never into the append-only line.
            var line = db.Audit(now, actor, AuditActions.UserCreated, appUser.Id, new
            {
                departmentId = employee?.DepartmentId, roles, managedDepartmentIds = managed, employeeId = employee?.Id,
            });
            db.Personal(line, appUser.Id, new { name, email });
            await db.SaveChangesAsync();
            return (IResult?)null;
        });

        if (outcome is not null)
        {
            return outcome;
        }

        await directory.RefreshAsync();
        await using var read = await dbFactory.CreateDbContextAsync();
        var loaded = await LoadAsync(read, appUser.Id, CancellationToken.None);
        return TypedResults.Created($"/api/admin/people/{appUser.Id}", ToDto(loaded.Users[0], loaded, directory));
    }

    private static async Task<IResult> Change(string id, PersonChange? body, ClaimsPrincipal user, EngagementWriter writer,
        TimeProvider time, CompanyDirectory directory, SignInFreshness freshness, IDbContextFactory<GamifyDbContext> dbFactory)
    {
        if (body is null)
        {
            return ApiProblems.Validation("name", "Send the fields to change: name, departmentId, roles, managedDepartmentIds.");
        }

        var errors = new Dictionary<string, string[]>();
        var name = body.Name is null ? null : CheckName(body.Name, errors);
        var roles = body.Roles is null ? null : CheckRoles(body.Roles, errors);
        if (body.DepartmentId is { } departmentId && directory.Department(departmentId) is null)
        {
            errors["departmentId"] = [$"There is no department {departmentId}."];
        }

        if (body.ManagedDepartmentIds is { } ids && ids.FirstOrDefault(d => directory.Department(d) is null) is var unknown
            && unknown != Guid.Empty)
        {
            errors["managedDepartmentIds"] = [$"There is no department {unknown}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var actor = AdminEndpoints.Actor(user);
        var self = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var outcome = await writer.ExclusiveAsync(async db =>
        {
            var target = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
            if (target is null)
            {
                return UnknownPerson(id);
            }

            var currentRoles = await RolesOfAsync(db, id);
            var newRoles = roles ?? currentRoles;
            if (id == self && currentRoles.Contains(Roles.Admin) && !newRoles.Contains(Roles.Admin))
            {
                return ApiProblems.Conflict("You cannot remove your own Admin role. Ask another admin.");
            }

            var employee = target.EmployeeId is { } eid ? await db.Employees.FirstOrDefaultAsync(e => e.Id == eid) : null;
            var department = body.DepartmentId ?? employee?.DepartmentId;
            if (department is null && newRoles.Any(r => r is Roles.Employee or Roles.Manager))
            {
                return ApiProblems.Validation("departmentId", "Employees and Managers belong to a department: choose one.");
            }

            var claims = await db.UserClaims.Where(c => c.UserId == id).ToListAsync();
            var oldName = employee?.DisplayName ?? claims.FirstOrDefault(c => c.ClaimType == GamifyClaims.DisplayName)?.ClaimValue
                ?? target.Email ?? "";
            var oldManaged = claims.Where(c => c.ClaimType == GamifyClaims.ManagesDepartment)
                .Select(c => Guid.Parse(c.ClaimValue!)).ToList();
            var newManaged = newRoles.Contains(Roles.Manager) ? [.. (body.ManagedDepartmentIds ?? oldManaged).Distinct()] : new List<Guid>();

            if (employee is null && department is { } newDepartment)
            {
                // Joining a department makes the person a scorer: the scoring identity is made here, linked by email.
                employee = await db.Employees.FirstOrDefaultAsync(e => e.Email == target.Email) ?? db.Employees.Add(new Employee
                {
                    Id = Guid.CreateVersion7(), Email = target.Email!, DisplayName = name ?? oldName, DepartmentId = newDepartment,
                }).Entity;
                target.EmployeeId = employee.Id;
            }

            var newName = name ?? oldName;
            var oldDepartment = employee?.DepartmentId;
            if (employee is not null)
            {
                oldDepartment = db.Entry(employee).Property(e => e.DepartmentId).OriginalValue;
                employee.DisplayName = newName;
                employee.DepartmentId = department ?? employee.DepartmentId;
            }

            SetClaims(db, id, employee is null ? newName : null, newManaged, claims);
            var now = time.GetUtcNow().UtcDateTime;
            if (newName != oldName || employee?.DepartmentId != oldDepartment)
            {
                var line = db.Audit(now, actor, AuditActions.UserChanged, target.Id, new
                {
                    departmentBefore = oldDepartment, departmentId = employee?.DepartmentId,
                });
                if (newName != oldName)
                {
                    db.Personal(line, target.Id, new { nameBefore = oldName, name = newName });
                }
            }

            if (!newRoles.ToHashSet().SetEquals(currentRoles) || !newManaged.ToHashSet().SetEquals(oldManaged))
            {
                await SetRolesAsync(db, id, newRoles);
                db.Audit(now, actor, AuditActions.RolesChanged, target.Id, new
                {
                    before = currentRoles, after = newRoles, managedBefore = oldManaged, managedAfter = newManaged,
                });
            }

            target.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
            return (IResult?)null;
        });

        if (outcome is not null)
        {
            return outcome;
        }

        await directory.RefreshAsync();
        freshness.Forget(id);
        await using var read = await dbFactory.CreateDbContextAsync();
        var loaded = await LoadAsync(read, id, CancellationToken.None);
        return TypedResults.Ok(ToDto(loaded.Users[0], loaded, directory));
    }

    /// <summary>
    /// Disabling locks the sign-in until the end of time and rotates its security stamp: password sign-in and single
    /// sign-on refuse it, and its cookies, bearer tokens and hub connections end at once (<see cref="ISessionRevocations"/>).
    /// </summary>
    private static async Task<IResult> SetDisabled(string id, bool disable, ClaimsPrincipal user, EngagementWriter writer,
        TimeProvider time, ISessionRevocations revocations)
    {
        if (disable && id == user.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return ApiProblems.Conflict("You cannot disable your own sign-in. Ask another admin.");
        }

        var actor = AdminEndpoints.Actor(user);
        var outcome = await writer.ExclusiveAsync(async db =>
        {
            var target = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
            if (target is null)
            {
                return UnknownPerson(id);
            }

            if (SignInFreshness.IsDisabled(target) != disable)
            {
                target.LockoutEnd = disable ? DateTimeOffset.MaxValue : null;
                target.AccessFailedCount = 0;
                target.SecurityStamp = Guid.NewGuid().ToString("N");
                target.ConcurrencyStamp = Guid.NewGuid().ToString();
                db.Audit(time.GetUtcNow().UtcDateTime, actor, AuditActions.UserChanged, target.Id,
                    new { disabled = disable });
                await db.SaveChangesAsync();
            }

            return TypedResults.NoContent();
        });
        await revocations.RevokeAsync(SessionSubject.User(id));
        return outcome;
    }

    private static List<DepartmentAdminDto> ListDepartments(CompanyDirectory directory, IDbContextFactory<GamifyDbContext> dbFactory) =>
        [.. directory.Departments.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
            .Select(d => new DepartmentAdminDto(d.Id, d.Name, d.Slug, d.IsTriage, directory.Headcount(d.Id)))];

    private static async Task<IResult> CreateDepartment(DepartmentIn? body, ClaimsPrincipal user, EngagementWriter writer,
        TimeProvider time, CompanyDirectory directory)
    {
        var errors = new Dictionary<string, string[]>();
        var name = CheckDepartmentName(body?.Name, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var actor = AdminEndpoints.Actor(user);
        var department = new Department { Id = Guid.CreateVersion7(), Name = name, Slug = Slug(name) };
        var outcome = await writer.ExclusiveAsync(async db =>
        {
            var existing = await db.Departments.AsNoTracking().Select(d => new { d.Name, d.Slug }).ToListAsync();
            if (existing.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                return ApiProblems.Conflict($"A department named {name} exists already.");
            }

            var slug = department.Slug;
            for (var n = 2; existing.Any(d => d.Slug == slug); n++)
            {
                slug = $"{department.Slug}-{n}";
            }

            department.Slug = slug;
            db.Departments.Add(department);
            db.Audit(time.GetUtcNow().UtcDateTime, actor, AuditActions.DepartmentCreated, name, new { department.Id, department.Slug });
            await db.SaveChangesAsync();
            return (IResult?)null;
        });
        if (outcome is not null)
        {
            return outcome;
        }

        await directory.RefreshAsync();
        return TypedResults.Created($"/api/admin/departments/{department.Id}",
            new DepartmentAdminDto(department.Id, department.Name, department.Slug, false, 0));
    }

    /// <summary>Renames; the slug stays, so links and board ids keep working.</summary>
    private static async Task<IResult> RenameDepartment(Guid id, DepartmentIn? body, ClaimsPrincipal user, EngagementWriter writer,
        TimeProvider time, CompanyDirectory directory)
    {
        var errors = new Dictionary<string, string[]>();
        var name = CheckDepartmentName(body?.Name, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var actor = AdminEndpoints.Actor(user);
        var outcome = await writer.ExclusiveAsync(async db =>
        {
            var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id);
            if (department is null)
            {
                return ApiProblems.NotFound($"There is no department {id}.");
            }

            if (await db.Departments.AnyAsync(d => d.Id != id && d.Name.ToLower() == name.ToLower()))
            {
                return ApiProblems.Conflict($"A department named {name} exists already.");
            }

            if (department.Name != name)
            {
                db.Audit(time.GetUtcNow().UtcDateTime, actor, AuditActions.DepartmentChanged, name,
                    new { department.Id, before = department.Name, after = name });
                department.Name = name;
                await db.SaveChangesAsync();
            }

            return (IResult?)null;
        });
        if (outcome is not null)
        {
            return outcome;
        }

        await directory.RefreshAsync();
        var d = directory.Department(id)!;
        return TypedResults.Ok(new DepartmentAdminDto(d.Id, d.Name, d.Slug, d.IsTriage, directory.Headcount(d.Id)));
    }

    private static IResult UnknownPerson(string id) => ApiProblems.NotFound($"There is no person {id}.");

    private static async Task<Loaded> LoadAsync(GamifyDbContext db, string? id, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => id == null || u.Id == id).ToListAsync(cancellationToken);
        var employees = await db.Employees.AsNoTracking().Where(e => !e.IsSimulated).ToDictionaryAsync(e => e.Id, cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           where id == null || ur.UserId == id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var claims = await db.UserClaims.AsNoTracking().Where(c => id == null || c.UserId == id).ToListAsync(cancellationToken);
        return new Loaded(users, employees, roles.ToLookup(r => r.UserId, r => r.Name!), claims.ToLookup(c => c.UserId));
    }

    private static PersonDto ToDto(AppUser user, Loaded loaded, CompanyDirectory directory)
    {
        var employee = user.EmployeeId is { } id ? loaded.Employees.GetValueOrDefault(id) ?? directory.Employee(id) : null;
        var claims = loaded.Claims[user.Id].ToList();
        var name = employee?.DisplayName ?? claims.FirstOrDefault(c => c.ClaimType == GamifyClaims.DisplayName)?.ClaimValue ?? user.Email ?? "";
        var roles = loaded.Roles[user.Id].OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList();
        var managed = claims.Where(c => c.ClaimType == GamifyClaims.ManagesDepartment).Select(c => Guid.Parse(c.ClaimValue!)).ToList();
        if (roles.Contains(Roles.Manager) && employee is not null && !managed.Contains(employee.DepartmentId))
        {
            managed.Insert(0, employee.DepartmentId);
        }

        var now = DateTimeOffset.UtcNow;
        var disabled = SignInFreshness.IsDisabled(user);
        return new PersonDto(user.Id, employee?.Id, name, user.Email ?? "", employee?.DepartmentId,
            employee is null ? null : directory.Department(employee.DepartmentId)?.Name, roles, managed, disabled,
            !disabled && user.LockoutEnd > now ? user.LockoutEnd : null);
    }

    private static async Task<List<string>> RolesOfAsync(GamifyDbContext db, string userId) =>
        await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync();

    private static async Task SetRolesAsync(GamifyDbContext db, string userId, IReadOnlyList<string> roles)
    {
        var all = await db.Roles.ToListAsync();
        foreach (var missing in Roles.All.Where(r => all.All(x => x.Name != r)))
        {
            var role = new IdentityRole(missing) { NormalizedName = missing.ToUpperInvariant() };
            db.Roles.Add(role);
            all.Add(role);
        }

        db.UserRoles.RemoveRange(await db.UserRoles.Where(ur => ur.UserId == userId).ToListAsync());
        foreach (var role in roles)
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = all.First(r => r.Name == role).Id });
        }
    }

    /// <summary>The name of a person without a scoring identity, and a Manager's extra departments, as Identity user claims.</summary>
    private static void SetClaims(GamifyDbContext db, string userId, string? name, IReadOnlyList<Guid> managed,
        List<IdentityUserClaim<string>> existing)
    {
        db.UserClaims.RemoveRange(existing.Where(c => c.ClaimType is GamifyClaims.DisplayName or GamifyClaims.ManagesDepartment));
        if (name is not null)
        {
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = userId, ClaimType = GamifyClaims.DisplayName, ClaimValue = name });
        }

        foreach (var department in managed.Distinct())
        {
            db.UserClaims.Add(new IdentityUserClaim<string>
            {
                UserId = userId, ClaimType = GamifyClaims.ManagesDepartment, ClaimValue = department.ToString(),
            });
        }
    }

    private static string CheckName(string? name, Dictionary<string, string[]> errors)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > NameMaxLength || trimmed.Any(char.IsControl))
        {
            errors["name"] = [$"A name is required (at most {NameMaxLength} characters, no control characters)."];
        }

        return trimmed;
    }

    private static string CheckEmail(string? email, Dictionary<string, string[]> errors)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > AuthEndpoints.EmailMaxLength || !MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.Address != trimmed || !trimmed.Contains('@'))
        {
            errors["email"] = ["A valid email address is required (like name@company.example)."];
        }

        return trimmed;
    }

    private static List<string>? CheckRoles(IReadOnlyList<string>? roles, Dictionary<string, string[]> errors)
    {
        var known = new List<string>();
        foreach (var role in roles ?? [])
        {
            if (Roles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } match)
            {
                if (!known.Contains(match))
                {
                    known.Add(match);
                }
            }
            else
            {
                errors["roles"] = [$"'{role}' is not a role. Roles are {string.Join(", ", Roles.All)}."];
                return null;
            }
        }

        if (known.Count == 0)
        {
            errors["roles"] = [$"Choose at least one role: {string.Join(", ", Roles.All)}."];
            return null;
        }

        return known;
    }

    private static void CheckDepartment(Guid? departmentId, List<string> roles, CompanyDirectory directory,
        Dictionary<string, string[]> errors)
    {
        if (departmentId is { } id && directory.Department(id) is null)
        {
            errors["departmentId"] = [$"There is no department {id}."];
        }
        else if (departmentId is null && roles.Any(r => r is Roles.Employee or Roles.Manager))
        {
            errors["departmentId"] = ["Employees and Managers belong to a department: choose one."];
        }
    }

    private static List<Guid> CheckManaged(IReadOnlyList<Guid>? ids, List<string> roles, CompanyDirectory directory,
        Dictionary<string, string[]> errors)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }

        if (ids.FirstOrDefault(d => directory.Department(d) is null) is var unknown && unknown != Guid.Empty)
        {
            errors["managedDepartmentIds"] = [$"There is no department {unknown}."];
            return [];
        }

        return roles.Contains(Roles.Manager) ? [.. ids.Distinct()] : [];
    }

    private static string CheckDepartmentName(string? name, Dictionary<string, string[]> errors)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > DepartmentNameMaxLength || trimmed.Any(char.IsControl))
        {
            errors["name"] = [$"A department name is required (at most {DepartmentNameMaxLength} characters, no control characters)."];
        }

        return trimmed;
    }

    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "department" : slug.Length > 60 ? slug[..60] : slug;
    }
}
