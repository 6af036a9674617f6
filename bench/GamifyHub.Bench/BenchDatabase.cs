using System.Globalization;
using GamifyHub.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Bench;

/// <summary>Direct reads of a GamifyHub SQLite file, and fresh files with the server's schema.</summary>
public static class BenchDatabase
{
    /// <summary>Figures about the events stored after a given sequence number.</summary>
    /// <param name="Commits">Distinct RecordedAt values: the writer stamps every event of one group commit with the same time.</param>
    public sealed record Stored(long Events, long Awards, long Commits, long Points);

    /// <summary>A new SQLite file with the schema of the server's EF migration, in WAL mode (as the server creates it).</summary>
    public static async Task<string> CreateAsync(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var options = new DbContextOptionsBuilder<GamifyDbContext>();
        options.UseGamifySqlite(SqliteDatabase.ConnectionString(path));
        await using (var db = new GamifyDbContext(options.Options))
        {
            await SqliteDatabase.MigrateAsync(db);
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    public static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static List<BenchEmployee> Employees(string path)
    {
        using var connection = OpenReadOnly(path);
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "Email", "DepartmentId" FROM "Employees" ORDER BY "Email";""";
        using var reader = command.ExecuteReader();
        var employees = new List<BenchEmployee>();
        while (reader.Read())
        {
            employees.Add(new BenchEmployee(Guid.Parse(reader.GetString(0)), reader.GetString(1), Guid.Parse(reader.GetString(2))));
        }

        return employees;
    }

    public static long Count(string path, string sql)
    {
        using var connection = OpenReadOnly(path);
        return Scalar(connection, sql, 0);
    }

    public static long MaxSeq(string path)
    {
        using var connection = OpenReadOnly(path);
        return Scalar(connection, """SELECT COALESCE(MAX("Seq"), 0) FROM "Events";""", 0);
    }

    public static Stored After(string path, long seq)
    {
        using var connection = OpenReadOnly(path);
        return new Stored(
            Scalar(connection, """SELECT COUNT(*) FROM "Events" WHERE "Seq" > $seq;""", seq),
            Scalar(connection, """SELECT COUNT(*) FROM "Awards" WHERE "EventSeq" > $seq;""", seq),
            Scalar(connection, """SELECT COUNT(DISTINCT "RecordedAt") FROM "Events" WHERE "Seq" > $seq;""", seq),
            Scalar(connection, """SELECT COALESCE(SUM("Points"), 0) FROM "Awards" WHERE "EventSeq" > $seq;""", seq));
    }

    private static long Scalar(SqliteConnection connection, string sql, long seq)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$seq", seq);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
