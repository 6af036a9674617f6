using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace GamifyHub.Data;

/// <summary>Connection settings and start-up for the SQLite file.</summary>
public static class SqliteDatabase
{
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>WAL lets readers run beside the one writer; the pragmas are per connection except journal_mode.</summary>
    public static async Task MigrateAsync(GamifyDbContext db, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(db.Database.GetDbConnection().DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Busy handling and durability, set on every connection: EF Core's (by an interceptor) and the event writer's own.</summary>
    internal const string ConnectionPragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    public static DbContextOptionsBuilder UseGamifySqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(new PragmasOnOpen());

    /// <summary>Sets busy handling and durability on every connection the pool opens.</summary>
    private sealed class PragmasOnOpen : DbConnectionInterceptor
    {
        private const string Pragmas = ConnectionPragmas;

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
