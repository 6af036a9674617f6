using GamifyHub.Data.Reading;
using Orleans.Concurrency;

namespace GamifyHub.Grains.Challenges;

/// <summary>
/// The running challenges (scheduled or active), loaded from the database on activation and kept up to date by the challenge
/// grains, so committed events reach only the challenges that may count them. Reentrant: while it delivers to a challenge,
/// that challenge may be telling it about a status change (otherwise the two would wait on each other). Its set is only
/// read or changed between awaits.
/// </summary>
[Reentrant]
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
        Task.WhenAll(_live.ToList().Select(id => GrainFactory.GetGrain<IChallengeGrain>(id).ApplyEvents(events)));
}
