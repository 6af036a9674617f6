using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class WebhookApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private DatabaseProbe Probe => new(factory.DatabasePath);

    private async Task<(string Name, string Secret)> NewSource(string? channel = "facebook")
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var name = $"hook-{Guid.NewGuid():N}"[..20];
        var response = await admin.PostAsJsonAsync("/api/admin/webhooks", new { name, channel });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        return (name, body.GetProperty("secret").GetString()!);
    }

    private static string Item(string? externalId = null, string text = "The app crashes every time I open the camera.") =>
        JsonSerializer.Serialize(new { externalId = externalId ?? $"wh-{Guid.NewGuid():N}", author = "@kim", text });

    [Fact]
    public async Task A_correctly_signed_delivery_is_stored_routed_and_idempotent_on_its_external_id()
    {
        var (source, secret) = await NewSource();
        var client = factory.CreateClient();
        var externalId = $"wh-{Guid.NewGuid():N}";

        var first = await client.SendAsync(WebhookSender.Delivery(source, secret, Item(externalId)));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.Json();
        Assert.Contains("Research & Development", body.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(1, await Probe.Scalar<long>($"SELECT count(*) FROM FeedbackItems WHERE ExternalId = '{externalId}' AND Channel = 'facebook'"));

        // A new delivery (new timestamp, so a new signature) of the same item is a duplicate, not a second item.
        var again = await client.SendAsync(WebhookSender.Delivery(source, secret, Item(externalId), DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Json()).GetProperty("duplicate").GetBoolean());
        Assert.Equal(body.GetProperty("id").GetString(), (await again.Json()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_batch_delivery_stores_every_item_and_a_channel_in_the_payload_wins_over_the_sources()
    {
        var (source, secret) = await NewSource(channel: null);
        var a = $"wh-{Guid.NewGuid():N}";
        var b = $"wh-{Guid.NewGuid():N}";
        var json = JsonSerializer.Serialize(new
        {
            items = new[]
            {
                new { channel = "x", externalId = a, text = "Love the new speaker, great sound." },
                new { channel = "youtube", externalId = b, text = "Delivery was late again." },
            },
        });
        var response = await factory.CreateClient().SendAsync(WebhookSender.Delivery(source, secret, json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Json()).GetProperty("results").GetArrayLength());
        Assert.Equal(1, await Probe.Scalar<long>($"SELECT count(*) FROM FeedbackItems WHERE ExternalId = '{a}' AND Channel = 'x'"));
        Assert.Equal(1, await Probe.Scalar<long>($"SELECT count(*) FROM FeedbackItems WHERE ExternalId = '{b}' AND Channel = 'youtube'"));

        // Without a channel on the source, an item must name its own.
        var unnamed = await factory.CreateClient().SendAsync(WebhookSender.Delivery(source, secret, Item()));
        await ProblemAssert.Is(unnamed, HttpStatusCode.BadRequest, "'channel' must be one of");
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        { "wrong secret", "does not match" },
        { "body changed after signing", "does not match" },
        { "timestamp changed after signing", "does not match" },
        { "no signature", "X-GamifyHub-Signature header is missing" },
        { "no timestamp", "X-GamifyHub-Timestamp header" },
        { "timestamp not a number", "Unix time in whole seconds" },
        { "signature not hex", "64 hex digits" },
        { "signature without scheme", "64 hex digits" },
        { "six minutes old", "more than 5 minutes away" },
        { "six minutes ahead", "more than 5 minutes away" },
        { "unknown source", "does not match" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_delivery_that_is_not_correctly_signed_is_a_401_problem_and_stores_nothing(string forgery, string message)
    {
        var (source, secret) = await NewSource();
        var body = Encoding.UTF8.GetBytes(Item());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var good = WebhookSender.Signature(secret, now, body);
        var t = now.ToString(CultureInfo.InvariantCulture);
        var request = forgery switch
        {
            "wrong secret" => WebhookSender.Request(source, body, t, WebhookSender.Signature("whsec_guess", now, body)),
            "body changed after signing" => WebhookSender.Request(source, Encoding.UTF8.GetBytes(Item()), t, good),
            "timestamp changed after signing" => WebhookSender.Request(source, body, (now + 1).ToString(CultureInfo.InvariantCulture), good),
            "no signature" => WebhookSender.Request(source, body, t, null),
            "no timestamp" => WebhookSender.Request(source, body, null, good),
            "timestamp not a number" => WebhookSender.Request(source, body, "2026-11-28T10:00:00Z", good),
            "signature not hex" => WebhookSender.Request(source, body, t, "sha256=" + new string('z', 64)),
            "signature without scheme" => WebhookSender.Request(source, body, t, good["sha256=".Length..]),
            "six minutes old" => Signed(now - 360),
            "six minutes ahead" => Signed(now + 360),
            _ => WebhookSender.Request("no-such-source", body, t, good),
        };

        HttpRequestMessage Signed(long at) =>
            WebhookSender.Request(source, body, at.ToString(CultureInfo.InvariantCulture), WebhookSender.Signature(secret, at, body));

        var before = await Probe.StateFingerprint();
        await ProblemAssert.Is(await factory.CreateClient().SendAsync(request), HttpStatusCode.Unauthorized, message);
        Assert.Equal(before, await Probe.StateFingerprint());
    }

    [Fact]
    public async Task The_same_signed_delivery_sent_again_is_refused_as_a_replay()
    {
        var (source, secret) = await NewSource();
        var original = WebhookSender.Delivery(source, secret, Item());
        var replay = await WebhookSender.Copy(original);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(original)).StatusCode);
        var before = await Probe.StateFingerprint();
        await ProblemAssert.Is(await client.SendAsync(replay), HttpStatusCode.Unauthorized, "received before");
        Assert.Equal(before, await Probe.StateFingerprint());
    }

    [Fact]
    public async Task A_replay_with_its_signature_in_upper_or_mixed_case_hex_is_refused_too()
    {
        var (source, secret) = await NewSource();
        var original = WebhookSender.Delivery(source, secret, Item());
        var signature = original.Headers.GetValues("X-GamifyHub-Signature").Single();
        var hex = signature["sha256=".Length..];
        var mixed = string.Concat(hex.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c));
        var client = factory.CreateClient();
        var replays = new List<HttpRequestMessage>();
        foreach (var variant in new[] { "sha256=" + hex.ToUpperInvariant(), "sha256=" + mixed })
        {
            var replay = await WebhookSender.Copy(original);
            replay.Headers.Remove("X-GamifyHub-Signature");
            replay.Headers.TryAddWithoutValidation("X-GamifyHub-Signature", variant);
            replays.Add(replay);
        }

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(original)).StatusCode);
        var before = await Probe.StateFingerprint();
        foreach (var replay in replays)
        {
            await ProblemAssert.Is(await client.SendAsync(replay), HttpStatusCode.Unauthorized, "received before");
        }

        Assert.Equal(before, await Probe.StateFingerprint());
    }

    [Fact]
    public async Task An_unknown_source_and_a_wrong_signature_get_the_same_answer()
    {
        var (source, _) = await NewSource();
        var body = Encoding.UTF8.GetBytes(Item());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var t = now.ToString(CultureInfo.InvariantCulture);
        var guess = WebhookSender.Signature("whsec_guess", now, body);
        var client = factory.CreateClient();

        var wrongSignature = await client.SendAsync(WebhookSender.Request(source, body, t, guess));
        var unknownSource = await client.SendAsync(WebhookSender.Request("no-such-source", body, t, guess));
        var badName = await client.SendAsync(WebhookSender.Request("Not_A_Name", body, t, guess));

        static async Task<string> Said(HttpResponseMessage answer)
        {
            var problem = await answer.Json();
            return $"{(int)answer.StatusCode} {problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}";
        }

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSignature.StatusCode);
        Assert.Equal(await Said(wrongSignature), await Said(unknownSource));
        Assert.Equal(await Said(wrongSignature), await Said(badName));
    }

    [Fact]
    public async Task A_signed_delivery_with_an_invalid_item_is_a_400_and_may_be_retried_unchanged_once_the_cause_is_gone()
    {
        var (source, secret) = await NewSource();
        var request = WebhookSender.Delivery(source, secret, JsonSerializer.Serialize(new { externalId = "x-1", text = "  " }));
        var retry = await WebhookSender.Copy(request);
        var before = await Probe.StateFingerprint();
        await ProblemAssert.Is(await factory.CreateClient().SendAsync(request), HttpStatusCode.BadRequest, "'text' is required");
        // Refused deliveries are not remembered as seen: the same one again gets the same answer, not "replay".
        await ProblemAssert.Is(await factory.CreateClient().SendAsync(retry), HttpStatusCode.BadRequest, "'text' is required");
        Assert.Equal(before, await Probe.StateFingerprint());

        var wrongType = WebhookSender.Delivery(source, secret, Item());
        wrongType.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        await ProblemAssert.Is(await factory.CreateClient().SendAsync(wrongType), HttpStatusCode.UnsupportedMediaType, "JSON");
        await ProblemAssert.Is(await factory.CreateClient().SendAsync(WebhookSender.Delivery(source, secret, "{\"externalId\":")),
            HttpStatusCode.BadRequest, "not valid JSON");
        Assert.Equal(before, await Probe.StateFingerprint());
    }

    [Fact]
    public async Task Secrets_are_shown_once_stored_encrypted_rotated_at_once_and_gone_with_their_source()
    {
        var (source, secret) = await NewSource();
        var admin = await factory.SignedIn(ApiClient.Admin);

        var list = await admin.GetStringAsync("/api/admin/webhooks");
        Assert.Contains(source, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", list, StringComparison.Ordinal);
        var stored = await Probe.Scalar<string>($"SELECT ProtectedSecret FROM WebhookSources WHERE Name = '{source}'");
        Assert.DoesNotContain(secret["whsec_".Length..], stored, StringComparison.Ordinal);

        var taken = await admin.PostAsJsonAsync("/api/admin/webhooks", new { name = source, channel = "x" });
        await ProblemAssert.Is(taken, HttpStatusCode.Conflict, "exists already");

        var rotated = await admin.PostAsync($"/api/admin/webhooks/{source}/secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await rotated.Json()).GetProperty("secret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        var client = factory.CreateClient();
        await ProblemAssert.Is(await client.SendAsync(WebhookSender.Delivery(source, secret, Item())), HttpStatusCode.Unauthorized, "does not match");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(WebhookSender.Delivery(source, newSecret, Item()))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/webhooks/{source}")).StatusCode);
        await ProblemAssert.Is(await client.SendAsync(WebhookSender.Delivery(source, newSecret, Item())), HttpStatusCode.Unauthorized, "does not match");
        await ProblemAssert.Is(await admin.DeleteAsync($"/api/admin/webhooks/{source}"), HttpStatusCode.NotFound, "No webhook source");
    }

    [Fact]
    public async Task Only_admins_manage_webhook_sources_and_names_and_channels_are_checked()
    {
        var body = new { name = "not-allowed", channel = "x" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/admin/webhooks", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.WithApiKey().PostAsJsonAsync("/api/admin/webhooks", body)).StatusCode);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PostAsJsonAsync("/api/admin/webhooks", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.GetAsync("/api/admin/webhooks")).StatusCode);

        var admin = await factory.SignedIn(ApiClient.Admin);
        await ProblemAssert.Is(await admin.PostAsJsonAsync("/api/admin/webhooks", new { name = "Bad Name!", channel = "x" }),
            HttpStatusCode.BadRequest, "'name' must be");
        await ProblemAssert.Is(await admin.PostAsJsonAsync("/api/admin/webhooks", new { name = "ok-name", channel = "myspace" }),
            HttpStatusCode.BadRequest, "'channel' must be one of");
        await ProblemAssert.Is(await admin.PostAsync("/api/admin/webhooks/no-such-source/secret", null), HttpStatusCode.NotFound, "No webhook source");
    }
}
