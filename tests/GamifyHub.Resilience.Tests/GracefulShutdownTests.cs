using GamifyHub.Testing;

namespace GamifyHub.Resilience.Tests;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task SIGTERM_under_load_finishes_acknowledged_work_and_exits_cleanly()
    {
        await using var server = await ServerProcess.StartAsync(TempDatabase.NewPath());
        var load = new EventLoad(() => server.BaseAddress, [ApiClient.Ravi, ApiClient.Lena], [], seed: 11);
        using var stopCreating = new CancellationTokenSource();
        var running = load.Run(workers: 4, stopCreating.Token);
        await Eventually.True(() => Task.FromResult(load.Acknowledged.Count > 200), 30_000);

        var exitCode = await server.StopAsync(TimeSpan.FromSeconds(30));
        var acknowledgedWhileUp = load.Acknowledged.Keys.ToHashSet();
        var stored = (await new DatabaseProbe(server.DatabasePath).EventsWithPoints("api")).Select(e => e.EventId).ToHashSet();

        Assert.Equal(0, exitCode);
        Assert.Subset(stored, acknowledgedWhileUp);
        Assert.DoesNotContain("Unhandled", server.Output, StringComparison.Ordinal);

        await server.StartAsync();
        stopCreating.Cancel();
        await running;
        var final = await new DatabaseProbe(server.DatabasePath).EventsWithPoints("api");
        Assert.Equal(load.Acknowledged.Keys.Order(), final.Select(e => e.EventId).Order());
    }
}
