using GamifyHub.Data.Auditing;
using GamifyHub.Data.Privacy;
using GamifyHub.Data.Writing;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.MyData;

public sealed class RetentionOptions
{
    /// <summary>Whether the scheduled job runs at all (an admin can still run it now).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job runs: daily by default.</summary>
    public int IntervalMinutes { get; set; } = 24 * 60;

    /// <summary>Rows of each kind changed per write: the writer serves other writes between batches.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Applies the retention setting: events (and award lines, kudos, gaming flags, notifications) older than N months are
/// anonymized or purged, in batches through the single writer so actions keep committing in between. A run that changed
/// something writes one <c>retention.run</c> audit line with the counts and makes every cache rebuild; a run with nothing
/// left to do changes nothing and writes nothing.
/// </summary>
public sealed partial class RetentionJob(RetentionBook book, EngagementWriter writer, PersonalData personal, AuditRecorder audit,
    TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger) : BackgroundService
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(AuditLog.System, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // What a failed run left is still older than the cut-off next time: the next tick picks it up.
                    LogRunFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One run under the setting in force; answers what it changed (nothing when everything is kept).</summary>
    public async Task<RetentionCounts> RunAsync(string actor, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var policy = await book.GetAsync(cancellationToken);
            if (policy.Cutoff(time.GetUtcNow()) is not { } cutoff)
            {
                return RetentionCounts.None;
            }

            var purge = policy.Mode == RetentionModes.Purge;
            var batchSize = Math.Max(1, options.Value.BatchSize);
            var total = RetentionCounts.None;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = await writer.ExclusiveAsync(db => FormerColleagues.RetentionBatchAsync(db, cutoff, time.GetUtcNow().UtcDateTime, purge, batchSize));
                if (!batch.Any)
                {
                    break;
                }

                total = total.Plus(batch);
            }

            if (total.Any)
            {
                await audit.RecordAsync(actor, AuditActions.RetentionRun, policy.Mode, new
                {
                    policy.Months, policy.Mode, cutoff, total.Events, total.Awards, total.Kudos, total.GamingFlags, total.Notifications,
                });
                await personal.ForgetCachesAsync();
            }

            return total;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
