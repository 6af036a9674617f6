using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Server.Tests;

internal static class Seasons
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin).DateTime);

    public static string Day(int fromToday) => Today.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static long ScoreOf(JsonElement board, string memberId)
    {
        var row = board.GetProperty("rows").EnumerateArray()
            .SingleOrDefault(r => string.Equals(r.GetProperty("memberId").GetString(), memberId, StringComparison.OrdinalIgnoreCase));
        return row.ValueKind == JsonValueKind.Undefined ? 0 : row.GetProperty("score").GetInt64();
    }

    /// <summary>Records an external event for <paramref name="employee"/> and answers the points it earned.</summary>
    public static async Task<long> Event(HttpClient integration, string employee, DateTimeOffset occurredAt, string type = "insight")
    {
        var response = await integration.PostAsJsonAsync("/api/events", new
        {
            eventId = Guid.CreateVersion7(), employee, type, occurredAt = occurredAt.ToString("O", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var points = (await response.Json()).GetProperty("points").GetInt64();
        Assert.True(points > 0, $"the {type} event at {occurredAt:O} earned no points");
        return points;
    }
}

/// <summary>The demo season and season boards; these tests leave the calendar as the demo seeded it.</summary>
public sealed class SeasonApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task The_demo_season_is_running_and_every_signed_in_user_sees_the_calendar()
    {
        foreach (var email in new[] { ApiClient.Ravi, ApiClient.Admin })
        {
            var client = await factory.SignedIn(email);
            var seasons = await client.GetJson("/api/seasons");

            Assert.Equal("Europe/Berlin", seasons.GetProperty("timeZone").GetString());
            var current = seasons.GetProperty("current");
            Assert.Equal("winter-listening-sprint", current.GetProperty("id").GetString());
            Assert.Equal("Winter Listening Sprint", current.GetProperty("name").GetString());
            Assert.Equal(Seasons.Day(-10), current.GetProperty("start").GetString());
            Assert.Equal(Seasons.Day(21), current.GetProperty("end").GetString());
            Assert.True(current.GetProperty("startsAt").GetDateTimeOffset() < DateTimeOffset.UtcNow);
            Assert.Equal(JsonValueKind.Null, seasons.GetProperty("next").ValueKind);
            Assert.Single(seasons.GetProperty("seasons").EnumerateArray());
        }

        var anonymous = await factory.CreateClient().GetAsync("/api/seasons");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_action_in_the_season_counts_on_the_season_boards_and_an_event_before_the_season_does_not()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var integration = factory.WithApiKey();
        var me = await ravi.GetJson("/api/me");
        var raviId = me.GetProperty("employeeId").GetString()!;
        var research = me.GetProperty("departmentId").GetString()!;
        var boards = new[] { "employees", $"department-{research}" };
        var allBefore = new Dictionary<string, long>();
        var seasonBefore = new Dictionary<string, long>();
        foreach (var board in boards)
        {
            allBefore[board] = Seasons.ScoreOf(await ravi.GetJson($"/api/boards/{board}?window=all&top=100"), raviId);
            var season = await ravi.GetJson($"/api/boards/{board}?window=season&top=100");
            Assert.Equal("season", season.GetProperty("window").GetString());
            Assert.Equal("winter-listening-sprint", season.GetProperty("period").GetString());
            seasonBefore[board] = Seasons.ScoreOf(season, raviId);
        }

        var departmentsBefore = Seasons.ScoreOf(await ravi.GetJson("/api/boards/departments?window=season&top=100"), research);

        var before = await Seasons.Event(integration, ApiClient.Ravi, DateTimeOffset.UtcNow.AddDays(-15)); // the season started 10 days ago
        var inside = await Seasons.Event(integration, ApiClient.Ravi, DateTimeOffset.UtcNow);

        foreach (var board in boards)
        {
            await Eventually.True(async () =>
                Seasons.ScoreOf(await ravi.GetJson($"/api/boards/{board}?window=all&top=100"), raviId) == allBefore[board] + before + inside);
            await Eventually.True(async () =>
                Seasons.ScoreOf(await ravi.GetJson($"/api/boards/{board}?window=season&top=100"), raviId) == seasonBefore[board] + inside);
        }

        await Eventually.True(async () =>
            Seasons.ScoreOf(await ravi.GetJson("/api/boards/departments?window=season&top=100"), research) == departmentsBefore + inside);
        var perHead = await ravi.GetJson("/api/boards/departments?window=season&top=100&view=per-head");
        Assert.Equal("winter-listening-sprint", perHead.GetProperty("period").GetString());
        Assert.Equal(departmentsBefore + inside, perHead.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("memberId").GetString() == research).GetProperty("points").GetInt64());

        // The same on the hub.
        await using var live = await LiveClient.Connect(factory, ApiClient.Ravi);
        var watched = await live.WatchBoard("employees", "season");
        Assert.Equal("winter-listening-sprint", watched.GetProperty("period").GetString());
        Assert.Equal(seasonBefore["employees"] + inside, watched.GetProperty("me").GetProperty("score").GetInt64());
    }

    [Fact]
    public async Task Only_admins_replace_the_calendar()
    {
        var body = new { seasons = Array.Empty<object>() };
        foreach (var email in new[] { ApiClient.Ravi, ApiClient.Lena })
        {
            var client = await factory.SignedIn(email);
            var response = await client.PutAsJsonAsync("/api/admin/seasons", body);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var integration = await factory.WithApiKey().PutAsJsonAsync("/api/admin/seasons", body);
        Assert.Equal(HttpStatusCode.Forbidden, integration.StatusCode);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        Assert.Equal("winter-listening-sprint", (await ravi.GetJson("/api/seasons")).GetProperty("current").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_invalid_calendar_gets_a_400_naming_the_field_and_changes_nothing()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var response = await admin.PutAsJsonAsync("/api/admin/seasons", new
        {
            seasons = new[]
            {
                new { id = "spring", name = "Spring", start = Seasons.Day(30), end = Seasons.Day(40) },
                new { id = "summer", name = "Summer", start = Seasons.Day(50), end = Seasons.Day(60) },
                new { id = "autumn", name = "Autumn", start = Seasons.Day(80), end = Seasons.Day(70) },
            },
        });

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "seasons[2].end: The last day");
        var errors = (await response.Json()).GetProperty("errors");
        Assert.Equal(["seasons[2].end"], errors.EnumerateObject().Select(p => p.Name));

        var overlapping = await admin.PutAsJsonAsync("/api/admin/seasons", new
        {
            seasons = new[]
            {
                new { id = "a", name = "A", start = Seasons.Day(0), end = Seasons.Day(10) },
                new { id = "b", name = "B", start = Seasons.Day(10), end = Seasons.Day(20) },
            },
        });
        await ProblemAssert.Is(overlapping, HttpStatusCode.BadRequest, "seasons[1].start: Season 'b'");

        var unknownField = await admin.PutAsJsonAsync("/api/admin/seasons", new
        {
            seasons = new[] { new { id = "a", name = "A", start = Seasons.Day(0), end = Seasons.Day(10), color = "red" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);

        var seasons = await admin.GetJson("/api/seasons");
        Assert.Equal("winter-listening-sprint", Assert.Single(seasons.GetProperty("seasons").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_window_names_season_among_the_choices()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        var response = await ravi.GetAsync("/api/boards/employees?window=seasons");

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "day, week, month, quarter, season or all");
    }
}

/// <summary>Editing the calendar moves the season boards; its own server, since it replaces the demo calendar.</summary>
public sealed class SeasonCalendarEditTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task Replacing_the_calendar_moves_the_season_boards_to_the_new_season_and_removing_it_empties_them()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var integration = factory.WithApiKey();
        var raviId = (await ravi.GetJson("/api/me")).GetProperty("employeeId").GetString()!;
        await using var sofia = await LiveClient.Connect(factory, ApiClient.Sofia);
        Assert.Equal("winter-listening-sprint", (await sofia.WatchBoard("employees", "season")).GetProperty("period").GetString());

        // Five days ago is inside the demo season.
        var seasonBefore = Seasons.ScoreOf(await ravi.GetJson("/api/boards/employees?window=season&top=100"), raviId);
        var fiveDaysAgo = await Seasons.Event(integration, ApiClient.Ravi, DateTimeOffset.UtcNow.AddDays(-5));
        await Eventually.True(async () =>
            Seasons.ScoreOf(await ravi.GetJson("/api/boards/employees?window=season&top=100"), raviId) == seasonBefore + fiveDaysAgo);

        var replaced = await admin.PutAsJsonAsync("/api/admin/seasons", new
        {
            seasons = new[]
            {
                new { id = "december-dash", name = "December Dash", start = Seasons.Day(-2), end = Seasons.Day(5) },
                new { id = "autumn-warm-up", name = "Autumn Warm-up", start = Seasons.Day(-40), end = Seasons.Day(-3) },
                new { id = "spring-clean", name = "Spring Clean", start = Seasons.Day(60), end = Seasons.Day(90) },
            },
        });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var calendar = await replaced.Json();
        Assert.Equal("december-dash", calendar.GetProperty("current").GetProperty("id").GetString());
        Assert.Equal("spring-clean", calendar.GetProperty("next").GetProperty("id").GetString());
        Assert.Equal(["autumn-warm-up", "december-dash", "spring-clean"],
            calendar.GetProperty("seasons").EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        // The board answers for the new season at once: the event five days ago is before it.
        var board = await ravi.GetJson("/api/boards/employees?window=season&top=100");
        Assert.Equal("december-dash", board.GetProperty("period").GetString());
        Assert.Equal(0, Seasons.ScoreOf(board, raviId));
        var now = await Seasons.Event(integration, ApiClient.Ravi, DateTimeOffset.UtcNow);
        await Eventually.True(async () =>
            Seasons.ScoreOf(await ravi.GetJson("/api/boards/employees?window=season&top=100"), raviId) == now);
        // A watcher is told that the period changed (and reloads).
        await Eventually.True(() => Task.FromResult(sofia.BoardChanges.Any(c =>
            c.GetProperty("window").GetString() == "season" && c.GetProperty("period").GetString() == "december-dash")));

        var emptied = await admin.PutAsJsonAsync("/api/admin/seasons", new { seasons = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        var seasons = await ravi.GetJson("/api/seasons");
        Assert.Equal(JsonValueKind.Null, seasons.GetProperty("current").ValueKind);
        Assert.Empty(seasons.GetProperty("seasons").EnumerateArray());
        foreach (var url in new[] { "/api/boards/employees?window=season", "/api/boards/departments?window=season&view=per-item" })
        {
            var none = await ravi.GetJson(url);
            Assert.Equal(JsonValueKind.Null, none.GetProperty("period").ValueKind);
            Assert.Empty(none.GetProperty("rows").EnumerateArray());
        }

        Assert.Equal(JsonValueKind.Null, (await ravi.GetJson("/api/boards/employees?window=season&around=me")).GetProperty("me").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await sofia.WatchBoard("departments", "season")).GetProperty("period").ValueKind);
        await Eventually.True(() => Task.FromResult(sofia.BoardChanges.Any(c =>
            c.GetProperty("window").GetString() == "season" && c.GetProperty("period").ValueKind == JsonValueKind.Null)));
        // Other windows are untouched.
        Assert.NotEqual(0, Seasons.ScoreOf(await ravi.GetJson("/api/boards/employees?window=all&top=100"), raviId));

        // Every edit is on record, with who made it.
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync();
        var changes = await db.SeasonChanges.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["demo", ApiClient.Admin, ApiClient.Admin], changes.Select(c => c.Actor));
        Assert.Contains("december-dash", changes[1].Calendar, StringComparison.Ordinal);
        Assert.Equal("[]", changes[2].Calendar);
        Assert.Empty(await db.Seasons.ToListAsync());
    }
}

/// <summary>A demo database made before seasons existed starts, gains the demo season once, and keeps everything else.</summary>
public sealed class SeasonMigrationTests
{
    [Fact]
    public async Task A_demo_database_from_before_seasons_is_migrated_and_gets_the_demo_season_without_being_seeded_again()
    {
        // The schema before the Seasons migration: its tables and history row are gone, as on an old database.
        var path = await TempDatabase.DemoBefore("Seasons");

        var probe = new DatabaseProbe(path);
        Assert.Equal(0, await probe.Scalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'Seasons'"));
        var events = await probe.Scalar<long>("SELECT COUNT(*) FROM Events");
        var employees = await probe.Scalar<long>("SELECT COUNT(*) FROM Employees");

        await using (var second = GamifyHubFactory.OnDatabase(path))
        {
            var admin = await second.SignedIn(ApiClient.Admin);
            var seasons = await admin.GetJson("/api/seasons");
            Assert.Equal("winter-listening-sprint", seasons.GetProperty("current").GetProperty("id").GetString());
            Assert.Equal(events, await probe.Scalar<long>("SELECT COUNT(*) FROM Events"));
            Assert.Equal(employees, await probe.Scalar<long>("SELECT COUNT(*) FROM Employees"));

            // An admin's calendar, even an empty one, is never replaced by the demo season again.
            var emptied = await admin.PutAsJsonAsync("/api/admin/seasons", new { seasons = Array.Empty<object>() });
            Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        }

        await using var third = GamifyHubFactory.OnDatabase(path);
        var ravi = await third.SignedIn(ApiClient.Ravi);
        Assert.Equal(JsonValueKind.Null, (await ravi.GetJson("/api/seasons")).GetProperty("current").ValueKind);
        Assert.Equal(2, await probe.Scalar<long>("SELECT COUNT(*) FROM SeasonChanges"));
    }
}
