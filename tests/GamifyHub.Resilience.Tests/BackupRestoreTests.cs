using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using GamifyHub.Testing;

namespace GamifyHub.Resilience.Tests;

public sealed class BackupRestoreTests
{
    [Fact]
    public async Task An_online_backup_taken_under_load_restores_to_a_consistent_working_server()
    {
        await using var server = await ServerProcess.StartAsync(TempDatabase.NewPath());
        var load = new EventLoad(() => server.BaseAddress, [ApiClient.Ravi, ApiClient.Sofia], [], seed: 7);
        using var stopCreating = new CancellationTokenSource();
        var running = load.Run(workers: 3, stopCreating.Token);
        await Eventually.True(() => Task.FromResult(load.Acknowledged.Count > 300), 30_000);

        var acknowledgedBefore = load.Acknowledged.Keys.ToHashSet();
        using var admin = await SignedIn(server, ApiClient.Admin);
        var response = await admin.PostAsync("/api/admin/backup", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var backupPath = (await response.Json()).GetProperty("path").GetString()!;
        stopCreating.Cancel();
        await running;

        // Consistent: everything acknowledged before the backup began is in it, each event with all of its awards.
        var inBackup = await new DatabaseProbe(backupPath).EventsWithPoints("api");
        Assert.Superset(acknowledgedBefore, inBackup.Select(e => e.EventId).ToHashSet());
        Assert.All(inBackup, e => Assert.Equal(load.Acknowledged[e.EventId].Points, e.Points));
        Assert.True(inBackup.Count < load.Acknowledged.Count, "the load went on after the backup, so the live database must have more");

        Assert.Equal(1, await Maintenance("restore", backupPath, server.DatabasePath)); // refused while the server runs
        Assert.Equal(0, await server.StopAsync());
        Assert.Equal(0, await Maintenance("restore", backupPath, server.DatabasePath));
        await server.StartAsync();

        var restored = await new DatabaseProbe(server.DatabasePath).EventsWithPoints("api");
        Assert.Equal(inBackup.Select(e => e.EventId).Order(), restored.Select(e => e.EventId).Order());
        using var ravi = await SignedIn(server, ApiClient.Ravi);
        var expected = inBackup.Where(e => load.Acknowledged[e.EventId].Employee == ApiClient.Ravi).Sum(e => e.Points);
        Assert.Equal(expected, (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64());
        var item = await ravi.FirstOpenItem();
        var act = await ravi.PostAsync($"/api/feedback/{item}/actions",
            new StringContent("{\"type\":\"read\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, act.StatusCode);
    }

    [Fact]
    public async Task Restoring_a_file_that_is_not_a_backup_is_refused_and_changes_nothing()
    {
        var database = TempDatabase.NewPath();
        await using (var server = await ServerProcess.StartAsync(database))
        {
            Assert.Equal(0, await server.StopAsync());
        }

        var fingerprint = await new DatabaseProbe(database).StateFingerprint();
        var junk = Path.Combine(Path.GetDirectoryName(database)!, "junk.db");
        await File.WriteAllTextAsync(junk, "this is not a database");

        Assert.Equal(1, await Maintenance("restore", junk, database));
        Assert.Equal(fingerprint, await new DatabaseProbe(database).StateFingerprint());
    }

    private static async Task<int> Maintenance(string command, string file, string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ServerProcess.ServerDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { ServerProcess.ServerDll, command, file, $"--Database:Path={database}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static async Task<HttpClient> SignedIn(ServerProcess server, string email)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiClient.TokenFor(client, email));
        return client;
    }
}
