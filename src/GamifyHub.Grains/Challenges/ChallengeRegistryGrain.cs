using GamifyHub.Data.Reading;

namespace GamifyHub.Grains.Challenges;

/// <summary>
/// The running challenges (scheduled or active), loaded from the database on activation and kept up to date by the challenge
/// grains, so committed events reach only the challenges that may count them.
/// </summary>
public sealed class ChallengeRegistryGrain(ChallengeStore store) : Grain, IChallengeRegistryGrain
{
    private readonly HashSet<Guid> _live = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await store.LiveIds())
        {
            _live.Add(id);
        }
    }

    public Task Track(Guid challengeId, bool live)
    {
        if (live)
        {
            _live.Add(challengeId);
        }
        else
        {
            _live.Remove(challengeId);
        }

        return Task.CompletedTask;
    }

    public Task Deliver(IReadOnlyList<ChallengeEventView> events) =>
        Task.WhenAll(_live.Select(id => GrainFactory.GetGrain<IChallengeGrain>(id).ApplyEvents(events)));
}
