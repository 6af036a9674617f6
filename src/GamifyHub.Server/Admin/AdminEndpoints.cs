using GamifyHub.Data.Auditing;
using GamifyHub.Data;
using System.Globalization;
using System.Text.Json;
using GamifyHub.Data.Maintenance;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains;
using GamifyHub.Server.Problems;
using Microsoft.Extensions.Options;
using GamifyHub.Server.Auth;
using System.Security.Claims;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;

namespace GamifyHub.Server.Admin;

public static class AdminEndpoints
{
    public sealed record BackupMade(string Path, long Bytes, DateTime CreatedAt);

    /// <summary>Largest page of flags or audit rows one call returns.</summary>
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapPost("/backup", Backup);
        group.MapGet("/rules", CurrentRules);
        group.MapPost("/rules/preview", PreviewRules);
        group.MapPost("/rules/apply", ApplyRules);
        group.MapGet("/rules/history", RuleHistory);
        group.MapGet("/flags", Flags);
        return group;
    }

    /// <summary>The rule set in force, as its stored format 3 JSON document.</summary>
    private static IResult CurrentRules(RuleBook rules) =>
        TypedResults.Content(RuleSetFormat.Write(rules.Current), "application/json");

    /// <summary>
    /// What a proposed rule set (format 3 JSON) would change: replays the whole event log with the current and with the
    /// proposed rules and compares points and badges per employee. Changes nothing.
    /// </summary>
    private static async Task<IResult> PreviewRules(JsonElement body, ClaimsPrincipal user, RuleBook rules, ProjectionReader reader,
        EngagementWriter writer, TimeProvider time, IOptions<CompanyOptions> company, AdminQueries queries, StandingsCache standings,
        CancellationToken cancellationToken)
    {
        if (ReadValid(body, out var problem) is not { } proposed)
        {
            return problem!;
        }

        var zone = company.Value.Zone;
        var current = rules.Current;
        var diff = await reader.PreviewAsync(current, proposed, zone, standings, cancellationToken);

        var audit = new RuleChange
        {
            Kind = RuleChange.Preview, Version = current.Version, Actor = Actor(user),
            At = time.GetUtcNow().UtcDateTime, Summary = Rescoring.Summary(diff),
        };
        await writer.ExclusiveAsync(async db =>
        {
            db.RuleChanges.Add(audit);
            db.Audit(audit.At, audit.Actor, AuditActions.RulesPreviewed, $"version {audit.Version}", audit.Summary);
            return await db.SaveChangesAsync(CancellationToken.None);
        });
        return TypedResults.Ok(new RulesPreviewed(current.Version, queries.Named(diff.Employees), diff.TotalBefore, diff.TotalAfter,
            diff.TotalDelta, diff.EmployeesAffected, diff.BadgesGained, diff.BadgesLost));
    }

    /// <summary>
    /// Publishes a proposed rule set (format 3 JSON) as the next version and rescores the whole log with it: award lines
    /// and flags are replaced in one transaction through the single writer, the new rules are in force from the moment
    /// it commits, and every grain rebuilds its projection from the log on its next call.
    /// </summary>
    private static async Task<IResult> ApplyRules(JsonElement body, ClaimsPrincipal user, RuleBook rules, EngagementWriter writer,
        TimeProvider time, IGrainFactory grains, IOptions<CompanyOptions> company, AdminQueries queries, StandingsCache standings,
        CancellationToken cancellationToken)
    {
        if (ReadValid(body, out var problem) is not { } proposed)
        {
            return problem!;
        }

        var zone = company.Value.Zone;
        var actor = Actor(user);
        var applied = await writer.ExclusiveAsync(
            db => Rescoring.ApplyAsync(db, rules.Current, proposed, actor, time.GetUtcNow().UtcDateTime, zone, CancellationToken.None, standings),
            done => rules.Use(done.Rules));

        // Grains hold projections of the old awards: collect them all so each rebuilds from the log when next called.
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var diff = applied.Diff;
        return TypedResults.Ok(new RulesApplied(applied.Rules.Version, queries.Named(diff.Employees), diff.TotalBefore, diff.TotalAfter,
            diff.TotalDelta, diff.EmployeesAffected, diff.BadgesGained, diff.BadgesLost));
    }

    /// <summary>The audit of rule previews and applies, newest first: who did what, when, and how it changed the totals.</summary>
    private static async Task<IResult> RuleHistory(string? kind, string? page, string? pageSize, AdminQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is not (null or "" or "all" or RuleChange.Preview or RuleChange.Apply))
        {
            errors["kind"] = [$"'kind' must be {RuleChange.Preview}, {RuleChange.Apply} or all."];
        }

        var (pageNumber, size) = Paging(page, pageSize, 20, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var filter = kind is RuleChange.Preview or RuleChange.Apply ? kind : null;
        return TypedResults.Ok(await queries.RuleHistory(filter, pageNumber, size, cancellationToken));
    }

    /// <summary>Anti-gaming flags newest first, with the event that raised them; filtered by flag kind and by employee.</summary>
    private static async Task<IResult> Flags(string? kind, string? employeeId, string? page, string? pageSize, AdminQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is not (null or "" or "all" or ScoreFlags.ReadTooFast or ScoreFlags.Burst))
        {
            errors["kind"] = [$"'kind' must be {ScoreFlags.ReadTooFast}, {ScoreFlags.Burst} or all."];
        }

        Guid? employee = null;
        if (!string.IsNullOrEmpty(employeeId))
        {
            if (Guid.TryParse(employeeId, out var id))
            {
                employee = id;
            }
            else
            {
                errors["employeeId"] = ["'employeeId' must be an employee's id (a GUID)."];
            }
        }

        var (pageNumber, size) = Paging(page, pageSize, 50, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var filter = kind is ScoreFlags.ReadTooFast or ScoreFlags.Burst ? kind : null;
        return TypedResults.Ok(await queries.Flags(filter, employee, pageNumber, size, cancellationToken));
    }

    /// <summary>Reads page (from 1) and pageSize (1 to <see cref="MaxPageSize"/>), adding an error for each that is off.</summary>
    internal static (int Page, int PageSize) Paging(string? page, string? pageSize, int defaultSize, Dictionary<string, string[]> errors)
    {
        var pageNumber = 1;
        if (!string.IsNullOrEmpty(page) && !(int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) && pageNumber >= 1))
        {
            errors["page"] = ["'page' must be a whole number from 1."];
        }

        var size = defaultSize;
        if (!string.IsNullOrEmpty(pageSize)
            && !(int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxPageSize))
        {
            errors["pageSize"] = [$"'pageSize' must be a whole number from 1 to {MaxPageSize}."];
        }

        if (!errors.ContainsKey("page") && !errors.ContainsKey("pageSize") && (long)(pageNumber - 1) * size > int.MaxValue)
        {
            errors["page"] = ["'page' is past the end of any list."];
        }

        return (pageNumber, size);
    }

    internal static string Actor(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";

    /// <summary>The body as a valid rule set, or the 400 naming every problem.</summary>
    private static RuleSet? ReadValid(JsonElement body, out IResult? problem)
    {
        problem = null;
        RuleSet proposed;
        try
        {
            proposed = RuleSetFormat.Read(body.GetRawText());
        }
        catch (InvalidDataException ex)
        {
            problem = ApiProblems.Validation("body", ex.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // A bound JsonElement checks its strings' UTF-8 only when read as text, here.
            problem = ApiProblems.Validation("body", "The rule set document is not valid UTF-8 text.");
            return null;
        }

        var errors = RuleSetValidator.Validate(proposed);
        if (errors.Count > 0)
        {
            problem = ApiProblems.Validation(errors.GroupBy(e => e.Path)
                .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Path}: {e.Message}").ToArray()));
            return null;
        }

        return proposed;
    }

    /// <summary>
    /// An online, consistent copy of the database into its backups folder, while the server keeps writing. Backups there
    /// older than <see cref="BackupOptions.KeepDays"/> are deleted with it: they still hold people erased since.
    /// </summary>
    private static async Task<IResult> Backup(ClaimsPrincipal user, DatabaseLocation database, AuditRecorder audit, TimeProvider time,
        Microsoft.Extensions.Options.IOptions<BackupOptions> options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var folder = Path.Combine(Path.GetDirectoryName(database.Path)!, "backups");
        var target = Path.Combine(folder, $"gamifyhub-{now:yyyyMMdd'T'HHmmssfff'Z'}.db");
        var backup = await DatabaseBackup.BackupAsync(database.Path, target, cancellationToken);
        var purged = options.Value.KeepDays > 0 ? DatabaseBackup.DeleteOlderThan(folder, now.AddDays(-options.Value.KeepDays)) : 0;
        await audit.RecordAsync(Actor(user), AuditActions.BackupCreated, backup.Name, new { bytes = backup.Length, purged });
        return TypedResults.Ok(new BackupMade(backup.FullName, backup.Length, now));
    }
}
