using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Writing;

/// <summary>
/// Keeps snapshots of board and department projections (see <see cref="Entities.ProjectionSnapshotEntry"/>), so their
/// activations read only the log after a snapshot instead of summing every award line. Like the ledger snapshots
/// (<see cref="LedgerSnapshotStore"/>), a snapshot is a cache of what the log up to a sequence says: whatever changes the
/// log's past (rescoring, erasure, retention) forgets them all and moves the <em>epoch</em> on in its own transaction; a save
/// read under an older epoch is refused, and a load uses only a snapshot of the epoch it reads. Saves ride in the writer's
/// next group commit.
/// </summary>
public sealed class ProjectionSnapshotStore(EngagementWriter writer, TimeProvider time)
{
    /// <summary>The key of the row whose <see cref="Entities.ProjectionSnapshotEntry.Seq"/> is the epoch.</summary>
    public const string EpochKey = "";

    /// <summary>
    /// Saves what the log up to <paramref name="seq"/> says for <paramref name="key"/> (and <paramref name="period"/>), read
    /// under <paramref name="epoch"/>. Kept only if the epoch has not moved since and the stored one is of another period or an
    /// earlier sequence. Answers whether it was kept.
    /// </summary>
    public async Task<bool> SaveAsync(string key, string period, long seq, long epoch, byte[] data)
    {
        var takenAt = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return await writer.InGroupCommitAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO ProjectionSnapshots (Key, Period, Epoch, Seq, Format, Data, TakenAt)
                SELECT $key, $period, $epoch, $seq, $format, $data, $at
                WHERE COALESCE((SELECT Seq FROM ProjectionSnapshots WHERE Key = $epochKey), 0) = $epoch
                ON CONFLICT (Key) DO UPDATE SET
                    Period = excluded.Period, Epoch = excluded.Epoch, Seq = excluded.Seq, Format = excluded.Format,
                    Data = excluded.Data, TakenAt = excluded.TakenAt
                WHERE excluded.Period <> ProjectionSnapshots.Period OR excluded.Seq > ProjectionSnapshots.Seq
                """;
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$period", period);
            command.Parameters.AddWithValue("$epoch", epoch);
            command.Parameters.AddWithValue("$seq", seq);
            command.Parameters.AddWithValue("$format", ProjectionSnapshotFormat.Current);
            command.Parameters.AddWithValue("$data", data);
            command.Parameters.AddWithValue("$at", takenAt);
            command.Parameters.AddWithValue("$epochKey", EpochKey);
            return command.ExecuteNonQuery();
        }) > 0;
    }

    /// <summary>The epoch, read inside the caller's (snapshot) transaction.</summary>
    public static async Task<long> EpochAsync(GamifyDbContext db, CancellationToken cancellationToken = default) =>
        await db.ProjectionSnapshots.Where(s => s.Key == EpochKey).Select(s => (long?)s.Seq).FirstOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>Forgets every projection snapshot and moves the epoch on (stamped <paramref name="now"/>). Call inside the
    /// transaction that changes the log's past.</summary>
    public static async Task ForgetAsync(GamifyDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        await db.ProjectionSnapshots.Where(s => s.Key != EpochKey).ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ProjectionSnapshots (Key, Period, Epoch, Seq, Format, Data, TakenAt)
            VALUES ({EpochKey}, '', 0, 1, 0, {Array.Empty<byte>()}, {now})
            ON CONFLICT (Key) DO UPDATE SET Seq = ProjectionSnapshots.Seq + 1, TakenAt = excluded.TakenAt
            """, cancellationToken);
    }
}
