using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>The inbox list (filters, search, cursor paging, who sees what) and an item's detail, through the real pipeline.</summary>
public sealed class InboxApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private const string Rnd = "Research & Development";

    [Theory]
    [InlineData("status", new[] { "open", "resolved" })]
    [InlineData("channel", new[] { "facebook", "linkedin", "x", "xing", "youtube", "instagram", "appstore", "blog" })]
    [InlineData("sentiment", new[] { "positive", "neutral", "negative" })]
    [InlineData("priority", new[] { "high", "normal", "low" })]
    [InlineData("language", new[] { "en", "de" })]
    public async Task Each_filter_answers_only_matching_items_and_its_values_together_cover_the_inbox(string filter, string[] values)
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var everything = await All(ravi, "status=all");
        Assert.NotEmpty(everything);

        var seen = new List<string>();
        foreach (var value in values)
        {
            var query = filter == "status" ? $"status={value}" : $"status=all&{filter}={value}";
            var items = await All(ravi, query);
            Assert.All(items, i => Assert.Equal(value, i.GetProperty(filter).GetString()));
            seen.AddRange(items.Select(Id));
        }

        Assert.Equal(everything.Select(Id).Order(), seen.Order());
        Assert.Contains(values, v => everything.Any(i => i.GetProperty(filter).GetString() == v)); // not vacuous
    }

    [Fact]
    public async Task Filters_combine_and_take_comma_separated_lists()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var everything = await All(ravi, "status=all");

        var items = await All(ravi, "status=all&sentiment=negative,neutral&language=de&channel=x,xing,blog");

        var expected = everything.Where(i => i.GetProperty("sentiment").GetString() is "negative" or "neutral"
            && i.GetProperty("language").GetString() == "de"
            && i.GetProperty("channel").GetString() is "x" or "xing" or "blog").Select(Id);
        Assert.Equal(expected, items.Select(Id));
    }

    [Fact]
    public async Task Search_finds_english_and_german_words_folding_case_and_umlauts_and_every_word_must_occur()
    {
        var marker = Marker();
        var integration = factory.WithApiKey();
        var german = await Ingest(integration, "facebook", $"Der Akku {marker} lädt nicht mehr, die Größe der Anzeige ärgert mich.");
        var english = await Ingest(integration, "x", $"The battery {marker} drains overnight after the update.");
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        Assert.Equal([english, german], Ids(await All(ravi, $"status=all&q={U(marker)}"))); // newest first
        Assert.Equal([german], Ids(await All(ravi, $"status=all&q={U(marker)}+lädt")));
        Assert.Equal([german], Ids(await All(ravi, $"status=all&q={U(marker)}+LADT"))); // umlaut and case folded
        Assert.Equal([german], Ids(await All(ravi, $"status=all&q={U("größe ÄRGERT " + marker)}")));
        Assert.Equal([english], Ids(await All(ravi, $"status=all&q={U(marker)}+drains+overnight")));
        Assert.Equal([english], Ids(await All(ravi, $"status=all&q={U(marker)}+batt"))); // a prefix while typing
        Assert.Empty(await All(ravi, $"status=all&q={U(marker)}+drains+lädt")); // every word must occur
        Assert.Equal([german], Ids(await All(ravi, $"status=all&channel=facebook&q={U(marker)}"))); // with a filter

        // FTS syntax in what people type is taken as words, never as query operators.
        Assert.Equal([german], Ids(await All(ravi, $"status=all&q={U($"\"{marker}\" lädt*) (^ :")}")));
        Assert.Empty(await All(ravi, $"status=all&q={U($"{marker} NOT lädt")}")); // NOT is a word to find here
        await All(ravi, $"status=all&q={U("AND OR NEAR(a b)")}"); // answers, however odd the words

    }

    [Fact]
    public async Task Cursor_paging_has_no_duplicates_and_no_gaps_while_new_items_arrive()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var integration = factory.WithApiKey();
        var before = Ids(await All(ravi, "status=all"));
        Assert.True(before.Count > 21, $"the demo R&D inbox has only {before.Count} items");

        var walked = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ravi.GetJson($"/api/feedback?status=all&pageSize=7{(cursor is null ? "" : $"&cursor={cursor}")}");
            walked.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.Equal(pages == 0, page.GetProperty("total").ValueKind == JsonValueKind.Number); // counted where the list starts
            pages++;

            // Newer items arrive between pages: they sort above the cursor, so the walk neither repeats nor skips.
            await Ingest(integration, "youtube", $"New crash report {Marker()} while paging, page {pages}.");
        }
        while (cursor is not null);

        Assert.Equal(before, Ids(walked));
        var order = walked.Select(i => (At: i.GetProperty("receivedAt").GetDateTime(), Id: Id(i).ToUpperInvariant())).ToList();
        Assert.All(order.Zip(order.Skip(1)), p => Assert.True(p.First.At > p.Second.At
            || (p.First.At == p.Second.At && string.CompareOrdinal(p.First.Id, p.Second.Id) > 0)));

        // The items that arrived meanwhile are at the top of a fresh first page.
        var fresh = await ravi.GetJson("/api/feedback?status=all&pageSize=5");
        Assert.Contains("while paging", fresh.GetProperty("items")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Page_numbers_still_work_for_older_clients_and_the_count_says_when_it_is_capped()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var everything = Ids(await All(ravi, "status=all"));

        var second = await ravi.GetJson("/api/feedback?status=all&page=2&pageSize=5");

        Assert.Equal(everything.Skip(5).Take(5), Ids(second.GetProperty("items").EnumerateArray()));
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(everything.Count, second.GetProperty("total").GetInt32());
        Assert.False(second.GetProperty("totalIsCapped").GetBoolean());
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("channel=myspace", "channel")]
    [InlineData("sentiment=happy", "sentiment")]
    [InlineData("sentiment=1", "sentiment")]
    [InlineData("priority=urgent", "priority")]
    [InlineData("language=e%20n", "language")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=99999&pageSize=100", "page")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=AQAAAAAAAAAA", "cursor")]
    [InlineData("q=%21%21%21", "q")]
    [InlineData("q=a+b+c+d+e+f+g+h+i", "q")]
    [InlineData("sla=late", "sla")]
    [InlineData("sla=breached&page=2", "page")]
    [InlineData("status=open&status=resolved", "status")]
    public async Task Bad_parameters_are_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        var response = await ravi.GetAsync($"/api/feedback?{query}");

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, $"'{parameter}'");
        var errors = (await response.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), $"errors name {errors}");
    }

    [Fact]
    public async Task Hostile_search_and_filter_values_are_answered_200_or_400_never_a_server_error()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var random = new Random(20_261_128);
        string[] pieces = ["\"", "*", "^", ":", "(", ")", "NEAR", "AND", "OR", "NOT", "-", "+", "{", "}", "'", ";", "--", "%", "_",
            "\u0000", "\u200B", "\u202E", "\u0301", "ä", "ß", "𞤀", "𝔘", "\uFFFD", "<b>", "&amp;", "\\", "/", "?", "#", "=", "&", " ", "x", "1"];
        var queries = new List<string> { "\"\"", "*", "NEAR(a b, 2)", "a:b", "^a", "\"unterminated", "e\u0301", new string('ß', 200) };
        for (var i = 0; i < 150; i++)
        {
            queries.Add(string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)])));
        }

        foreach (var q in queries)
        {
            foreach (var parameter in new[] { "q", "channel", "language", "cursor", "sentiment" })
            {
                var response = await ravi.GetAsync($"/api/feedback?status=all&{parameter}={Uri.EscapeDataString(q)}");
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                    $"{parameter}={q} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        Assert.DoesNotContain(factory.Logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_too_long_search_or_a_cursor_with_a_page_number_is_a_400()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        await ProblemAssert.Is(await ravi.GetAsync($"/api/feedback?q={new string('a', 201)}"), HttpStatusCode.BadRequest, "'q'");

        var cursor = (await ravi.GetJson("/api/feedback?status=all&pageSize=1")).GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        Assert.Equal(HttpStatusCode.OK, (await ravi.GetAsync($"/api/feedback?status=all&cursor={cursor}")).StatusCode);
        await ProblemAssert.Is(await ravi.GetAsync($"/api/feedback?status=all&page=2&cursor={cursor}"), HttpStatusCode.BadRequest,
            "either 'cursor' or 'page'");
    }

    [Fact]
    public async Task An_employee_sees_only_items_routed_to_their_department_in_the_list_in_search_and_in_detail()
    {
        var marker = Marker();
        var integration = factory.WithApiKey();
        var rndItem = await Ingest(integration, "blog", $"Firmware bug {marker}: the speaker crashes.");
        var serviceItem = await Ingest(integration, "blog", $"Hotline {marker}: I am still waiting for an answer.");
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        Assert.Equal([serviceItem], Ids(await All(sofia, $"status=all&q={marker}")));
        Assert.Equal([rndItem], Ids(await All(ravi, $"status=all&q={marker}")));
        Assert.All(await All(sofia, "status=all"), i => Assert.Contains(i.GetProperty("departments").EnumerateArray(),
            d => d.GetProperty("name").GetString() == "Customer Service"));
        await ProblemAssert.Is(await sofia.GetAsync($"/api/feedback/{rndItem}"), HttpStatusCode.NotFound, "No feedback item");

        // Not signed in, or signed in without an employee (the integration key): no inbox at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("/api/feedback")).StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"resolve\"}")]
    [InlineData("{\"type\":\"resolve\",\"note\":\"   \"}")]
    [InlineData("{\"type\":\"resolve\",\"note\":\"<b></b>\"}")]
    [InlineData("{\"type\":\"resolve\",\"text\":\"a note in the wrong field\"}")]
    public async Task Resolving_without_a_note_is_a_400_and_changes_nothing(string body)
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var marker = Marker();
        var item = await Ingest(factory.WithApiKey(), "x", $"App crash {marker} on start.");
        var before = await ravi.GetJson($"/api/feedback/{item}");

        var response = await ravi.PostAsync($"/api/feedback/{item}/actions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "resolution 'note'");
        Assert.Equal(before.ToString(), (await ravi.GetJson($"/api/feedback/{item}")).ToString());
        Assert.Equal([item], Ids(await All(ravi, $"status=open&q={marker}")));
    }

    [Theory]
    [InlineData("{\"type\":\"insight\"}", "title")]
    [InlineData("{\"type\":\"insight\",\"title\":\"Offline mode\",\"url\":\"javascript:alert(1)\"}", "url")]
    [InlineData("{\"type\":\"insight\",\"title\":\"Offline mode\",\"url\":\"backlog/PRJ-1\"}", "url")]
    public async Task An_insight_needs_a_title_and_an_http_address_if_any(string body, string field)
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await Ingest(factory.WithApiKey(), "x", $"App crash {Marker()} on start.");

        var response = await ravi.PostAsync($"/api/feedback/{item}/actions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, $"'{field}'");
        Assert.Empty((await ravi.GetJson($"/api/feedback/{item}")).GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Detail_shows_who_did_what_the_hand_off_chain_with_notes_insight_links_and_the_resolution()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var item = await Ingest(factory.WithApiKey(), "appstore", $"Battery drains {Marker()} since the update.");
        var routed = (await ravi.GetJson($"/api/feedback/{item}")).GetProperty("item").GetProperty("departments").EnumerateArray()
            .Select(d => d.GetProperty("name").GetString()).ToList();
        var target = (await ravi.GetJson("/api/departments")).EnumerateArray().First(d => !routed.Contains(d.GetProperty("name").GetString()));
        var targetName = target.GetProperty("name").GetString();

        await Act(ravi, item, new { type = "read" });
        await Act(ravi, item, new { type = "tag", text = "battery" });
        await Act(ravi, item, new { type = "forward", departmentId = target.GetProperty("id").GetString(), note = "Roadmap <b>question</b>" });
        await Act(lena, item, new { type = "insight", title = "Battery saver mode", url = "https://backlog.example/NIM-42" });
        await Act(ravi, item, new { type = "resolve", note = "Fixed in 2.4, customer told." });

        var detail = await ravi.GetJson($"/api/feedback/{item}");

        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["read", "tag", "forward", "insight", "resolve"], history.Select(h => h.GetProperty("type").GetString()));
        Assert.Equal(["Ravi Patel", "Ravi Patel", "Ravi Patel", "Lena Müller", "Ravi Patel"],
            history.Select(h => h.GetProperty("employeeName").GetString()));
        Assert.Equal("Roadmap question", history[2].GetProperty("note").GetString()); // markup stripped
        Assert.Equal(targetName, history[2].GetProperty("toDepartment").GetProperty("name").GetString());
        Assert.Equal("Battery saver mode", history[3].GetProperty("title").GetString());
        Assert.Equal("https://backlog.example/NIM-42", history[3].GetProperty("url").GetString());

        var chain = detail.GetProperty("handOffs").EnumerateArray().ToList();
        Assert.Equal("routed", chain[0].GetProperty("kind").GetString());
        Assert.Contains(chain, c => c.GetProperty("kind").GetString() == "routed" && c.GetProperty("to").GetProperty("name").GetString() == Rnd);
        var forward = chain.Single(c => c.GetProperty("kind").GetString() == "forwarded");
        Assert.Equal(Rnd, forward.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(targetName, forward.GetProperty("to").GetProperty("name").GetString());
        Assert.Equal("Ravi Patel", forward.GetProperty("by").GetString());
        Assert.Equal("Roadmap question", forward.GetProperty("note").GetString());

        var insight = Assert.Single(detail.GetProperty("insights").EnumerateArray());
        Assert.Equal("Lena Müller", insight.GetProperty("by").GetString());
        Assert.Equal("Fixed in 2.4, customer told.", detail.GetProperty("resolution").GetProperty("note").GetString());
        Assert.Equal(["battery"], detail.GetProperty("item").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("resolved", detail.GetProperty("item").GetProperty("status").GetString());

        // Resolved, it has left the open list and is in the resolved one.
        Assert.DoesNotContain(item, Ids(await All(ravi, "status=open&channel=appstore")));
        Assert.Contains(item, Ids(await All(ravi, "status=resolved&channel=appstore")));

        // Reopened, the resolution is gone and the item is open again.
        await Act(ravi, item, new { type = "reopen", note = "Customer says it is back." });
        var reopened = await ravi.GetJson($"/api/feedback/{item}");
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("resolution").ValueKind);
        Assert.Contains(item, Ids(await All(ravi, "status=open&channel=appstore")));
    }

    [Fact]
    public async Task The_sla_filter_answers_exactly_the_items_in_those_states_walked_page_by_page()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var integration = factory.WithApiKey();

        // Resolved in time, an item has met both clocks: with it, the demo's history and fresh items, every state is present.
        var met = await Ingest(integration, "x", "The app crashes when I open the settings page, please help");
        await Act(ravi, met, new { type = "resolve", note = "Fixed in the next release." });
        await Ingest(integration, "x", "The app crashes on every start since the update, nothing works");

        static HashSet<string> InState(List<JsonElement> items, string state) =>
            [.. items.Where(i => i.GetProperty("sla").GetProperty("state").GetString() == state).Select(Id)];

        foreach (var state in new[] { "breached", "met" })
        {
            // Breached and met are final states, so what the plain list shows before is in the filtered walk and what the
            // walk shows is in the plain list after, however long the walk takes.
            var before = InState(await All(ravi, "status=all"), state);
            var walked = new List<JsonElement>();
            string? cursor = null;
            do
            {
                // Small pages: the walk crosses several batches and cursors.
                var page = await ravi.GetJson($"/api/feedback?status=all&sla={state}&pageSize=3{(cursor is null ? "" : $"&cursor={cursor}")}");
                Assert.Equal(JsonValueKind.Null, page.GetProperty("total").ValueKind);
                walked.AddRange(page.GetProperty("items").EnumerateArray());
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
            var after = InState(await All(ravi, "status=all"), state);

            Assert.All(walked, i => Assert.Equal(state, i.GetProperty("sla").GetProperty("state").GetString()));
            var ids = Ids(walked);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Subset(ids.ToHashSet(), before);
            Assert.Subset(after, ids.ToHashSet());
            Assert.NotEmpty(ids);
        }

        Assert.Contains(met, Ids(await All(ravi, "status=all&sla=met")));
        var both = Ids(await All(ravi, "status=all&sla=met,on-track"));
        Assert.Contains(met, both);
        Assert.All(await All(ravi, "status=all&sla=met,on-track"),
            i => Assert.Contains(i.GetProperty("sla").GetProperty("state").GetString(), new[] { "met", "on-track" }));
    }

    internal static async Task<List<JsonElement>> All(HttpClient client, string query)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetJson($"/api/feedback?{query}&pageSize=100{(cursor is null ? "" : $"&cursor={cursor}")}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }

    internal static async Task<string> Ingest(HttpClient integration, string channel, string text)
    {
        var response = await integration.PostAsJsonAsync("/api/feedback",
            new { channel, externalId = $"t-{Guid.NewGuid():N}", author = "@tester", text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    internal static async Task Act(HttpClient client, string item, object action)
    {
        var response = await client.PostAsJsonAsync($"/api/feedback/{item}/actions", action);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A word no other item contains, so a search for it is exact.</summary>
    internal static string Marker() => "zq" + Guid.NewGuid().ToString("N")[..10];

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static List<string> Ids(IEnumerable<JsonElement> items) => [.. items.Select(Id)];

    private static string U(string text) => Uri.EscapeDataString(text);
}
