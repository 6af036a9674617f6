namespace GamifyHub.Data.Writing;

public sealed class WriterOptions
{
    /// <summary>Writes waiting for the writer before callers get "try again later".</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>How long a caller may wait for room in a full queue before it is told to retry later.</summary>
    public int QueueWaitMilliseconds { get; set; } = 2_000;

    /// <summary>Most writes committed in one transaction (group commit). With prepared statements a write costs microseconds,
    /// so the fsync per commit weighs: 2,000 gave the in-process writer about a fifth more events/s than 500 (bench, 8,000 in
    /// flight), and the queue (<see cref="QueueCapacity"/>) still bounds memory.</summary>
    public int MaxBatch { get; set; } = 2_000;

    /// <summary>Committed events the projections (boards, totals, challenges) may lag behind before new events get "try again
    /// later" (503) too.</summary>
    public int MaxProjectionBacklog { get; set; } = 100_000;
}
