using GamifyHub.Domain.Analytics;

namespace GamifyHub.Grains.Live;

/// <summary>Pushes a department's engagement figures (window rolling30, as its grain counted them; null when they cannot be
/// counted) to the browsers watching them (hub message <c>AnalyticsChanged</c>); the host presents them. Apart from
/// <see cref="ILiveNotifier"/> like <see cref="IChallengeNotifier"/>.</summary>
public interface IAnalyticsNotifier
{
    Task AnalyticsChanged(Guid departmentId, DepartmentMetrics? figures);
}
