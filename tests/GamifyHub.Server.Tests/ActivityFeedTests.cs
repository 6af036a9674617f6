using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class ActivityFeedTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static async Task<(string Department, Guid Employee)> Me(HttpClient client)
    {
        var me = await client.GetJson("/api/me");
        return (me.GetProperty("departmentId").GetString()!, Guid.Parse(me.GetProperty("employeeId").GetString()!));
    }

    [Fact]
    public async Task Members_managers_and_admins_read_a_departments_feed_and_no_one_else()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var admin = await factory.SignedIn(ApiClient.Admin);
        var (rnd, _) = await Me(ravi);
        var (service, _) = await Me(sofia);

        Assert.Equal(HttpStatusCode.OK, (await ravi.GetAsync($"/api/departments/{rnd}/activity")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lena.GetAsync($"/api/departments/{rnd}/activity")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/departments/{rnd}/activity")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/departments/{service}/activity")).StatusCode);
        await ProblemAssert.Is(await ravi.GetAsync($"/api/departments/{service}/activity"), HttpStatusCode.Forbidden, "members");
        await ProblemAssert.Is(await lena.GetAsync($"/api/departments/{service}/activity"), HttpStatusCode.Forbidden, "members");
        await ProblemAssert.Is(await sofia.GetAsync($"/api/departments/{rnd}/activity"), HttpStatusCode.Forbidden, "members");
        await ProblemAssert.Is(await ravi.GetAsync($"/api/departments/{Guid.NewGuid()}/activity"), HttpStatusCode.NotFound, "department");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/departments/{rnd}/activity")).StatusCode);
    }

    [Fact]
    public async Task A_resolve_shows_newest_first_and_the_feed_pages_without_repeats()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var (rnd, raviId) = await Me(ravi);
        var item = await ravi.FirstOpenItem();
        var resolve = await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "resolve", note = "Fixed in 2.4" });
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var eventId = (await resolve.Json()).GetProperty("eventId").GetString()!;

        var first = await ravi.GetJson($"/api/departments/{rnd}/activity?limit=5");
        var top = first.GetProperty("items").EnumerateArray().First();
        Assert.Equal("resolved", top.GetProperty("kind").GetString());
        Assert.Equal(raviId, top.GetProperty("actor").GetProperty("id").GetGuid());
        Assert.Equal(item, top.GetProperty("feedbackId").GetString());
        Assert.True(top.GetProperty("points").GetInt32() > 0);
        // The entry's id is not the event's (which an item's history lists): an id never ties a feed entry to another answer.
        Assert.DoesNotContain(Guid.Parse(eventId).ToString("N"), top.GetProperty("id").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(eventId, first.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var ids = new List<string>();
        var times = new List<DateTime>();
        var page = first;
        for (var i = 0; i < 4; i++)
        {
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            times.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("occurredAt").GetDateTime()));
            if (page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            page = await ravi.GetJson($"/api/departments/{rnd}/activity?limit=5&cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}");
        }

        Assert.True(ids.Count > 5, "the demo history fills more than one page");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(times.OrderByDescending(t => t), times);
        await ProblemAssert.Is(await ravi.GetAsync($"/api/departments/{rnd}/activity?cursor=nope"), HttpStatusCode.BadRequest, "cursor");
    }
}
