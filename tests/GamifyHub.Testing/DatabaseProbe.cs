using Microsoft.Data.Sqlite;

namespace GamifyHub.Testing;

/// <summary>Reads a server's SQLite file directly (read-only, beside a running server thanks to WAL).</summary>
public sealed class DatabaseProbe(string databasePath)
{
    public async Task<T> Scalar<T>(string sql)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<(Guid EventId, long Points)>> EventsWithPoints(string source)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.EventId, COALESCE((SELECT SUM(a.Points) FROM Awards a WHERE a.EventSeq = e.Seq), 0)
            FROM Events e WHERE e.Source = $source
            """;
        command.Parameters.AddWithValue("$source", source);
        var rows = new List<(Guid, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((Guid.Parse(reader.GetString(0)), reader.GetInt64(1)));
        }

        return rows;
    }

    /// <summary>Every stored award line as (event, recipient, points, rule, rule version), sorted.</summary>
    public async Task<List<(Guid EventId, Guid EmployeeId, long Points, string RuleId, int RuleVersion)>> AwardLines()
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EventId, EmployeeId, Points, RuleId, RuleVersion FROM Awards";
        var rows = new List<(Guid, Guid, long, string, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetString(3), reader.GetInt32(4)));
        }

        return [.. rows.Order()];
    }

    /// <summary>Row counts of the tables that hold state, to prove that something changed nothing.</summary>
    public async Task<string> StateFingerprint()
    {
        var parts = new List<string>();
        foreach (var table in new[] { "Events", "Awards", "FeedbackItems", "FeedbackRoutings", "AspNetUsers", "ApiKeys", "Kudos", "WallboardTokens", "AuditLog",
                     "MutedNotificationTypes" })
        {
            parts.Add($"{table}={await Scalar<long>($"SELECT count(*) FROM \"{table}\"")}");
        }

        parts.Add($"points={await Scalar<long>("SELECT COALESCE(SUM(Points), 0) FROM Awards")}");
        return string.Join(", ", parts);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }
}
