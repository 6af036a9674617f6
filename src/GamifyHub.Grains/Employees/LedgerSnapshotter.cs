using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GamifyHub.Grains.Employees;

/// <summary>
/// Keeps employees' ledger snapshots close to the head of the log, so an employee grain's activation observes at most a
/// few thousand events instead of their whole history — also after a restart, and for people whose grain never
/// deactivates. It counts each employee's own events since their snapshot (one pass over the log at start and after a
/// rules change, then only the new events) and, every interval, rebuilds the ledgers with a long tail from snapshot plus
/// tail, outside any grain, one employee at a time, and stores them.
/// </summary>
public sealed class LedgerSnapshotter(ProjectionReader reader, LedgerSnapshotStore store, RuleBook rules,
    IOptions<LedgerSnapshotOptions> options, IOptions<CompanyOptions> company, TimeProvider time, ILogger<LedgerSnapshotter> logger)
    : BackgroundService
{
    private readonly LedgerSnapshotOptions _options = options.Value;
    private readonly Dictionary<Guid, int> _tails = [];
    private int _version = -1;
    private long _epoch = -1;
    private long _counted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(_options.StartDelay, time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PassAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A snapshot is a cache: the next pass tries again, and activations still rebuild from the log.
                    logger.LogWarning(ex, "Taking ledger snapshots failed; trying again in {Interval}", _options.Interval);
                    _version = -1;
                }

                await Task.Delay(_options.Interval, time, stoppingToken);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a pass cut short loses nothing (snapshots are a cache).
        }
    }

    /// <summary>Counts the new events and snapshots every ledger whose tail is long enough. Answers how many it stored.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var version = rules.Current.Version;
        // Erasure and retention forget snapshots and move the epoch on: the tails are counted again.
        var epoch = await reader.LedgerSnapshotEpoch(cancellationToken);
        if (version != _version || epoch != _epoch)
        {
            var (highWater, tails) = await reader.LedgerTails(version, cancellationToken);
            _tails.Clear();
            foreach (var (employee, count) in tails)
            {
                _tails[employee] = count;
            }

            (_version, _epoch, _counted) = (version, epoch, highWater);
        }
        else
        {
            var (highWater, counts) = await reader.EventsSince(_counted, cancellationToken);
            foreach (var (employee, count) in counts)
            {
                _tails[employee] = _tails.GetValueOrDefault(employee) + count;
            }

            _counted = highWater;
        }

        var stored = 0;
        foreach (var employee in _tails.Where(t => t.Value >= _options.SnapshotAfter).OrderByDescending(t => t.Value).Select(t => t.Key).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rules.Current.Version != version)
            {
                break; // a rescore: the next pass starts over under the new rules
            }

            var history = await reader.LoadLedger(employee, version, recentEvents: 0, storedIds: 0);
            var ledger = await history.FoldAsync(employee, company.Value.Zone, 4_096);
            if (await store.SaveAsync(employee, version, history.HighWater, history.Epoch, ledger.ToSnapshot()))
            {
                stored++;
            }

            // Events committed between the count and this load are counted again in the next pass: at worst the next
            // snapshot comes a little early.
            _tails[employee] = 0;
        }

        if (stored > 0)
        {
            logger.LogDebug("Stored {Count} ledger snapshots under rules version {Version}", stored, version);
        }

        return stored;
    }
}
