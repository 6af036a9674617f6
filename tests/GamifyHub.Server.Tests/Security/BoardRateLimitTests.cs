using System.Net;
using GamifyHub.Testing;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Tests.Security;

/// <summary>Board reads are rate limited per user, over REST (429 with Retry-After) and the hub's WatchBoard (a refusal that
/// says when to retry); another user is not affected. Its own server with a limit of 3 per 10 minutes.</summary>
public sealed class BoardRateLimitTests
{
    private const int Limit = 3;

    [Fact]
    public async Task Board_reads_and_watches_are_limited_per_user()
    {
        await using var factory = GamifyHubFactory.With(("RateLimits:Boards:PermitLimit", $"{Limit}"), ("RateLimits:Boards:WindowSeconds", "600"));
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ravi.GetAsync("/api/boards/departments?window=week")).StatusCode);
        }

        var limited = await ravi.GetAsync("/api/boards/employees?window=week");
        await ProblemAssert.Is(limited, HttpStatusCode.TooManyRequests, "try again in");
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        Assert.Equal(HttpStatusCode.OK, (await sofia.GetAsync("/api/boards/departments?window=week")).StatusCode);

        await using var live = await LiveClient.Connect(factory, ApiClient.Ravi);
        for (var i = 0; i < Limit; i++)
        {
            await live.WatchBoard("departments", "week");
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => live.WatchBoard("departments", "week"));
        Assert.Contains("try again in", refused.Message);
        await using var other = await LiveClient.Connect(factory, ApiClient.Sofia);
        await other.WatchBoard("departments", "week");
    }
}
