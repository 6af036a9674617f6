using GamifyHub.Domain.Analytics;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Analytics;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>
/// Sends <c>AnalyticsChanged</c> (the department's figures for window rolling30, counted by its grain) to the connections watching
/// the department.
/// Only those who may see the department join its group (<see cref="LiveHub.WatchAnalytics"/>), and the figures are the same for
/// every one of them (team figures, no reader-specific part).
/// </summary>
public sealed class SignalRAnalyticsNotifier(IHubContext<LiveHub> hub, AnalyticsQueries queries, ILogger<SignalRAnalyticsNotifier> logger)
    : IAnalyticsNotifier
{
    public const string Method = "AnalyticsChanged";

    public static string Group(Guid departmentId) => $"analytics:{departmentId}";

    public async Task AnalyticsChanged(Guid departmentId, DepartmentMetrics? figures)
    {
        try
        {
            if (queries.Exists(departmentId))
            {
                var presented = await queries.Describe(departmentId, AnalyticsWindow.Rolling30, figures);
                await hub.Clients.Group(Group(departmentId)).SendAsync(Method, presented);
            }
        }
        catch (Exception e)
        {
            // The next change pushes again; a watcher that reconnects reads the figures afresh.
            logger.LogWarning(e, "Could not push the engagement figures of department {Department}", departmentId);
        }
    }
}
