using GamifyHub.Data;
using GamifyHub.Data.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace GamifyHub.Server.Health;

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<GamifyDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be opened.");
    }
}

/// <summary>The single writer runs and its queue is not close to full.</summary>
public sealed class WriterHealthCheck(EngagementWriter writer, Microsoft.Extensions.Options.IOptions<WriterOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!writer.IsRunning)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The event writer is not running."));
        }

        var backlog = writer.ProjectionBacklog;
        var data = new Dictionary<string, object>
        {
            ["pending"] = writer.Pending, ["capacity"] = options.Value.QueueCapacity,
            ["projectionBacklog"] = backlog, ["maxProjectionBacklog"] = options.Value.MaxProjectionBacklog,
        };
        return Task.FromResult(writer.Pending > options.Value.QueueCapacity * 0.9
            ? HealthCheckResult.Degraded("The write queue is almost full.", data: data)
            : backlog > options.Value.MaxProjectionBacklog * 0.9
                ? HealthCheckResult.Degraded("Boards and totals are far behind the event log.", data: data)
                : HealthCheckResult.Healthy(data: data));
    }
}

/// <summary>The Orleans silo answers a management call.</summary>
public sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        return hosts.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No active silo.");
    }
}
