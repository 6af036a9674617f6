namespace GamifyHub.Grains.Live;

/// <summary>Pushes a challenge's progress to the browsers watching its board (hub message <c>ChallengeChanged</c>). Apart from
/// <see cref="ILiveNotifier"/> so hosts without challenges (and other features' notifiers) need not know about it.</summary>
public interface IChallengeNotifier
{
    Task ChallengeChanged(ChallengeView challenge);
}
