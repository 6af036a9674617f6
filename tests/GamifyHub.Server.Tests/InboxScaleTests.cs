using System.Text.Json;
using GamifyHub.Server.Feedback;
using GamifyHub.Testing;
using Xunit.Abstractions;

namespace GamifyHub.Server.Tests;

/// <summary>
/// The inbox over 100,000 items written straight into the SQLite file: cursor paging walks the whole department list
/// exactly once in order, and filters and search give exactly the items the seed rule says. Correctness only — the
/// speed figures come from the benchmark (bench/GamifyHub.Bench --inbox-only), never from a timed test.
/// </summary>
public sealed class InboxScaleTests(ITestOutputHelper output)
{
    private const int Items = 100_000;

    [Fact]
    public async Task At_100000_items_paging_filters_and_search_answer_exactly_what_was_stored()
    {
        await using var factory = new GamifyHubFactory();
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var rnd = await InboxSeed.DepartmentId(factory.DatabasePath, "rnd");
        var service = await InboxSeed.DepartmentId(factory.DatabasePath, "service");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await InboxSeed.InsertAsync(factory.DatabasePath, Items, rnd, service);
        output.WriteLine($"seeded {Items:N0} items in {clock.Elapsed.TotalSeconds:0.0} s");

        // The whole department list, 100 a page: the demo's items first (newer), then every seeded R&D item once, in order.
        var walked = new List<(string Id, string Cursor)>();
        string? cursor = null;
        var first = true;
        do
        {
            var page = await ravi.GetJson($"/api/feedback?status=all&pageSize=100{(cursor is null ? "" : $"&cursor={cursor}")}");
            if (first)
            {
                Assert.Equal(1_000, page.GetProperty("total").GetInt32());
                Assert.True(page.GetProperty("totalIsCapped").GetBoolean());
                first = false;
            }

            cursor = page.GetProperty("nextCursor").GetString();
            walked.AddRange(page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetString()!, cursor ?? "")));
        }
        while (cursor is not null);

        var expected = InboxSeed.InboxOrder(Items).Select(x => x.Id.ToString()).ToList();
        var seededPart = walked.Select(w => w.Id).Skip(walked.Count - expected.Count).ToList();
        Assert.Equal(expected, seededPart);
        Assert.Equal(walked.Count, walked.Select(w => w.Id).Distinct().Count());
        output.WriteLine($"walked {walked.Count:N0} items in {walked.Count / 100 + 1} pages in {clock.Elapsed.TotalSeconds:0.0} s");

        // A deep cursor (60,000 items in) answers the next 100 exactly.
        var deep = walked.Count - expected.Count + 59_999;
        var deepPage = await ravi.GetJson($"/api/feedback?status=all&pageSize=100&cursor={walked[deep].Cursor}");
        Assert.Equal(walked.Skip((deep / 100 + 1) * 100).Take(100).Select(w => w.Id), Ids(deepPage));

        // Filters: the first three pages of a combination, and a walk of a selective one.
        await AssertFilter(ravi, "status=open&channel=xing&priority=high",
            x => x.Status == "Open" && x.Channel == "xing" && x.Priority == "High", pages: 3);
        await AssertFilter(ravi, "status=resolved&sentiment=negative&language=de",
            x => x.Status == "Resolved" && x.Sentiment == "Negative" && x.Language == "de", pages: 3);

        // Search: a rare word in full, an umlaut word folded, and a common word with a filter.
        await AssertFilter(ravi, $"status=all&q={InboxSeed.RareWord.ToLowerInvariant()}", x => x.Text.Contains(InboxSeed.RareWord), pages: 100);
        await AssertFilter(ravi, "status=all&q=LUFTERGERAUSCH", x => x.Text.Contains(InboxSeed.UmlautWord), pages: 100);
        await AssertFilter(ravi, "status=all&q=anmeldung&channel=blog", x => x.Language == "de" && x.Channel == "blog", pages: 3);

        // An SLA state no seeded item is in (none has a reply, so none has met its first response): the walk looks at no
        // more than the scan limit per request, answering short pages with a cursor, and ends after the last item.
        var metIds = new List<string>();
        var requests = 0;
        cursor = null;
        do
        {
            var page = await ravi.GetJson($"/api/feedback?status=all&sla=met&pageSize=20{(cursor is null ? "" : $"&cursor={cursor}")}");
            requests++;
            Assert.All(page.GetProperty("items").EnumerateArray(),
                i => Assert.Equal("met", i.GetProperty("sla").GetProperty("state").GetString()));
            metIds.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && requests < 1_000);
        Assert.Null(cursor);
        Assert.True(requests >= walked.Count / FeedbackQueries.SlaScanLimit, $"{requests} requests for {walked.Count:N0} items");
        Assert.Equal(metIds.Count, metIds.Distinct().Count());
        Assert.DoesNotContain(metIds, expected.ToHashSet().Contains);
        output.WriteLine($"walked sla=met in {requests} requests ({clock.Elapsed.TotalSeconds:0.0} s since seeding began)");

        // Sofia's department got the other fifth; none of R&D's.
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var sofias = await sofia.GetJson($"/api/feedback?status=all&q={InboxSeed.RareWord}&pageSize=100");
        Assert.Equal(Enumerable.Range(0, Items).Select(InboxSeed.At).Where(x => !x.InDepartment && x.Text.Contains(InboxSeed.RareWord)).Count(),
            sofias.GetProperty("items").GetArrayLength());
    }

    private static async Task AssertFilter(HttpClient client, string query, Func<InboxSeed.Item, bool> filter, int pages)
    {
        var expected = InboxSeed.InboxOrder(Items, filter).Select(x => x.Id.ToString()).ToList();
        var got = new List<string>();
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var page = await client.GetJson($"/api/feedback?{query}&pageSize=50{(cursor is null ? "" : $"&cursor={cursor}")}");
            got.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        // Demo items may match too and come first (they are newer); then the seeded ones, in exact order and nothing else.
        var wanted = expected.ToHashSet();
        var seeded = got.SkipWhile(id => !wanted.Contains(id)).ToList();
        Assert.Equal(expected.Take(seeded.Count), seeded);
        Assert.True(seeded.Count >= Math.Min(expected.Count, 100), $"{query}: {seeded.Count} of {expected.Count}");
        if (cursor is null)
        {
            Assert.Equal(expected, seeded);
        }
    }

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!);
}

public sealed class InboxSearchMigrationTests
{
    [Fact]
    public async Task A_database_from_before_search_gets_every_stored_item_indexed_by_the_migration()
    {
        // The schema before InboxSearch, as on an existing database, with an item stored then.
        var path = await TempDatabase.DemoBefore("InboxSearch");

        var probe = new DatabaseProbe(path);
        Assert.Equal(0, await probe.Scalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'FeedbackSearch'"));
        var rnd = await InboxSeed.DepartmentId(path, "rnd");
        await InboxSeed.InsertAsync(path, 20, rnd, rnd);
        var items = await probe.Scalar<long>("SELECT COUNT(*) FROM FeedbackItems");

        await using var second = GamifyHubFactory.OnDatabase(path);
        var ravi = await second.SignedIn(ApiClient.Ravi);

        Assert.Equal(items, await probe.Scalar<long>("SELECT COUNT(*) FROM FeedbackSearch"));
        var found = await ravi.GetJson("/api/feedback?status=all&q=anmeldung&pageSize=100");
        var expected = InboxSeed.InboxOrder(20, x => x.Language == "de").Select(x => x.Id.ToString());
        Assert.Equal(expected, found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)
            .Where(expected.Contains));
        Assert.NotEmpty(expected);
    }
}
