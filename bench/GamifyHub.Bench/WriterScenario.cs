using System.Diagnostics;
using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GamifyHub.Bench;

/// <summary>
/// The same events through the server's own <see cref="EngagementWriter"/> (prepared statements on its own connection,
/// exactly-once by the unique index, group commit of at most WriterOptions.MaxBatch), in this process, with no HTTP and no
/// grains: <c>inFlight</c> callers each await their write before sending the next.
/// </summary>
public static class WriterScenario
{
    public static async Task<(TimeSpan Elapsed, Percentiles Latency)> RunAsync(string path, IReadOnlyList<BenchEvent> events, int inFlight,
        int? maxBatch = null)
    {
        await BenchDatabase.CreateAsync(path);
        var options = new DbContextOptionsBuilder<GamifyDbContext>();
        options.UseGamifySqlite(SqliteDatabase.ConnectionString(path));
        var factory = new ContextFactory(options.Options);
        var writer = new EngagementWriter(factory, [], new RuleBook(factory, TimeProvider.System), Options.Create(new WriterOptions { MaxBatch = maxBatch ?? new WriterOptions().MaxBatch }),
            TimeProvider.System, NullLogger<EngagementWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        try
        {
            var latencies = new double[events.Count];
            var next = -1;
            var clock = Stopwatch.StartNew();
            var callers = Enumerable.Range(0, Math.Min(inFlight, events.Count)).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < events.Count)
                {
                    var e = events[i];
                    var started = Stopwatch.GetTimestamp();
                    var outcome = await writer.RecordAsync(new EngagementRecord(e.EventId, e.Employee.Id, e.Employee.DepartmentId, e.Type,
                        null, DateTime.UtcNow, "api", e.Awards));
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (outcome.Duplicate)
                    {
                        throw new BenchFailure($"The writer took fresh event {e.EventId} for a duplicate.");
                    }
                }
            })).ToArray();
            await Task.WhenAll(callers);
            clock.Stop();
            return (clock.Elapsed, Percentiles.Of(latencies));
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
            writer.Dispose();
        }
    }

    /// <summary>A new context per operation, as AddDbContextFactory gives the server.</summary>
    private sealed class ContextFactory(DbContextOptions<GamifyDbContext> options) : IDbContextFactory<GamifyDbContext>
    {
        public GamifyDbContext CreateDbContext() => new(options);
    }
}
