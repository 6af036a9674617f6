using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Http;

namespace GamifyHub.Server.Tests.Security;

/// <summary>
/// Sign-in, intake and actions are rate limited per caller: past the limit a 429 with Retry-After and a problem body; another
/// caller is not affected. Each test has its own server with a limit of 3 per minute. Refused bodies (400) use up permits too,
/// so the tests change no data.
/// </summary>
public sealed class RateLimitTests
{
    private const int Limit = 3;

    private static GamifyHubFactory Server() => GamifyHubFactory.With(
        ("RateLimits:SignIn:PermitLimit", $"{Limit}"), ("RateLimits:Intake:PermitLimit", $"{Limit}"), ("RateLimits:Actions:PermitLimit", $"{Limit}"),
        ("RateLimits:SignIn:WindowSeconds", "600"), ("RateLimits:Intake:WindowSeconds", "600"), ("RateLimits:Actions:WindowSeconds", "600"));

    private static async Task AssertLimited(HttpResponseMessage response)
    {
        await ProblemAssert.Is(response, HttpStatusCode.TooManyRequests, "try again in");
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
    }

    [Fact]
    public async Task Sign_in_is_limited_per_address_and_email()
    {
        await using var factory = Server();
        var client = factory.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Ravi, password = "wrong password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // Even the right password waits now: the limit is on attempts, so guessing cannot go on.
        await AssertLimited(await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Ravi, password = ApiClient.Password }));

        var other = await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Sofia, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Intake_is_limited_per_api_key_or_user()
    {
        await using var factory = Server();
        var integration = factory.WithApiKey();
        for (var i = 0; i < Limit; i++)
        {
            // Feedback and events share the intake budget of the key.
            var url = i % 2 == 0 ? "/api/feedback" : "/api/events";
            Assert.Equal(HttpStatusCode.BadRequest, (await integration.PostAsJsonAsync(url, new { })).StatusCode);
        }

        await AssertLimited(await integration.PostAsJsonAsync("/api/feedback/batch", new { items = Array.Empty<object>() }));

        var admin = await factory.SignedIn(ApiClient.Admin);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/feedback", new { })).StatusCode);
    }

    [Fact]
    public async Task Webhook_deliveries_are_limited_per_address_whatever_source_names_they_invent()
    {
        await using var factory = Server();
        _ = factory.CreateClient();

        async Task<int> Deliver(string address, string source)
        {
            var context = await factory.Server.SendAsync(c =>
            {
                c.Connection.RemoteIpAddress = IPAddress.Parse(address);
                c.Request.Method = "POST";
                c.Request.Path = $"/api/webhooks/{source}";
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream("{}"u8.ToArray());
            });
            return context.Response.StatusCode;
        }

        // A new name each time: before, each name was a budget of its own.
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(StatusCodes.Status401Unauthorized, await Deliver("203.0.113.7", $"invented-{i}"));
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, await Deliver("203.0.113.7", "invented-again"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await Deliver("203.0.113.7", "shop"));
        Assert.Equal(StatusCodes.Status401Unauthorized, await Deliver("198.51.100.9", "shop"));
    }

    [Fact]
    public async Task Actions_and_kudos_are_limited_per_user()
    {
        await using var factory = Server();
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem();
        for (var i = 0; i < Limit - 1; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "nonsense" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await ravi.PostAsJsonAsync("/api/kudos", new { receiver = Guid.Empty })).StatusCode);
        await AssertLimited(await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read" }));
        await AssertLimited(await ravi.PostAsJsonAsync("/api/kudos", new { receiver = Guid.Empty }));

        var lena = await factory.SignedIn(ApiClient.Lena);
        Assert.Equal(HttpStatusCode.OK, (await lena.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read" })).StatusCode);
    }
}
