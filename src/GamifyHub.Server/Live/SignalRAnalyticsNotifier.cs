using GamifyHub.Domain.Analytics;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Analytics;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>
/// Sends <c>AnalyticsChanged</c> (the department's figures for window rolling30) to the connections watching the department.
/// Only those who may see the department join its group (<see cref="LiveHub.WatchAnalytics"/>), and the figures are the same for
/// every one of them (team figures, no reader-specific part).
/// </summary>
public sealed class SignalRAnalyticsNotifier(IHubContext<LiveHub> hub, AnalyticsQueries queries, ILogger<SignalRAnalyticsNotifier> logger)
    : IAnalyticsNotifier
{
    public const string Method = "AnalyticsChanged";

    public static string Group(Guid departmentId) => $"analytics:{departmentId}";

    public async Task AnalyticsChanged(Guid departmentId)
    {
        try
        {
            if (queries.Exists(departmentId))
            {
                var figures = await queries.Department(departmentId, AnalyticsWindow.Rolling30);
                await hub.Clients.Group(Group(departmentId)).SendAsync(Method, figures);
            }
        }
        catch (Exception e)
        {
            // The next change pushes again; a watcher that reconnects reads the figures afresh.
            logger.LogWarning(e, "Could not push the engagement figures of department {Department}", departmentId);
        }
    }
}
