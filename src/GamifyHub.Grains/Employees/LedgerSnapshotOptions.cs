namespace GamifyHub.Grains.Employees;

/// <summary>When employees' ledger snapshots are taken (configuration section "LedgerSnapshots").</summary>
public sealed class LedgerSnapshotOptions
{
    /// <summary>A ledger with this many of the employee's own events after its snapshot gets a new one: from the
    /// snapshotter, or from an activation that had to observe that many.</summary>
    public int SnapshotAfter { get; set; } = 1_000;

    /// <summary>How often the snapshotter looks for long tails.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after start the snapshotter first looks (start-up and the first requests go first).</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(5);

    public bool Enabled { get; set; } = true;
}
