using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GamifyHub.Server.Tests;

/// <summary>Admin → API keys: each scope does exactly its thing, revoking stops a key at once, only hashes are stored.</summary>
public sealed class ApiKeyAdminTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private async Task<(Guid Id, string Key)> CreateKey(string name, params string[] scopes)
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var response = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name, scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(scopes, body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
        return (body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }

    private static object Feedback() => new { channel = "blog", externalId = $"k-{Guid.NewGuid():N}", text = "The app crashes on start" };

    private static object Event() => new { eventId = Guid.CreateVersion7(), employee = ApiClient.Ravi, type = "read" };

    private static readonly string[] WallboardReads = ["/api/wallboard", "/api/wallboard/board", "/api/wallboard/highlights", "/api/wallboard/challenges"];

    /// <summary>Routes no API key may use, whatever its scope: people's own views, boards, administration.</summary>
    private static readonly string[] NeverForKeys = ["/api/me", "/api/feedback", "/api/boards/employees", "/api/departments", "/api/admin/api-keys", "/api/kudos/allowance"];

    private async Task AssertNothingElse(HttpClient key)
    {
        foreach (var url in NeverForKeys)
        {
            var response = await key.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_feedback_key_posts_feedback_and_nothing_else()
    {
        var (_, key) = await CreateKey("Social listening", "feedback:write");
        var client = factory.WithApiKey(key);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/feedback", Feedback())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/events", Event())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/events/batch", new { events = new[] { Event() } })).StatusCode);
        foreach (var url in WallboardReads)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }

        await AssertNothingElse(client);
    }

    [Fact]
    public async Task An_events_key_posts_events_and_nothing_else()
    {
        var (_, key) = await CreateKey("Help desk", "events:write");
        var client = factory.WithApiKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/events", Event())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/feedback", Feedback())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/feedback/batch", new { items = new[] { Feedback() } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/wallboard/board")).StatusCode);
        await AssertNothingElse(client);
    }

    [Fact]
    public async Task A_wallboard_key_reads_the_wallboard_and_watches_the_departments_board_and_writes_nothing()
    {
        var (_, key) = await CreateKey("Hall screen", "wallboard");
        var client = factory.WithApiKey(key);
        foreach (var url in WallboardReads)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/feedback", Feedback())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/events", Event())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/kudos", new { })).StatusCode);
        await AssertNothingElse(client);

        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Headers["X-Api-Key"] = key;
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await hub.StartAsync();
        var snapshot = await hub.InvokeAsync<JsonElement>("WatchBoard", "departments", "week");
        Assert.Equal(JsonValueKind.Object, snapshot.ValueKind);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("WatchBoard", "employees", "week"));
    }

    [Fact]
    public async Task A_revoked_key_gets_401_on_its_next_request_and_both_changes_are_audited()
    {
        var (id, key) = await CreateKey("Old CRM", "feedback:write", "events:write");
        var client = factory.WithApiKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/events", Event())).StatusCode);

        var admin = await factory.SignedIn(ApiClient.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/api-keys/{id}")).StatusCode);
        await ProblemAssert.Is(await client.PostAsJsonAsync("/api/events", Event()), HttpStatusCode.Unauthorized, "revoked");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/api-keys/{id}")).StatusCode);
        await ProblemAssert.Is(await admin.DeleteAsync($"/api/admin/api-keys/{Guid.CreateVersion7()}"), HttpStatusCode.NotFound, "no API key");

        var listed = (await admin.GetJson("/api/admin/api-keys")).EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        Assert.Equal(ApiClient.Admin, listed.GetProperty("createdBy").GetString());

        var audit = (await admin.GetJson("/api/admin/audit?action=api-key.&limit=200")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() == id.ToString()).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["api-key.revoked", "api-key.created"], audit); // newest first; revoking twice writes one line
    }

    [Fact]
    public async Task A_key_is_shown_once_and_only_its_hash_is_stored()
    {
        var (id, key) = await CreateKey("Shown once", "events:write");
        Assert.StartsWith("ghk_", key, StringComparison.Ordinal);
        var admin = await factory.SignedIn(ApiClient.Admin);
        var list = await admin.GetAsync("/api/admin/api-keys");
        Assert.DoesNotContain(key, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, (await admin.GetJson("/api/admin/audit?limit=200")).GetRawText(), StringComparison.Ordinal);

        var probe = new DatabaseProbe(factory.DatabasePath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        Assert.Equal(1L, await probe.Scalar<long>($"SELECT COUNT(*) FROM ApiKeys WHERE Id = '{id.ToString().ToUpperInvariant()}' AND KeyHash = '{hash}'"));
        Assert.Equal(0L, await probe.Scalar<long>(
            $"SELECT COUNT(*) FROM ApiKeys WHERE instr(Name || KeyHash || Scopes || COALESCE(CreatedBy, ''), '{key}') > 0"));
        Assert.Equal(0L, await probe.Scalar<long>($"SELECT COUNT(*) FROM AuditLog WHERE instr(Details, '{key}') > 0"));
    }

    [Fact]
    public async Task Invalid_keys_are_400s_naming_the_field_and_only_admins_manage_keys()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var noName = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = " ", scopes = new[] { "events:write" } });
        Assert.True((await noName.Json()).GetProperty("errors").TryGetProperty("name", out _));
        var badScope = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "x", scopes = new[] { "admin" } });
        await ProblemAssert.Is(badScope, HttpStatusCode.BadRequest, "feedback:write, events:write, wallboard");
        var noScope = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "x", scopes = Array.Empty<string>() });
        Assert.True((await noScope.Json()).GetProperty("errors").TryGetProperty("scopes", out _));

        var lena = await factory.SignedIn(ApiClient.Lena);
        Assert.Equal(HttpStatusCode.Forbidden, (await lena.GetAsync("/api/admin/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lena.PostAsJsonAsync("/api/admin/api-keys", new { name = "x", scopes = new[] { "wallboard" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.WithApiKey().GetAsync("/api/admin/api-keys")).StatusCode);
    }
}
