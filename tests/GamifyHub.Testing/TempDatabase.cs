using GamifyHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GamifyHub.Testing;

public static class TempDatabase
{
    /// <summary>A fresh path under the temp folder; each test host gets its own SQLite file.</summary>
    public static string NewPath() =>
        Path.Combine(Path.GetTempPath(), "gamifyhub-tests", Guid.NewGuid().ToString("N"), "gamifyhub.db");

    /// <summary>
    /// A demo database as an older version left it: seeded by a server, then rolled back to the schema before the migration
    /// whose name ends with <paramref name="migration"/> (that one's tables and history rows gone), for testing that an
    /// existing database is migrated.
    /// </summary>
    public static async Task<string> DemoBefore(string migration)
    {
        var path = NewPath();
        await using (var first = GamifyHubFactory.OnDatabase(path))
        {
            await first.SignedIn(ApiClient.Ravi);
        }

        var options = new DbContextOptionsBuilder<GamifyDbContext>();
        options.UseGamifySqlite(SqliteDatabase.ConnectionString(path));
        await using var db = new GamifyDbContext(options.Options);
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
        if (index < 1)
        {
            throw new ArgumentException($"No migration named {migration} after the first one.", nameof(migration));
        }

        await db.Database.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
        return path;
    }
}
