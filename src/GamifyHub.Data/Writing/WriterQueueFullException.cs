namespace GamifyHub.Data.Writing;

/// <summary>The write queue is full; the caller should retry later instead of piling up memory.</summary>
public sealed class WriterQueueFullException() : Exception("The write queue is full. Retry shortly.");
