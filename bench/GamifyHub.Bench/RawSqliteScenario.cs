using System.Diagnostics;
using System.Globalization;
using GamifyHub.Data;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Bench;

/// <summary>
/// The rows the server's writer stores for an external event (an Events row and its Awards rows), appended to a
/// fresh file with the server's schema straight through Microsoft.Data.Sqlite: the server's PRAGMAs, prepared
/// INSERT statements, <c>groupSize</c> events per transaction. No EF Core, no duplicate check, no HTTP, no grains.
/// </summary>
public static class RawSqliteScenario
{
    // The server's per-connection pragmas (SqliteDatabase.ConnectionPragmas) plus WAL, which the migration set on the file.
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    public static async Task<(TimeSpan Elapsed, Percentiles Latency, long Commits)> RunAsync(string path, IReadOnlyList<BenchEvent> events,
        int groupSize)
    {
        await BenchDatabase.CreateAsync(path);
        await using var connection = new SqliteConnection(SqliteDatabase.ConnectionString(path));
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = Pragmas;
            await pragmas.ExecuteNonQueryAsync();
        }

        await using var insertEvent = connection.CreateCommand();
        insertEvent.CommandText = """
            INSERT INTO "Events" ("EventId", "EmployeeId", "DepartmentId", "Type", "FeedbackId", "OccurredAt", "RecordedAt",
                                  "Source", "TargetDepartmentId", "Text", "Url")
            VALUES ($eventId, $employeeId, $departmentId, $type, NULL, $occurredAt, $recordedAt, 'api', NULL, NULL, NULL)
            RETURNING "Seq";
            """;
        var eventId = insertEvent.Parameters.Add("$eventId", SqliteType.Text);
        var employeeId = insertEvent.Parameters.Add("$employeeId", SqliteType.Text);
        var departmentId = insertEvent.Parameters.Add("$departmentId", SqliteType.Text);
        var type = insertEvent.Parameters.Add("$type", SqliteType.Text);
        var occurredAt = insertEvent.Parameters.Add("$occurredAt", SqliteType.Text);
        var recordedAt = insertEvent.Parameters.Add("$recordedAt", SqliteType.Text);

        await using var insertAward = connection.CreateCommand();
        insertAward.CommandText = """
            INSERT INTO "Awards" ("EventSeq", "EventId", "EmployeeId", "DepartmentId", "FeedbackId", "Points", "Category",
                                  "RuleId", "RuleVersion", "Reason", "OccurredAt")
            VALUES ($eventSeq, $eventId, $employeeId, $departmentId, NULL, $points, $category, $ruleId, $ruleVersion, $reason, $occurredAt);
            """;
        var aSeq = insertAward.Parameters.Add("$eventSeq", SqliteType.Integer);
        var aEventId = insertAward.Parameters.Add("$eventId", SqliteType.Text);
        var aEmployeeId = insertAward.Parameters.Add("$employeeId", SqliteType.Text);
        var aDepartmentId = insertAward.Parameters.Add("$departmentId", SqliteType.Text);
        var aPoints = insertAward.Parameters.Add("$points", SqliteType.Integer);
        var aCategory = insertAward.Parameters.Add("$category", SqliteType.Text);
        var aRuleId = insertAward.Parameters.Add("$ruleId", SqliteType.Text);
        var aRuleVersion = insertAward.Parameters.Add("$ruleVersion", SqliteType.Integer);
        var aReason = insertAward.Parameters.Add("$reason", SqliteType.Text);
        var aOccurredAt = insertAward.Parameters.Add("$occurredAt", SqliteType.Text);

        insertEvent.Prepare();
        insertAward.Prepare();

        var latencies = new List<double>(events.Count / groupSize + 1);
        var clock = Stopwatch.StartNew();
        foreach (var group in events.Chunk(groupSize))
        {
            var started = Stopwatch.GetTimestamp();
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            insertEvent.Transaction = tx;
            insertAward.Transaction = tx;
            var now = Text(DateTime.UtcNow);
            foreach (var e in group)
            {
                // Values as EF Core stores them: GUIDs and dates as text, enums by name.
                eventId.Value = Text(e.EventId);
                employeeId.Value = Text(e.Employee.Id);
                departmentId.Value = Text(e.Employee.DepartmentId);
                type.Value = e.Type.ToString();
                occurredAt.Value = now;
                recordedAt.Value = now;
                var seq = (long)(await insertEvent.ExecuteScalarAsync())!;
                foreach (var award in e.Awards)
                {
                    aSeq.Value = seq;
                    aEventId.Value = eventId.Value;
                    aEmployeeId.Value = employeeId.Value;
                    aDepartmentId.Value = departmentId.Value;
                    aPoints.Value = award.Points;
                    aCategory.Value = award.Category.ToString();
                    aRuleId.Value = award.RuleId;
                    aRuleVersion.Value = award.RuleVersion;
                    aReason.Value = award.Reason;
                    aOccurredAt.Value = now;
                    await insertAward.ExecuteNonQueryAsync();
                }
            }

            await tx.CommitAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        clock.Stop();
        var stored = BenchDatabase.After(path, 0);
        if (stored.Events != events.Count || stored.Awards != events.Sum(e => (long)e.Awards.Count))
        {
            throw new BenchFailure($"The raw run stored {stored.Events:N0} events and {stored.Awards:N0} awards for {events.Count:N0} events.");
        }

        return (clock.Elapsed, Percentiles.Of(latencies), latencies.Count);
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
