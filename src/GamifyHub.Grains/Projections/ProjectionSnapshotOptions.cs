namespace GamifyHub.Grains.Projections;

/// <summary>When board and department snapshots are taken (configuration section "ProjectionSnapshots").</summary>
public sealed class ProjectionSnapshotOptions
{
    public const string SectionName = "ProjectionSnapshots";

    /// <summary>A board or department whose load read this many log positions after its snapshot (or had none) stores a new
    /// one; so does one deactivating that far past its snapshot.</summary>
    public long SnapshotAfter { get; set; } = 10_000;

    public bool Enabled { get; set; } = true;
}
