using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GamifyHub.Testing;
using Microsoft.Extensions.Logging;

namespace GamifyHub.Server.Tests.Security;

/// <summary>Credentials never reach a log, even at Trace level: the hub's access_token query, API keys, bearer tokens.</summary>
public sealed class LogRedactionTests
{
    [Fact]
    public async Task Hub_tokens_api_keys_and_bearer_tokens_never_appear_in_any_log_message()
    {
        await using var factory = GamifyHubFactory.With(("Logging:LogLevel:Default", "Trace"), ("Logging:LogLevel:Microsoft.AspNetCore", "Trace"),
            ("Logging:LogLevel:Microsoft", "Trace"), ("Logging:LogLevel:Orleans", "Warning"), ("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning"));
        factory.Logs.MinimumLevel = LogLevel.Trace;
        var client = factory.CreateClient(new() { HandleCookies = false });
        var token = await ApiClient.TokenFor(client, ApiClient.Ravi);

        // The browser's way onto the hub: the token in the query string of negotiate, send and poll.
        var negotiate = await client.PostAsync($"/hubs/live/negotiate?negotiateVersion=1&access_token={token}", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        var connection = (await negotiate.Json()).GetProperty("connectionToken").GetString();
        var handshake = new StringContent("{\"protocol\":\"json\",\"version\":1}\u001e", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/hubs/live?id={connection}&access_token={token}", handshake)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/hubs/live?id={connection}&access_token={token}")).StatusCode);
        await client.DeleteAsync($"/hubs/live?id={connection}&access_token={token}");

        // An integration: the right key, and a wrong one (logged as a failed authentication).
        var integration = factory.WithApiKey();
        Assert.Equal(HttpStatusCode.BadRequest, (await integration.PostAsync("/api/feedback", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        var wrongKey = "ghk_" + Guid.CreateVersion7().ToString("N");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.WithApiKey(wrongKey).GetAsync("/api/me")).StatusCode);

        // A bearer token in the header, and a wrong one.
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/me")).StatusCode);
        var wrongBearer = "not-a-token-" + Guid.CreateVersion7().ToString("N");
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", wrongBearer);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/me")).StatusCode);

        var entries = factory.Logs.Entries.ToList();
        // The requests were logged (so the check below means something), with the token masked.
        Assert.Contains(entries, e => e.Contains("/hubs/live", StringComparison.Ordinal) && e.Contains("access_token=[redacted]", StringComparison.Ordinal));
        foreach (var secret in new[] { token, ApiClient.ApiKey, wrongKey, wrongBearer })
        {
            Assert.DoesNotContain(entries, e => e.Contains(secret, StringComparison.Ordinal));
        }
    }
}
