using GamifyHub.Data;
using GamifyHub.Data.Maintenance;
using GamifyHub.Server.Auth;

namespace GamifyHub.Server.Admin;

public static class AdminEndpoints
{
    public sealed record BackupMade(string Path, long Bytes, DateTime CreatedAt);

    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapPost("/backup", Backup);
        return group;
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
