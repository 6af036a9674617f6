using System.Diagnostics;
using System.Text.Json;
using GamifyHub.Data.Writing;
using GamifyHub.Server.Feedback;

namespace GamifyHub.Server.Imports;

/// <summary>
/// Streams an import file into the single writer: each row is validated, normalized, classified and routed exactly like
/// <c>POST /api/feedback</c>, then queued; at most <see cref="InFlight"/> rows wait for their commit at a time, so memory
/// stays flat whatever the file's length and a busy writer slows the reading down instead of being flooded.
/// Used by <c>POST /api/admin/imports</c>, the <c>import</c> command and the benchmark alike.
/// </summary>
public sealed class FeedbackImporter(FeedbackIntakeService intake, EngagementWriter writer)
{
    /// <summary>Rows handed to the writer and not yet committed (about two group commits' worth).</summary>
    public const int InFlight = 1_000;

    public async Task<ImportSummary> ImportAsync(Stream input, ImportFormat format, ImportErrorReport report, JsonSerializerOptions json,
        Guid id, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var counts = new Counts();
        var pending = new Queue<Task<IntakeOutcome>>(InFlight);
        string? fatal = null;
        try
        {
            await foreach (var row in FeedbackRows.ReadAsync(input, format, json, cancellationToken))
            {
                counts.Read++;
                if (row.Error is { } error)
                {
                    counts.Rejected++;
                    await report.AddAsync(error);
                    continue;
                }

                var errors = FeedbackIntakeService.Validate(row.Item);
                if (errors.Count > 0)
                {
                    counts.Rejected++;
                    foreach (var (field, messages) in errors)
                    {
                        foreach (var message in messages)
                        {
                            await report.AddAsync(new ImportError(row.Row, field, message));
                        }
                    }

                    continue;
                }

                pending.Enqueue(IngestAsync(await intake.PrepareAsync(row.Item!), cancellationToken));
                if (pending.Count >= InFlight)
                {
                    counts.Add(await pending.Dequeue());
                }
            }
        }
        catch (ImportFileException e)
        {
            fatal = e.Message;
            await report.AddAsync(new ImportError(e.Row, "file", e.Message));
        }
        finally
        {
            // Rows already queued are committed whatever happened to the reading: count them all.
            while (pending.Count > 0)
            {
                counts.Add(await pending.Dequeue());
            }
        }

        return new ImportSummary(id, format == ImportFormat.Csv ? "csv" : "jsonl", counts.Read, counts.Stored, counts.Duplicates,
            counts.NearDuplicates, counts.Rejected, report.Count, report.First, fatal, null, clock.Elapsed.TotalSeconds);
    }

    /// <summary>A full write queue (other traffic) is waited out: an import is not a caller that can be told to retry.</summary>
    private async Task<IntakeOutcome> IngestAsync(FeedbackIntake item, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await writer.IngestAsync(item);
            }
            catch (WriterQueueFullException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * Math.Min(attempt, 20)), cancellationToken);
            }
        }
    }

    private sealed class Counts
    {
        public long Read;
        public long Stored;
        public long Duplicates;
        public long NearDuplicates;
        public long Rejected;

        public void Add(IntakeOutcome outcome)
        {
            if (outcome.Duplicate)
            {
                Duplicates++;
                return;
            }

            Stored++;
            if (outcome.DuplicateOf is not null)
            {
                NearDuplicates++;
            }
        }
    }
}
