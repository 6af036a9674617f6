using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Server.Tests;

public sealed class DepartmentViewsApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static Dictionary<Guid, long> Scores(JsonElement board) => board.GetProperty("rows").EnumerateArray()
        .ToDictionary(r => r.GetProperty("memberId").GetGuid(), r => r.GetProperty("score").GetInt64());

    private static int RankIn(JsonElement board, Guid department) => board.GetProperty("rows").EnumerateArray()
        .Single(r => r.GetProperty("memberId").GetGuid() == department).GetProperty("rank").GetInt32();

    [Fact]
    public async Task The_smallest_team_can_beat_the_biggest_per_head()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var integration = factory.WithApiKey();
        var directory = factory.Services.GetRequiredService<CompanyDirectory>();
        var departments = directory.Departments.Select(d => (d.Id, Headcount: directory.Headcount(d.Id)))
            .Where(d => d.Headcount > 0).OrderBy(d => d.Headcount).ThenBy(d => d.Id).ToList();
        var small = departments[0];
        var big = departments[^1];
        Assert.True(big.Headcount > small.Headcount);

        string member;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync())
        {
            member = await db.Employees.Where(e => e.DepartmentId == small.Id).OrderBy(e => e.Email).Select(e => e.Email).FirstAsync();
        }

        // Enough points for the small team to lead per head, while staying behind the big team on raw points.
        var raw = Scores(await ravi.GetJson("/api/boards/departments?window=all&top=100"));
        var bestOtherPerHead = departments.Where(d => d.Id != small.Id).Max(d => (decimal)raw[d.Id] / d.Headcount);
        var needed = (long)Math.Ceiling((bestOtherPerHead + 1) * small.Headcount) - raw[small.Id];
        var earned = 0L;
        var now = DateTimeOffset.UtcNow;
        for (var day = 1; earned < needed && day <= 400; day++)
        {
            var e = new
            {
                eventId = Guid.CreateVersion7(), employee = member, type = "insight",
                occurredAt = now.AddDays(-day).ToString("O", CultureInfo.InvariantCulture),
            };
            var response = await integration.PostAsJsonAsync("/api/events", e);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            earned += (await response.Json()).GetProperty("points").GetInt64();
        }

        Assert.True(earned >= needed, $"earned {earned} of {needed}");
        await Eventually.True(async () =>
            Scores(await ravi.GetJson("/api/boards/departments?window=all&top=100"))[small.Id] == raw[small.Id] + earned);

        var rawBoard = await ravi.GetJson("/api/boards/departments?window=all&top=100");
        var perHead = await ravi.GetJson("/api/boards/departments?window=all&top=100&view=per-head");
        raw = Scores(rawBoard);

        Assert.Equal("per-head", perHead.GetProperty("view").GetString());
        Assert.True(raw[small.Id] < raw[big.Id], "the small team has fewer raw points");
        Assert.True(RankIn(rawBoard, small.Id) > RankIn(rawBoard, big.Id));
        Assert.Equal(1, RankIn(perHead, small.Id));
        Assert.True(RankIn(perHead, big.Id) > 1);

        // Every row against a direct computation, ranked 1, 2, 2, 4 by the ratio ×100 with ties by id.
        var rows = perHead.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(raw.Count, rows.Count);
        var expected = rows.Select(r => r.GetProperty("memberId").GetGuid())
            .Select(id => (Id: id, Score: directory.Headcount(id) == 0 ? 0
                : (long)Math.Round(raw[id] * 100m / directory.Headcount(id), MidpointRounding.AwayFromZero)))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var id = row.GetProperty("memberId").GetGuid();
            Assert.Equal(expected[i].Id, id);
            Assert.Equal(expected[i].Score, row.GetProperty("score").GetInt64());
            Assert.Equal(raw[id], row.GetProperty("points").GetInt64());
            Assert.Equal(directory.Headcount(id), row.GetProperty("headcount").GetInt32());
            Assert.Equal(1 + expected.Count(x => x.Score > expected[i].Score), row.GetProperty("rank").GetInt32());
        }

        var smallRow = rows.Single(r => r.GetProperty("memberId").GetGuid() == small.Id);
        Assert.Equal((long)Math.Round(raw[small.Id] * 100m / small.Headcount, MidpointRounding.AwayFromZero),
            smallRow.GetProperty("score").GetInt64());
    }

    [Fact]
    public async Task Per_item_divides_by_the_items_routed_to_the_department()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var perItem = await ravi.GetJson("/api/boards/departments?window=all&top=100&view=per-item");

        Assert.Equal("per-item", perItem.GetProperty("view").GetString());
        var me = perItem.GetProperty("me");
        Assert.Equal(me.GetProperty("rank").GetInt32(), RankIn(perItem, me.GetProperty("memberId").GetGuid()));
        foreach (var row in perItem.GetProperty("rows").EnumerateArray())
        {
            var items = row.GetProperty("items").GetInt32();
            var points = row.GetProperty("points").GetInt64();
            Assert.Equal(items == 0 ? 0 : (long)Math.Round(points * 100m / items, MidpointRounding.AwayFromZero),
                row.GetProperty("score").GetInt64());
        }

        Assert.Contains(perItem.GetProperty("rows").EnumerateArray(), r => r.GetProperty("items").GetInt32() > 0);
    }

    [Theory]
    [InlineData("/api/boards/departments?window=all&view=per-person", "'view' must be raw, per-head or per-item.")]
    [InlineData("/api/boards/departments?view=PER-HEAD", "'view' must be raw, per-head or per-item.")]
    [InlineData("/api/boards/employees?window=week&view=per-head", "only offered on the departments board")]
    public async Task A_bad_view_is_a_400_that_says_why(string url, string message)
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        await ProblemAssert.Is(await ravi.GetAsync(url), HttpStatusCode.BadRequest, message);
    }
}
