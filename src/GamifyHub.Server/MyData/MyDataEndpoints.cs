using System.Security.Claims;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Privacy;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace GamifyHub.Server.MyData;

/// <summary>Export my data, erase me (and the admin's versions for a named employee), and the retention setting.</summary>
public static class MyDataEndpoints
{
    /// <summary>The word an erasure must be confirmed with.</summary>
    public const string Confirmation = "ERASE";

    /// <param name="Confirm">Must be "ERASE".</param>
    /// <param name="Password">The account's password (for an account that has one; single sign-on accounts have none).</param>
    public sealed record EraseIn(string? Confirm, string? Password);

    public sealed record ErasedDto(Guid EmployeeId, int Events, int Awards, int Kudos, int Notifications, int SignIns);

    public sealed record RetentionIn(int? Months, string? Mode);

    public sealed record RetentionChangeDto(int? Months, string Mode, string Actor, DateTime At);

    public sealed record RetentionDto(int? Months, string Mode, IReadOnlyList<RetentionChangeDto> History);

    public sealed record RetentionRunDto(int Events, int Awards, int Kudos, int GamingFlags, int Notifications);

    public static RouteGroupBuilder MapMyDataEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me/export", ExportMine).WithTags("Me").RequireAuthorization(Policies.Employee);
        api.MapPost("/me/erase", EraseMe).WithTags("Me").RequireAuthorization(Policies.Employee);
        api.MapGet("/admin/people/{employeeId:guid}/export", ExportFor).WithTags("Administration").RequireAuthorization(Policies.Admin);
        api.MapPost("/admin/people/{employeeId:guid}/erase", EraseFor).WithTags("Administration").RequireAuthorization(Policies.Admin);
        api.MapGet("/admin/retention", GetRetention).WithTags("Administration").RequireAuthorization(Policies.Admin);
        api.MapPut("/admin/retention", PutRetention).WithTags("Administration").RequireAuthorization(Policies.Admin);
        api.MapPost("/admin/retention/run", RunRetention).WithTags("Administration").RequireAuthorization(Policies.Admin);
        return api;
    }

    /// <summary>Self-service lines name the employee by id, never by email: an erasure leaves nothing of them in the log.</summary>
    private static string SelfActor(Guid employeeId) => $"employee {employeeId}";

    private static IResult Download(PersonalData personal, Guid employeeId, string actor, TimeProvider time, HttpContext context) =>
        TypedResults.Stream(stream => personal.ExportAsync(stream, employeeId, actor, context.RequestAborted), "application/json",
            $"gamifyhub-data-{time.GetUtcNow():yyyy-MM-dd}.json");

    private static async Task<IResult> ExportMine(ClaimsPrincipal user, PersonalData personal, TimeProvider time, HttpContext context)
    {
        var employeeId = user.GetEmployeeId()!.Value;
        return await personal.ExistsAsync(employeeId, context.RequestAborted)
            ? Download(personal, employeeId, SelfActor(employeeId), time, context)
            : ApiProblems.NotFound("There is no employee for this sign-in.");
    }

    private static async Task<IResult> ExportFor(Guid employeeId, ClaimsPrincipal user, PersonalData personal, TimeProvider time,
        HttpContext context) =>
        await personal.ExistsAsync(employeeId, context.RequestAborted)
            ? Download(personal, employeeId, AdminEndpoints.Actor(user), time, context)
            : ApiProblems.NotFound($"There is no employee {employeeId}.");

    private static IResult? Unconfirmed(EraseIn? body) => body?.Confirm == Confirmation
        ? null
        : ApiProblems.Validation("confirm", $"An erasure cannot be undone: confirm it with \"confirm\": \"{Confirmation}\".");

    private static async Task<IResult> EraseMe(EraseIn? body, ClaimsPrincipal user, UserManager<AppUser> users, PersonalData personal,
        HttpContext context)
    {
        if (Unconfirmed(body) is { } problem)
        {
            return problem;
        }

        var employeeId = user.GetEmployeeId()!.Value;
        var account = await users.GetUserAsync(user);
        if (account is null)
        {
            return ApiProblems.Unauthorized("This sign-in's account no longer exists.");
        }

        if (await users.HasPasswordAsync(account) && (body!.Password is not { Length: > 0 } password || !await users.CheckPasswordAsync(account, password)))
        {
            return ApiProblems.Validation("password", "Enter your password to confirm the erasure.");
        }

        if (await users.IsInRoleAsync(account, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return ApiProblems.Conflict("You are the last admin: make someone else an admin before erasing your account.");
        }

        var counts = await personal.EraseAsync(employeeId, SelfActor(employeeId), "self");
        if (counts is null)
        {
            return ApiProblems.NotFound("There is no employee for this sign-in.");
        }

        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return TypedResults.Ok(Dto(employeeId, counts));
    }

    private static async Task<IResult> EraseFor(Guid employeeId, EraseIn? body, ClaimsPrincipal user, UserManager<AppUser> users,
        PersonalData personal)
    {
        if (Unconfirmed(body) is { } problem)
        {
            return problem;
        }

        var account = await users.GetUserAsync(user);
        if (user.GetEmployeeId() == employeeId || account?.EmployeeId == employeeId)
        {
            return ApiProblems.Conflict("Admins erase themselves with POST /api/me/erase, not through the admin route.");
        }

        var counts = await personal.EraseAsync(employeeId, AdminEndpoints.Actor(user), "admin");
        return counts is null ? ApiProblems.NotFound($"There is no employee {employeeId}.") : TypedResults.Ok(Dto(employeeId, counts));
    }

    private static ErasedDto Dto(Guid employeeId, ErasureCounts counts) =>
        new(employeeId, counts.Events, counts.Awards, counts.Kudos, counts.Notifications, counts.SignIns);

    private static async Task<RetentionDto> GetRetention(RetentionBook book, CancellationToken cancellationToken)
    {
        var policy = await book.GetAsync(cancellationToken);
        var history = await book.HistoryAsync(50, cancellationToken);
        return new RetentionDto(policy.Months, policy.Mode,
            [.. history.Select(c => new RetentionChangeDto(c.Months, c.Mode, c.Actor, DateTime.SpecifyKind(c.At, DateTimeKind.Utc)))]);
    }

    private static async Task<IResult> PutRetention(RetentionIn? body, ClaimsPrincipal user, RetentionBook book,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return ApiProblems.Validation("months", "Send {\"months\": 1..120 or null to keep everything, \"mode\": \"anonymize\" or \"purge\"}.");
        }

        var errors = new Dictionary<string, string[]>();
        if (body.Months is < RetentionPolicy.MinMonths or > RetentionPolicy.MaxMonths)
        {
            errors["months"] = [$"'months' is between {RetentionPolicy.MinMonths} and {RetentionPolicy.MaxMonths}, or null to keep everything."];
        }

        var mode = body.Mode ?? RetentionModes.Anonymize;
        if (!RetentionModes.IsKnown(mode))
        {
            errors["mode"] = ["'mode' is \"anonymize\" (the default: totals stay) or \"purge\" (old events are deleted)."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        await book.SetAsync(new RetentionPolicy(body.Months, mode), AdminEndpoints.Actor(user));
        return TypedResults.Ok(await GetRetention(book, cancellationToken));
    }

    private static async Task<RetentionRunDto> RunRetention(ClaimsPrincipal user, RetentionJob job, CancellationToken cancellationToken)
    {
        var counts = await job.RunAsync(AdminEndpoints.Actor(user), cancellationToken);
        return new RetentionRunDto(counts.Events, counts.Awards, counts.Kudos, counts.GamingFlags, counts.Notifications);
    }
}
