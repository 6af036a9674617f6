using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>Rule set texts (award reasons, badge names) come in the language the client asks for.</summary>
public sealed class LanguageTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static IEnumerable<JsonElement> Badges(JsonElement me) => me.GetProperty("badges").EnumerateArray();

    [Fact]
    public async Task Me_and_the_action_answer_speak_german_when_asked_and_english_otherwise()
    {
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var item = await sofia.FirstOpenItem(i => !i.GetProperty("readByMe").GetBoolean());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feedback/{item}/actions")
        {
            Content = JsonContent.Create(new { type = "read", dwellSeconds = 30 }),
        };
        request.Headers.AcceptLanguage.ParseAdd("de-DE,de;q=0.9,en;q=0.5");

        var answer = await (await sofia.SendAsync(request)).Json();

        var line = answer.GetProperty("awards").EnumerateArray().Single();
        Assert.Equal("Kundenfeedback gelesen", line.GetProperty("reason").GetString());
        Assert.Equal("read", line.GetProperty("rule").GetString());

        sofia.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        // Recent awards reach the employee grain from the fan-out, just after the commit.
        await Eventually.True(async () => (await sofia.GetJson("/api/me")).GetProperty("recentAwards").GetArrayLength() > 0);
        var german = await sofia.GetJson("/api/me");
        sofia.DefaultRequestHeaders.AcceptLanguage.Clear();
        var english = await sofia.GetJson("/api/me");

        Assert.Contains(Badges(german), b => b.GetProperty("id").GetString() == "first-listener" && b.GetProperty("name").GetString() == "Erstes Zuhören");
        Assert.Contains(Badges(english), b => b.GetProperty("id").GetString() == "first-listener" && b.GetProperty("name").GetString() == "First Listener");
        var recent = german.GetProperty("recentAwards").EnumerateArray().First(a => a.GetProperty("rule").GetString() == "read");
        Assert.Equal("Kundenfeedback gelesen", recent.GetProperty("reason").GetString());
        Assert.True(recent.GetProperty("ruleVersion").GetInt32() >= 1);
        Assert.True(recent.GetProperty("own").GetBoolean());
        Assert.Equal("Read a customer's feedback",
            english.GetProperty("recentAwards").EnumerateArray().First(a => a.GetProperty("rule").GetString() == "read").GetProperty("reason").GetString());
    }
}
