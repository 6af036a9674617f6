namespace GamifyHub.Data.Entities;

/// <summary>
/// A board's scores for one period, or a department's totals, as the log up to <see cref="Seq"/> adds them up (see
/// <see cref="Writing.ProjectionSnapshotStore"/>): a cache an activation starts from, read only under the
/// <see cref="Epoch"/> it was taken in. Anything that changes the log's past (rescoring, erasure, retention) deletes it.
/// </summary>
public sealed class ProjectionSnapshotEntry
{
    /// <summary>Which projection: <c>board/{scope}/{window}</c> or <c>department/{id}</c>; the empty key holds the epoch.</summary>
    public required string Key { get; set; }

    /// <summary>The board period it sums (key and UTC bounds), empty for a department's totals.</summary>
    public required string Period { get; set; }

    public long Epoch { get; set; }
    public long Seq { get; set; }
    public int Format { get; set; }
    public required byte[] Data { get; set; }
    public DateTime TakenAt { get; set; }
}
