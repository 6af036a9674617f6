using System.Net;
using System.Net.Http.Json;
using GamifyHub.Data.Auditing;
using GamifyHub.Data.Privacy;
using GamifyHub.Data.Writing;
using GamifyHub.Server.MyData;
using GamifyHub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>The retention setting and job (issue 7, point 4).</summary>
public sealed class RetentionTests
{
    private sealed record EventRow(long Seq, string EmployeeId, string DepartmentId, string Type, DateTime OccurredAt, string? Text);

    [Fact]
    public async Task The_setting_is_validated_kept_with_its_history_audited_and_admin_only()
    {
        using var host = new GamifyHubFactory();
        var admin = await host.SignedIn(ApiClient.Admin);
        var ravi = await host.SignedIn(ApiClient.Ravi);

        var initial = await admin.GetJson("/api/admin/retention");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, initial.GetProperty("months").ValueKind);
        Assert.Equal("anonymize", initial.GetProperty("mode").GetString());

        await ProblemAssert.Is(await admin.PutAsJsonAsync("/api/admin/retention", new { months = 0, mode = "anonymize" }), HttpStatusCode.BadRequest, "between 1 and 120");
        await ProblemAssert.Is(await admin.PutAsJsonAsync("/api/admin/retention", new { months = 121 }), HttpStatusCode.BadRequest, "between 1 and 120");
        await ProblemAssert.Is(await admin.PutAsJsonAsync("/api/admin/retention", new { months = 12, mode = "shred" }), HttpStatusCode.BadRequest, "purge");
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PutAsJsonAsync("/api/admin/retention", new { months = 12 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PostAsync("/api/admin/retention/run", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/retention", new { months = 24, mode = "purge" })).StatusCode);
        var saved = await admin.PutAsJsonAsync("/api/admin/retention", new { months = 36 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var now = await admin.GetJson("/api/admin/retention");
        Assert.Equal(36, now.GetProperty("months").GetInt32());
        Assert.Equal("anonymize", now.GetProperty("mode").GetString());
        var history = now.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([36, 24], history.Select(h => h.GetProperty("months").GetInt32()));
        Assert.All(history, h => Assert.Equal(ApiClient.Admin, h.GetProperty("actor").GetString()));

        var lines = (await admin.GetJson("/api/admin/audit?action=privacy.changed")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("purge", lines[1].GetProperty("details").GetProperty("mode").GetString());

        // Run now: the demo company's history is younger than three years, so nothing changes and nothing is logged.
        var run = await admin.PostAsync("/api/admin/retention/run", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(0, (await run.Json()).GetProperty("events").GetInt32());
        Assert.Equal(0, (await admin.GetJson("/api/admin/audit?action=retention.run")).GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Anonymize_detaches_people_from_events_older_than_the_cutoff_keeps_totals_and_a_second_run_changes_nothing()
    {
        using var host = new GamifyHubFactory();
        var admin = await host.SignedIn(ApiClient.Admin);
        var ravi = await host.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem();
        Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "reply", text = "Recent reply" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/retention", new { months = 1, mode = "anonymize" })).StatusCode);

        // One month from now, less an hour: everything older than an hour ago is past retention; the reply above is not.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMonths(1).AddHours(-1));
        var cutoff = time.GetUtcNow().UtcDateTime.AddMonths(-1);
        var people = await Ids(host, "SELECT Id FROM Employees");
        var before = await Events(host);
        var totals = await MyDataTests.DepartmentTotals(host);
        var board = (await ravi.GetJson("/api/boards/departments?window=all&top=100")).GetProperty("rows").GetRawText();
        var due = before.Where(e => e.OccurredAt < cutoff && people.Contains(e.EmployeeId)).ToList();
        Assert.NotEmpty(due);
        Assert.Contains(before, e => e.OccurredAt >= cutoff && e.Text == "Recent reply");

        var counts = await Job(host, time, batchSize: 37).RunAsync(AuditLog.System);

        Assert.Equal(due.Count, counts.Events);
        var after = (await Events(host)).ToDictionary(e => e.Seq);
        Assert.Equal(before.Count, after.Count);
        foreach (var old in before)
        {
            var now = after[old.Seq];
            if (old.OccurredAt < cutoff && people.Contains(old.EmployeeId))
            {
                Assert.Equal(FormerColleagues.PlaceholderFor(Guid.Parse(old.DepartmentId)).ToString(), now.EmployeeId, ignoreCase: true);
                Assert.Equal(old.DepartmentId, now.DepartmentId);
                Assert.Equal(old.Type is "Tag" or "Insight" or "Reward" ? old.Text : null, now.Text);
            }
            else
            {
                Assert.Equal(old, now);
            }
        }

        Assert.Equal(0, await Scalar(host, $"SELECT COUNT(*) FROM Awards WHERE OccurredAt < '{cutoff:yyyy-MM-dd HH:mm:ss}' AND EmployeeId IN (SELECT Id FROM Employees)"));
        Assert.Equal(totals, await MyDataTests.DepartmentTotals(host));
        Assert.Equal(board, (await ravi.GetJson("/api/boards/departments?window=all&top=100")).GetProperty("rows").GetRawText());
        var employees = (await ravi.GetJson("/api/boards/employees?window=all&top=100")).GetProperty("rows").EnumerateArray().ToList();
        Assert.All(employees, r => Assert.Contains(r.GetProperty("memberId").GetString()!.ToUpperInvariant(), people));

        // One audit line with the counts, by the system; a second run finds nothing and logs nothing.
        var line = Assert.Single((await admin.GetJson("/api/admin/audit?action=retention.run")).GetProperty("entries").EnumerateArray());
        Assert.Equal("system", line.GetProperty("actor").GetString());
        Assert.Equal(counts.Events, line.GetProperty("details").GetProperty("events").GetInt32());
        Assert.Equal(counts.Awards, line.GetProperty("details").GetProperty("awards").GetInt32());
        Assert.Equal(RetentionCounts.None, await Job(host, time, batchSize: 37).RunAsync(AuditLog.System));
        Assert.Single((await admin.GetJson("/api/admin/audit?action=retention.run")).GetProperty("entries").EnumerateArray());
        Assert.Equal(after.Values.ToList(), await Events(host));
    }

    [Fact]
    public async Task Purge_deletes_events_older_than_the_cutoff_with_their_award_lines_and_leaves_newer_ones()
    {
        using var host = new GamifyHubFactory();
        var admin = await host.SignedIn(ApiClient.Admin);
        var ravi = await host.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem();
        Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "reply", text = "Recent reply" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/retention", new { months = 1, mode = "purge" })).StatusCode);

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMonths(1).AddHours(-1));
        var cutoff = time.GetUtcNow().UtcDateTime.AddMonths(-1);
        var before = await Events(host);
        var kept = before.Where(e => e.OccurredAt >= cutoff).ToList();
        Assert.True(before.Count > kept.Count);

        var counts = await Job(host, time, batchSize: 41).RunAsync(AuditLog.System);

        Assert.Equal(before.Count - kept.Count, counts.Events);
        Assert.Equal(kept, await Events(host));
        Assert.Equal(0, await Scalar(host, "SELECT COUNT(*) FROM Awards WHERE EventSeq NOT IN (SELECT Seq FROM Events)"));
        var line = Assert.Single((await admin.GetJson("/api/admin/audit?action=retention.run")).GetProperty("entries").EnumerateArray());
        Assert.Equal("purge", line.GetProperty("details").GetProperty("mode").GetString());
        Assert.Equal(counts.Events, line.GetProperty("details").GetProperty("events").GetInt32());
        Assert.Equal(RetentionCounts.None, await Job(host, time, batchSize: 41).RunAsync(AuditLog.System));

        // The boards rebuilt from what is left: the recent reply still counts.
        Assert.True((await ravi.GetJson("/api/me")).GetProperty("points").GetInt64() > 0);
    }

    [Fact]
    public async Task The_scheduled_job_runs_on_its_interval_without_real_waiting()
    {
        using var host = new GamifyHubFactory();
        var admin = await host.SignedIn(ApiClient.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/retention", new { months = 1 })).StatusCode);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMonths(1));
        var job = Job(host, time, batchSize: 500, intervalMinutes: 60);
        await job.StartAsync(CancellationToken.None);
        try
        {
            // The service creates its timer on its own thread: keep moving fake time until a tick has run.
            await Eventually.True(async () =>
            {
                time.Advance(TimeSpan.FromMinutes(60));
                return (await admin.GetJson("/api/admin/audit?action=retention.run")).GetProperty("entries").GetArrayLength() == 1;
            });
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    private static RetentionJob Job(GamifyHubFactory host, TimeProvider time, int batchSize, int intervalMinutes = 24 * 60)
    {
        var services = host.Services;
        return new RetentionJob(services.GetRequiredService<RetentionBook>(), services.GetRequiredService<EngagementWriter>(),
            services.GetRequiredService<PersonalData>(), new AuditRecorder(services.GetRequiredService<EngagementWriter>(), time), time,
            Options.Create(new RetentionOptions { BatchSize = batchSize, IntervalMinutes = intervalMinutes }), NullLogger<RetentionJob>.Instance);
    }

    private static async Task<List<EventRow>> Events(GamifyHubFactory host)
    {
        await using var connection = Open(host);
        var command = connection.CreateCommand();
        command.CommandText = "SELECT Seq, EmployeeId, DepartmentId, Type, OccurredAt, Text FROM Events ORDER BY Seq";
        var rows = new List<EventRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new EventRow(reader.GetInt64(0), reader.GetString(1).ToUpperInvariant(), reader.GetString(2).ToUpperInvariant(),
                reader.GetString(3), DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }

    private static async Task<HashSet<string>> Ids(GamifyHubFactory host, string sql)
    {
        await using var connection = Open(host);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var ids = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0).ToUpperInvariant());
        }

        return ids;
    }

    private static async Task<long> Scalar(GamifyHubFactory host, string sql)
    {
        await using var connection = Open(host);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static SqliteConnection Open(GamifyHubFactory host)
    {
        var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
