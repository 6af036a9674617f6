using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Grains;

namespace GamifyHub.Server.Challenges;

/// <summary>
/// Finds a challenge the way every route and hub method must: it exists (asked of the database, so a made-up id activates
/// no grain) and the user may see it (<see cref="ChallengeAccess.CanSee"/>). The challenge API, the challenge's board and
/// watching it on the hub all go through here, so they answer alike.
/// </summary>
public sealed class ChallengeLookup(ChallengeStore store, IGrainFactory grains, CompanyDirectory directory)
{
    /// <summary>The challenge, or null when it does not exist or the user may not see it (both answer as "not found").</summary>
    public async Task<ChallengeView?> Visible(Guid id, ClaimsPrincipal user)
    {
        if (!await store.Exists(id))
        {
            return null;
        }

        var view = await grains.GetGrain<IChallengeGrain>(id).Get();
        return view is not null && ChallengeAccess.CanSee(user, view, directory) ? view : null;
    }
}
