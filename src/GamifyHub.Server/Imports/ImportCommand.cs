using System.Diagnostics;
using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Data.Maintenance;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Imports;

/// <summary>
/// <c>import &lt;file&gt; [--format csv|jsonl] [--errors &lt;file&gt;] [--json] [--Database:Path=&lt;db&gt;]</c>: imports straight
/// into the database with the server stopped. It takes the same lock file the server holds, so it can never be a second
/// writer beside a running server (which would break the single-writer design); while the server runs, upload the file on
/// the admin Import page or to <c>POST /api/admin/imports</c> instead.
/// </summary>
public static class ImportCommand
{
    public const string Usage = "Usage: import <file.csv|file.jsonl> [--format csv|jsonl] [--errors <report.jsonl>] [--json] [--Database:Path=<db>]";

    /// <summary>0: every row imported (or a duplicate); 3: finished, some rows rejected; 1: could not import; 2: usage.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? file = null, errorsPath = null, format = null;
        var json = false;
        var settings = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format" when i + 1 < args.Length:
                    format = args[++i];
                    break;
                case "--errors" when i + 1 < args.Length:
                    errorsPath = args[++i];
                    break;
                case "--json":
                    json = true;
                    break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    settings.Add(a);
                    break;
                case var a when file is null:
                    file = a;
                    break;
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var kind = FeedbackRows.FormatOf(format ?? file);
        if (file is null || kind is null)
        {
            await error.WriteLineAsync(file is null ? Usage : $"Cannot tell the format of {file}: name it *.csv or *.jsonl, or add --format csv|jsonl.");
            return 2;
        }

        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"No such file: {Path.GetFullPath(file)}");
            return 1;
        }

        var builder = WebApplication.CreateBuilder([.. settings]);
        var database = GamifyHubServices.DatabasePath(builder.Configuration, builder.Environment);
        if (!File.Exists(database))
        {
            await error.WriteLineAsync($"No database at {database}. Start the server once to create it, or name another with --Database:Path=<db>.");
            return 1;
        }

        using var databaseLock = DatabaseLock.TryAcquire(database);
        if (databaseLock is null)
        {
            await error.WriteLineAsync($"The server is running on {database}. Stop it first, or upload the file on the admin Import page "
                + "(or POST /api/admin/imports) of the running server.");
            return 1;
        }

        await using var services = Services(builder.Configuration, database);
        await using (var db = await services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync())
        {
            await SqliteDatabase.MigrateAsync(db);
        }

        await services.GetRequiredService<RuleBook>().LoadAsync();
        await services.GetRequiredService<CompanyDirectory>().RefreshAsync();
        await services.GetRequiredService<TaxonomyBook>().LoadAsync();
        var writer = services.GetRequiredService<EngagementWriter>();
        await writer.StartAsync(CancellationToken.None);

        var reportPath = Path.GetFullPath(errorsPath ?? file + ".errors.jsonl");
        ImportSummary summary;
        try
        {
            await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            await using var reportFile = new FileStream(reportPath, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
            await using var report = new ImportErrorReport(reportFile);
            summary = await services.GetRequiredService<FeedbackImporter>().ImportAsync(input, kind.Value, report,
                new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow, MaxDepth = 32 },
                Guid.CreateVersion7());
        }
        finally
        {
            // Commits everything queued before returning.
            await writer.StopAsync(CancellationToken.None);
        }

        if (summary.ErrorCount == 0)
        {
            File.Delete(reportPath);
        }

        summary = summary with { ErrorReport = summary.ErrorCount > 0 ? reportPath : null };
        if (json)
        {
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            await output.WriteLineAsync(JsonSerializer.Serialize(new { summary, peakWorkingSetBytes = peak, database },
                new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        }
        else
        {
            await output.WriteLineAsync($"Imported {file} into {database} in {summary.Seconds:0.0} s: {summary.RowsRead:N0} rows read, "
                + $"{summary.Stored:N0} stored ({summary.NearDuplicates:N0} flagged as near-duplicates), {summary.Duplicates:N0} duplicates, "
                + $"{summary.Rejected:N0} rejected.");
            foreach (var e in summary.Errors.Take(20))
            {
                await error.WriteLineAsync($"  row {e.Row}, {e.Field}: {e.Message}");
            }

            if (summary.ErrorCount > 0)
            {
                await error.WriteLineAsync($"All {summary.ErrorCount:N0} errors: {reportPath}");
            }

            if (summary.Fatal is not null)
            {
                await error.WriteLineAsync($"Stopped early: {summary.Fatal}");
            }
        }

        return summary.Fatal is not null && summary.RowsRead == 0 ? 1 : summary.Rejected > 0 ? 3 : 0;
    }

    /// <summary>The data layer and the intake pipeline, without the web host, the silo or demo mode.</summary>
    private static ServiceProvider Services(IConfiguration configuration, string database)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(l => l.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        services.AddGamifyData(_ => database);
        services.AddSingleton<RoutingRuleCache>();
        services.AddSingleton<FeedbackIntakeService>();
        services.AddSingleton<FeedbackImporter>();
        // No silo and no hub here: nothing can be pushed, and imports send no notifications anyway.
        services.AddSingleton<GamifyHub.Grains.Live.ILiveNotifier, Offline>();
        return services.BuildServiceProvider();
    }

    private sealed class Offline : GamifyHub.Grains.Live.ILiveNotifier
    {
        public Task BoardChanged(GamifyHub.Grains.BoardSnapshot change) => Task.CompletedTask;

        public Task Notify(Guid employeeId, GamifyHub.Grains.Live.LiveNotification notification) => Task.CompletedTask;
    }
}
