using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class ChallengeApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private async Task<Dictionary<string, string>> Departments(HttpClient client)
    {
        var list = await client.GetJson("/api/departments");
        return list.EnumerateArray().ToDictionary(d => d.GetProperty("slug").GetString()!, d => d.GetProperty("id").GetString()!);
    }

    private static object Challenge(string scope, string[] departments, string metric = "action-count", string? action = "read",
        double target = 3, int points = 20, bool schedule = true, string name = "Listen up", string recurrence = "none",
        DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null) => new
        {
            name,
            description = "Read what customers tell us",
            metric,
            action,
            category = (string?)null,
            target,
            startsAt = startsAt ?? DateTimeOffset.UtcNow,
            endsAt = endsAt ?? DateTimeOffset.UtcNow.AddDays(2),
            scope,
            departmentIds = departments,
            rewardPoints = points,
            rewardBadge = "Good listener",
            recurrence,
            schedule,
        };

    private Task<long> StoredChallenges() => new DatabaseProbe(factory.DatabasePath).Scalar<long>("SELECT COUNT(*) FROM Challenges");

    [Fact]
    public async Task An_employee_cannot_create_a_challenge()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var rnd = (await Departments(ravi))["rnd"];
        var before = await StoredChallenges();

        var answer = await ravi.PostAsJsonAsync("/api/challenges", Challenge("department", [rnd]));

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await StoredChallenges());
    }

    [Fact]
    public async Task A_manager_targets_only_her_own_department_and_never_the_whole_company()
    {
        var lena = await factory.SignedIn(ApiClient.Lena);
        var departments = await Departments(lena);
        var other = departments.First(d => d.Key != "rnd").Value;
        var before = await StoredChallenges();

        await ProblemAssert.Is(await lena.PostAsJsonAsync("/api/challenges", Challenge("department", [other])),
            HttpStatusCode.Forbidden, "departments you manage");
        await ProblemAssert.Is(await lena.PostAsJsonAsync("/api/challenges", Challenge("team-vs-team", [departments["rnd"], other])),
            HttpStatusCode.Forbidden, "departments you manage");
        await ProblemAssert.Is(await lena.PostAsJsonAsync("/api/challenges", Challenge("company", [])),
            HttpStatusCode.Forbidden, "admins");
        Assert.Equal(before, await StoredChallenges());

        var created = await lena.PostAsJsonAsync("/api/challenges", Challenge("department", [departments["rnd"]]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Json();
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("canManage").GetBoolean());
    }

    [Fact]
    public async Task An_admin_creates_team_and_company_challenges_and_an_employee_sees_those_that_include_them()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var departments = await Departments(admin);
        var team = await (await admin.PostAsJsonAsync("/api/challenges",
            Challenge("team-vs-team", [departments["rnd"], departments.First(d => d.Key is not "rnd").Value], name: "Teams"))).Json();
        var company = await (await admin.PostAsJsonAsync("/api/challenges", Challenge("company", [], metric: "items-resolved", action: null,
            target: 500, name: "Company"))).Json();
        var draft = await (await admin.PostAsJsonAsync("/api/challenges", Challenge("company", [], schedule: false, name: "Draft"))).Json();
        Assert.Equal("team-vs-team", team.GetProperty("scope").GetString());
        Assert.Equal("draft", draft.GetProperty("status").GetString());

        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var mine = (await ravi.GetJson("/api/challenges")).EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains(team.GetProperty("id").GetString(), mine);
        Assert.Contains(company.GetProperty("id").GetString(), mine);
        Assert.DoesNotContain(draft.GetProperty("id").GetString(), mine); // drafts are for their managers only
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PostAsync($"/api/challenges/{company.GetProperty("id")}/cancel", null)).StatusCode);

        var lena = await factory.SignedIn(ApiClient.Lena);
        Assert.Equal(HttpStatusCode.NotFound, (await lena.PostAsync($"/api/challenges/{draft.GetProperty("id")}/schedule", null)).StatusCode);
        var scheduled = await admin.PostAsync($"/api/challenges/{draft.GetProperty("id")}/schedule", null);
        Assert.Equal("active", (await scheduled.Json()).GetProperty("status").GetString());
        var cancelled = await admin.PostAsync($"/api/challenges/{draft.GetProperty("id")}/cancel", null);
        Assert.Equal("cancelled", (await cancelled.Json()).GetProperty("status").GetString());
        await ProblemAssert.Is(await admin.PostAsync($"/api/challenges/{draft.GetProperty("id")}/cancel", null), HttpStatusCode.Conflict,
            "cannot be cancelled");
    }

    [Fact]
    public async Task A_weekly_team_challenge_through_the_API_pays_the_winning_department_and_comes_back_next_week()
    {
        await using var own = GamifyHubFactory.With(("Challenges:ReminderPeriodSeconds", "1"));
        var admin = await own.SignedIn(ApiClient.Admin);
        var departments = await Departments(admin);
        var (start, end) = (DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(10));
        var answer = await admin.PostAsJsonAsync("/api/challenges", Challenge("team-vs-team", [departments["rnd"], departments["service"]],
            target: 2, points: 12, name: "Weekly read-off", recurrence: "weekly", startsAt: start, endsAt: end));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var created = await answer.Json();
        Assert.Equal(("weekly", "team-vs-team"), (created.GetProperty("recurrence").GetString(), created.GetProperty("scope").GetString()));
        var id = created.GetProperty("id").GetString();

        var ravi = await own.SignedIn(ApiClient.Ravi);
        var raviId = (await ravi.GetJson("/api/me")).GetProperty("employeeId").GetString();
        for (var i = 0; i < 2; i++)
        {
            var item = await ravi.FirstOpenItem(x => !x.GetProperty("readByMe").GetBoolean());
            Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read" })).StatusCode);
        }

        await Eventually.True(async () => (await ravi.GetJson($"/api/challenges/{id}")).GetProperty("occurrence").GetInt32() == 2,
            timeoutMs: 40_000);
        var next = await ravi.GetJson($"/api/challenges/{id}");
        Assert.Equal("scheduled", next.GetProperty("status").GetString());
        Assert.Equal(start.AddDays(7).UtcDateTime, next.GetProperty("startsAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromMilliseconds(1));
        var rewards = await new DatabaseProbe(own.DatabasePath).Scalar<long>(
            $"SELECT COUNT(*) FROM Events WHERE Source = 'challenge' AND EmployeeId = '{raviId!.ToUpperInvariant()}'");
        Assert.Equal(1, rewards);
        var sofia = await own.SignedIn(ApiClient.Sofia);
        var sofiaId = (await sofia.GetJson("/api/me")).GetProperty("employeeId").GetString();
        Assert.Equal(0, await new DatabaseProbe(own.DatabasePath).Scalar<long>(
            $"SELECT COUNT(*) FROM Events WHERE Source = 'challenge' AND EmployeeId = '{sofiaId!.ToUpperInvariant()}'"));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var rnd = (await Departments(admin))["rnd"];
        var before = await StoredChallenges();
        var cases = new (object Body, string Field)[]
        {
            (new { name = "", metric = "action-count", action = "read", target = 3, startsAt = DateTimeOffset.UtcNow,
                endsAt = DateTimeOffset.UtcNow.AddDays(1), scope = "department", departmentIds = new[] { rnd }, rewardPoints = 5 }, "name"),
            (new { name = "x", metric = "speed", target = 3, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddDays(1),
                scope = "department", departmentIds = new[] { rnd }, rewardPoints = 5 }, "metric"),
            (new { name = "x", metric = "action-count", action = "reward", target = 3, startsAt = DateTimeOffset.UtcNow,
                endsAt = DateTimeOffset.UtcNow.AddDays(1), scope = "department", departmentIds = new[] { rnd }, rewardPoints = 5 }, "action"),
            (new { name = "x", metric = "read-rate", target = 120, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddDays(1),
                scope = "department", departmentIds = new[] { rnd }, rewardPoints = 5 }, "target"),
            (new { name = "x", metric = "items-resolved", target = 3, startsAt = DateTimeOffset.UtcNow.AddDays(1), endsAt = DateTimeOffset.UtcNow,
                scope = "department", departmentIds = new[] { rnd }, rewardPoints = 5 }, "endsAt"),
            (new { name = "x", metric = "items-resolved", target = 3, startsAt = DateTimeOffset.UtcNow.AddDays(-3),
                endsAt = DateTimeOffset.UtcNow.AddDays(1), scope = "department", departmentIds = new[] { rnd }, rewardPoints = 5 }, "startsAt"),
            (new { name = "x", metric = "items-resolved", target = 3, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddDays(1),
                scope = "team-vs-team", departmentIds = new[] { rnd }, rewardPoints = 5 }, "departmentIds"),
            (new { name = "x", metric = "items-resolved", target = 3, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddDays(1),
                scope = "department", departmentIds = new[] { rnd }, rewardPoints = 0 }, "rewardPoints"),
            (new { name = "x", metric = "items-resolved", target = 3, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddDays(9),
                scope = "department", departmentIds = new[] { rnd }, rewardPoints = 5, recurrence = "weekly" }, "recurrence"),
        };

        foreach (var (body, field) in cases)
        {
            var answer = await admin.PostAsJsonAsync("/api/challenges", body);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = await answer.Json();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on '{field}': {problem}");
        }

        Assert.Equal(before, await StoredChallenges());
    }

    [Fact]
    public async Task Progress_and_the_challenge_board_are_pushed_when_a_participant_acts()
    {
        var lena = await factory.SignedIn(ApiClient.Lena);
        var rnd = (await Departments(lena))["rnd"];
        var created = await (await lena.PostAsJsonAsync("/api/challenges", Challenge("department", [rnd], target: 1, points: 15))).Json();
        var id = created.GetProperty("id").GetString();
        await using var live = await LiveClient.Connect(factory, ApiClient.Lena);
        var board = await live.WatchBoard($"challenge-{id}", "all");
        Assert.Equal($"challenge-{id}", board.GetProperty("board").GetString());

        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var raviId = (await ravi.GetJson("/api/me")).GetProperty("employeeId").GetString();
        var item = await ravi.FirstOpenItem(i => !i.GetProperty("readByMe").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read" })).StatusCode);

        await Eventually.True(() => Task.FromResult(live.BoardChanges.Any(c => c.GetProperty("board").GetString() == $"challenge-{id}"
            && c.GetProperty("rows").EnumerateArray().Any(r => r.GetProperty("memberId").GetString() == raviId && r.GetProperty("score").GetInt64() >= 1))));
        // The push carries what every watcher may see: how many were rewarded, never who.
        await Eventually.True(() => Task.FromResult(live.ChallengeChanges.Any(c => c.GetProperty("id").GetString() == id
            && c.GetProperty("rewardedCount").GetInt32() == 1)));
        var mine = await ravi.GetJson($"/api/challenges/{id}");
        Assert.True(mine.GetProperty("mine").GetDouble() >= 1);

        // Its start and its completion are in Ravi's notification centre (stored, not just pushed), in German on request.
        await Eventually.True(async () =>
        {
            var types = (await ravi.GetJson("/api/notifications?limit=100")).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("message").GetString()!.Contains("Listen up", StringComparison.Ordinal))
                .Select(n => n.GetProperty("type").GetString()).ToList();
            return types.Contains("challenge-started") && types.Contains("challenge-completed");
        });
        using (var german = new HttpRequestMessage(HttpMethod.Get, "/api/notifications?limit=100"))
        {
            german.Headers.AcceptLanguage.ParseAdd("de");
            var items = (await (await ravi.SendAsync(german)).Json()).GetProperty("items").EnumerateArray();
            Assert.Contains(items, n => n.GetProperty("type").GetString() == "challenge-completed"
                && n.GetProperty("title").GetString() == "Challenge geschafft");
        }
        var rewards = await new DatabaseProbe(factory.DatabasePath).EventsWithPoints("challenge");
        Assert.Contains(rewards, r => r.Points == 15);
        Assert.Contains((await ravi.GetJson("/api/challenges/badges")).EnumerateArray(),
            b => b.GetProperty("badge").GetString() == "Good listener");
        Assert.Equal(JsonValueKind.Object, (await ravi.GetJson($"/api/boards/challenge-{id}?top=5")).GetProperty("me").ValueKind);

        // Applying a rule set replays the log under the rules: a reward is no rule's decision and stays as it was.
        var admin = await factory.SignedIn(ApiClient.Admin);
        var rules = await admin.GetStringAsync("/api/admin/rules");
        var applied = await admin.PostAsync("/api/admin/rules/apply", new StringContent(rules, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var after = await ravi.GetJson($"/api/challenges/{id}");
        Assert.Contains(await new DatabaseProbe(factory.DatabasePath).EventsWithPoints("challenge"), r => r.Points == 15);
        Assert.True(after.GetProperty("rewardedMe").GetBoolean());
        Assert.Equal(1, after.GetProperty("rewardedCount").GetInt32());
    }
}
