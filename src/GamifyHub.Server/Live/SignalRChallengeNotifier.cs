using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Boards;
using GamifyHub.Server.Challenges;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>
/// Sends <c>ChallengeChanged</c> (the challenge with its progress) to the connections watching its board. Only those who may
/// see the challenge join that group (<see cref="LiveHub.WatchBoard"/>); the push carries what every one of them may see
/// (no reader: no one's own row, <c>mine</c> or <c>rewardedMe</c>), and each client re-reads its own view over the API.
/// </summary>
public sealed class SignalRChallengeNotifier(IHubContext<LiveHub> hub, ChallengePresenter presenter) : IChallengeNotifier
{
    public Task ChallengeChanged(ChallengeView challenge) =>
        hub.Clients.Group(BoardReader.Group(BoardScope.Challenge(challenge.Id), BoardWindow.All))
            .SendAsync("ChallengeChanged", presenter.Present(challenge, null));
}
