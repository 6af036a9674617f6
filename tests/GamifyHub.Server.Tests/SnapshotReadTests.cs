using GamifyHub.Data;
using GamifyHub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Projection loads read inside a snapshot read: the writer commits beside it without waiting (an ordinary
/// Microsoft.Data.Sqlite transaction is BEGIN IMMEDIATE and held the write lock for the whole load), and the load keeps
/// seeing the database as it was when it started.
/// </summary>
public sealed class SnapshotReadTests
{
    [Fact]
    public async Task A_writer_commits_while_a_snapshot_read_is_open_and_the_read_keeps_its_snapshot()
    {
        var path = TempDatabase.NewPath();
        await using var db = Open(path);
        await SqliteDatabase.MigrateAsync(db);
        await Write(path, "CREATE TABLE probe (x INTEGER)");

        await using (var read = await db.Database.BeginSnapshotReadAsync())
        {
            Assert.Equal(0, await Count(db));

            // Waits a second at most: with the write lock held by the read (BEGIN IMMEDIATE) this fails with "database is locked".
            await Write(path, "INSERT INTO probe VALUES (1)");

            Assert.Equal(0, await Count(db));
        }

        await using (var again = await db.Database.BeginSnapshotReadAsync())
        {
            Assert.Equal(1, await Count(db));
        }
    }

    private static Task<int> Count(GamifyDbContext db) =>
        db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM probe").SingleAsync();

    private static async Task Write(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 1 }.ToString());
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=0;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var tx = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    private static GamifyDbContext Open(string path)
    {
        var options = new DbContextOptionsBuilder<GamifyDbContext>();
        options.UseGamifySqlite(SqliteDatabase.ConnectionString(path));
        return new GamifyDbContext(options.Options);
    }
}
