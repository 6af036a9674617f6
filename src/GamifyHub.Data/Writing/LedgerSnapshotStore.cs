using GamifyHub.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Writing;

/// <summary>
/// Keeps employees' ledger snapshots (see <see cref="LedgerSnapshotEntry"/>). A snapshot is a cache of what the log up to a
/// sequence says under one rules version, so anything that changes the past of the log for people (erasure, retention)
/// forgets snapshots and moves the <em>epoch</em> on, inside its own transaction; a snapshot read before such a change is
/// then refused when it is saved, because its save checks the epoch it was read under. The epoch is a row of the same
/// table (<see cref="EpochRow"/>: no employee has the empty id), so the check holds across processes too.
/// </summary>
public sealed class LedgerSnapshotStore(EngagementWriter writer, TimeProvider time)
{
    /// <summary>The row whose <see cref="LedgerSnapshotEntry.Seq"/> is the epoch.</summary>
    public static readonly Guid EpochRow = Guid.Empty;

    /// <summary>
    /// Saves a snapshot taken from the log up to <paramref name="seq"/> under <paramref name="rulesVersion"/>, read under
    /// <paramref name="epoch"/>. Kept only if the epoch has not moved since, the employee still exists, and no snapshot of
    /// a later rules version or a later sequence is stored. Answers whether it was kept.
    /// </summary>
    public Task<bool> SaveAsync(Guid employeeId, int rulesVersion, long seq, long epoch, byte[] data)
    {
        var takenAt = time.GetUtcNow().UtcDateTime;
        return writer.ExclusiveAsync(async db => await db.Database.ExecuteSqlAsync($"""
            INSERT INTO LedgerSnapshots (EmployeeId, RulesVersion, Seq, Format, Data, TakenAt)
            SELECT {employeeId}, {rulesVersion}, {seq}, {Domain.Scoring.EmployeeLedger.SnapshotFormat}, {data}, {takenAt}
            WHERE EXISTS (SELECT 1 FROM Employees WHERE Id = {employeeId})
              AND COALESCE((SELECT Seq FROM LedgerSnapshots WHERE EmployeeId = {EpochRow}), 0) = {epoch}
            ON CONFLICT (EmployeeId) DO UPDATE SET
                RulesVersion = excluded.RulesVersion, Seq = excluded.Seq, Format = excluded.Format, Data = excluded.Data,
                TakenAt = excluded.TakenAt
            WHERE excluded.RulesVersion > LedgerSnapshots.RulesVersion
               OR (excluded.RulesVersion = LedgerSnapshots.RulesVersion AND excluded.Seq > LedgerSnapshots.Seq)
            """) > 0);
    }

    /// <summary>
    /// Inside a rescore's transaction (which holds the write lock and has read the whole log): replaces every snapshot by
    /// the ledgers the new rules' replay left, as of the log's last sequence. Placeholders (former colleagues) get none.
    /// </summary>
    public static void ReplaceAll(SqliteConnection connection, SqliteTransaction transaction, int rulesVersion, DateTime takenAt,
        IReadOnlyList<(Guid EmployeeId, byte[] Data)> snapshots)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM LedgerSnapshots WHERE EmployeeId <> $epoch";
        command.Parameters.AddWithValue("$epoch", Text(EpochRow));
        command.ExecuteNonQuery();
        command.Parameters.Clear();
        command.CommandText = "SELECT COALESCE(MAX(Seq), 0) FROM Events";
        var seq = (long)command.ExecuteScalar()!;
        command.CommandText = """
            INSERT INTO LedgerSnapshots (EmployeeId, RulesVersion, Seq, Format, Data, TakenAt)
            SELECT $id, $version, $seq, $format, $data, $at
            WHERE EXISTS (SELECT 1 FROM Employees WHERE Id = $id)
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var data = command.Parameters.Add("$data", SqliteType.Blob);
        command.Parameters.AddWithValue("$version", rulesVersion);
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$format", Domain.Scoring.EmployeeLedger.SnapshotFormat);
        command.Parameters.AddWithValue("$at", takenAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        command.Prepare();
        foreach (var (employeeId, bytes) in snapshots)
        {
            id.Value = Text(employeeId);
            data.Value = bytes;
            command.ExecuteNonQuery();
        }
    }

    // How EF Core stores a Guid in SQLite: upper-case text.
    private static string Text(Guid id) => id.ToString("D").ToUpperInvariant();

    /// <summary>The epoch, read inside the caller's (snapshot) transaction.</summary>
    public static async Task<long> EpochAsync(GamifyDbContext db, CancellationToken cancellationToken = default) =>
        await db.LedgerSnapshots.Where(s => s.EmployeeId == EpochRow).Select(s => (long?)s.Seq).FirstOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>
    /// Forgets one employee's snapshot, or everyone's (null), and moves the epoch on (stamped <paramref name="now"/>). Call inside
    /// the transaction that changes the log's past.
    /// </summary>
    public static async Task ForgetAsync(GamifyDbContext db, Guid? employeeId, DateTime now, CancellationToken cancellationToken = default)
    {
        var gone = employeeId is { } id
            ? db.LedgerSnapshots.Where(s => s.EmployeeId == id)
            : db.LedgerSnapshots.Where(s => s.EmployeeId != EpochRow);
        await gone.ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO LedgerSnapshots (EmployeeId, RulesVersion, Seq, Format, Data, TakenAt)
            VALUES ({EpochRow}, 0, 1, 0, {Array.Empty<byte>()}, {now})
            ON CONFLICT (EmployeeId) DO UPDATE SET Seq = LedgerSnapshots.Seq + 1, TakenAt = excluded.TakenAt
            """, cancellationToken);
    }
}
