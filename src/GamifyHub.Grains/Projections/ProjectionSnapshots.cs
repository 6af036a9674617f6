using GamifyHub.Data.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GamifyHub.Grains.Projections;

/// <summary>
/// What board and department grains share about their snapshots: when one is due, and storing it through the writer's group
/// commit. A snapshot is a cache, so a failed save is logged and forgotten: the next activation reads a longer tail.
/// </summary>
public sealed class ProjectionSnapshots(ProjectionSnapshotStore store, IOptions<ProjectionSnapshotOptions> options,
    ILogger<ProjectionSnapshots> logger)
{
    /// <summary>Whether a projection read up to <paramref name="upTo"/> is far enough past its snapshot (up to
    /// <paramref name="snapshotUpTo"/>, 0 when none) to store a new one.</summary>
    public bool Due(long snapshotUpTo, long upTo) =>
        options.Value.Enabled && upTo > snapshotUpTo && upTo - snapshotUpTo >= options.Value.SnapshotAfter;

    /// <summary>Stores a snapshot; answers whether it was kept (false also when the save failed).</summary>
    public async Task<bool> SaveAsync(string key, string period, long seq, long epoch, byte[] data)
    {
        try
        {
            return await store.SaveAsync(key, period, seq, epoch, data);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Storing the snapshot of {Key} failed", key);
            return false;
        }
    }
}
