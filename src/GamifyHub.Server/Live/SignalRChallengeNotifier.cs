using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Boards;
using GamifyHub.Server.Challenges;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>Sends <c>ChallengeChanged</c> (the challenge with its progress) to the connections watching its board.</summary>
public sealed class SignalRChallengeNotifier(IHubContext<LiveHub> hub, ChallengePresenter presenter) : IChallengeNotifier
{
    public Task ChallengeChanged(ChallengeView challenge) =>
        hub.Clients.Group(BoardReader.Group(BoardScope.Challenge(challenge.Id), BoardWindow.All))
            .SendAsync("ChallengeChanged", presenter.Present(challenge, null));
}
