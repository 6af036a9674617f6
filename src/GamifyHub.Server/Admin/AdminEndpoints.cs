using GamifyHub.Data;
using System.Text.Json;
using GamifyHub.Data.Maintenance;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains;
using GamifyHub.Server.Problems;
using Microsoft.Extensions.Options;
using GamifyHub.Server.Auth;

namespace GamifyHub.Server.Admin;

public static class AdminEndpoints
{
    public sealed record BackupMade(string Path, long Bytes, DateTime CreatedAt);

    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapPost("/backup", Backup);
        group.MapGet("/rules", CurrentRules);
        group.MapPost("/rules/preview", PreviewRules);
        return group;
    }

    /// <summary>The rule set in force, as its stored format 2 JSON document.</summary>
    private static IResult CurrentRules(RuleBook rules) =>
        TypedResults.Content(RuleSetFormat.Write(rules.Current), "application/json");

    /// <summary>
    /// What a proposed rule set (format 2 JSON) would change: replays the whole event log with the current and with the
    /// proposed rules and compares points and badges per employee. Changes nothing.
    /// </summary>
    private static async Task<IResult> PreviewRules(JsonElement body, RuleBook rules, ProjectionReader reader,
        IOptions<CompanyOptions> company, CancellationToken cancellationToken)
    {
        RuleSet proposed;
        try
        {
            proposed = RuleSetFormat.Read(body.GetRawText());
        }
        catch (InvalidDataException ex)
        {
            return ApiProblems.Validation("body", ex.Message);
        }

        var errors = RuleSetValidator.Validate(proposed);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors.GroupBy(e => e.Path)
                .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Path}: {e.Message}").ToArray()));
        }

        var zone = company.Value.Zone;
        var (events, items) = await reader.LoadReplay(cancellationToken);
        var before = ScoreReplay.Run(rules.Current, events, items, zone);
        var after = ScoreReplay.Run(proposed, events, items, zone);
        return TypedResults.Ok(RescorePreview.Compare(before, after));
    }

    /// <summary>An online, consistent copy of the database into its backups folder, while the server keeps writing.</summary>
    private static async Task<IResult> Backup(DatabaseLocation database, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var target = Path.Combine(Path.GetDirectoryName(database.Path)!, "backups",
            $"gamifyhub-{now:yyyyMMdd'T'HHmmssfff'Z'}.db");
        var backup = await DatabaseBackup.BackupAsync(database.Path, target, cancellationToken);
        return TypedResults.Ok(new BackupMade(backup.FullName, backup.Length, now));
    }
}
