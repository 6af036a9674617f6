using System.Net;
using System.Text.Json;
using GamifyHub.Testing;
using static GamifyHub.Server.Tests.InboxApiTests;

namespace GamifyHub.Server.Tests;

/// <summary>The insights board: backlog items with the feedback linked to them, through the real pipeline.</summary>
public sealed class InsightsApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task Links_to_the_same_backlog_item_are_grouped_with_counts_sentiment_mix_and_departments()
    {
        var integration = factory.WithApiKey();
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var title = "Offline mode " + Marker();
        var url = "https://backlog.example/NIM-" + Marker();

        var a = await Ingest(integration, "facebook", "The app crashes when I am offline, terrible!");
        var b = await Ingest(integration, "x", "Love the app, but please a bug fix for offline use.");
        var c = await Ingest(integration, "blog", "Hotline waiting forever, and the app has a bug offline.");
        await Act(ravi, a, new { type = "insight", title, url });
        await Act(lena, a, new { type = "insight", title, url = url + "/" }); // same item, same backlog entry: one item, two links
        await Act(ravi, b, new { type = "insight", title = "  " + title.ToUpperInvariant() + " " }); // title only: joins the URL group
        await Act(sofia, c, new { type = "insight", title, url });
        var other = "Dark theme " + Marker();
        await Act(ravi, b, new { type = "insight", title = other });

        var board = await ravi.GetJson("/api/insights?window=all");
        var group = Find(board, url);
        Assert.Equal(3, group.GetProperty("feedbackCount").GetInt32());
        Assert.Equal(4, group.GetProperty("linkCount").GetInt32());
        var mix = group.GetProperty("sentiment");
        Assert.Equal(3, mix.GetProperty("positive").GetInt32() + mix.GetProperty("neutral").GetInt32() + mix.GetProperty("negative").GetInt32());
        var details = await Task.WhenAll(new[] { a, b }.Select(id => ravi.GetJson($"/api/feedback/{id}")));
        Assert.True(mix.GetProperty(details[0].GetProperty("item").GetProperty("sentiment").GetString()!).GetInt32() >= 1);

        var routed = group.GetProperty("departments").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("count").GetInt32());
        Assert.Equal(3, routed["Research & Development"]);
        Assert.True(routed["Customer Service"] >= 1);
        var linkedBy = group.GetProperty("linkedBy").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("count").GetInt32());
        Assert.Equal(3, linkedBy["Research & Development"]);
        Assert.Equal(1, linkedBy["Customer Service"]);

        // Ravi may read all three (routed to R&D): listed newest first.
        Assert.Equal([c, b, a], group.GetProperty("feedback").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(0, group.GetProperty("otherFeedback").GetInt32());

        // Sofia (Customer Service) sees the same counts but only the items routed to her department.
        var sofias = Find(await sofia.GetJson("/api/insights?window=all"), url);
        Assert.Equal(3, sofias.GetProperty("feedbackCount").GetInt32());
        var visible = sofias.GetProperty("feedback").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Contains(c, visible);
        Assert.DoesNotContain(a, visible);
        Assert.Equal(3 - visible.Count, sofias.GetProperty("otherFeedback").GetInt32());

        // A different title without a URL is its own backlog item.
        var dark = board.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == other);
        Assert.Equal(JsonValueKind.Null, dark.GetProperty("url").ValueKind);
        Assert.Equal(1, dark.GetProperty("feedbackCount").GetInt32());

        // Biggest first, and the 7-day window holds links made just now.
        var counts = board.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("feedbackCount").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.Equal(3, Find(await ravi.GetJson("/api/insights?window=7d"), url).GetProperty("feedbackCount").GetInt32());
    }

    [Theory]
    [InlineData("window=year", "'window'")]
    [InlineData("top=0", "'top'")]
    [InlineData("top=201", "'top'")]
    public async Task Bad_parameters_are_a_400(string query, string expected)
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        await ProblemAssert.Is(await ravi.GetAsync($"/api/insights?{query}"), HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Only_signed_in_employees_see_the_board()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.WithApiKey().GetAsync("/api/insights")).StatusCode);
    }

    private static JsonElement Find(JsonElement board, string url) =>
        board.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("url").GetString()?.TrimEnd('/') == url);
}
