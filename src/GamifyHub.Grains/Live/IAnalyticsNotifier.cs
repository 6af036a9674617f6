namespace GamifyHub.Grains.Live;

/// <summary>Pushes a department's engagement figures to the browsers watching them (hub message <c>AnalyticsChanged</c>). The
/// host presents the figures (window rolling30) at push time; apart from <see cref="ILiveNotifier"/> like
/// <see cref="IChallengeNotifier"/>.</summary>
public interface IAnalyticsNotifier
{
    Task AnalyticsChanged(Guid departmentId);
}
