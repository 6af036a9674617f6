namespace GamifyHub.Data.Writing;

public sealed class WriterOptions
{
    /// <summary>Writes waiting for the writer before callers get "try again later".</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>How long a caller may wait for room in a full queue before it is told to retry later.</summary>
    public int QueueWaitMilliseconds { get; set; } = 2_000;

    /// <summary>Most writes committed in one transaction (group commit).</summary>
    public int MaxBatch { get; set; } = 500;

    /// <summary>Committed events the projections (boards, totals, challenges) may lag behind before new events get "try again
    /// later" (503) too.</summary>
    public int MaxProjectionBacklog { get; set; } = 100_000;
}
