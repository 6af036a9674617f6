using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Server.Demo;
using GamifyHub.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Issue 12 items 1, 2 and 8: a challenge's board, its hub group and its pushes follow who may see the challenge; a challenge
/// record carries no more about people than the boards may show; an unknown challenge id is refused without a grain.
/// The tests of this class change the privacy settings, so they have a server of their own (and restore the defaults).
/// </summary>
public sealed class ChallengePrivacyTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static readonly object Defaults = new { individualBoards = true, minimumGroupSize = 5, managersSeeIndividuals = false };

    private static async Task SetPrivacy(HttpClient admin, object settings) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/privacy", settings)).StatusCode);

    private static async Task<Dictionary<string, string>> Departments(HttpClient client) =>
        (await client.GetJson("/api/departments")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("slug").GetString()!, d => d.GetProperty("id").GetString()!);

    private static async Task<string> EmployeeId(HttpClient client) => (await client.GetJson("/api/me")).GetProperty("employeeId").GetString()!;

    private static async Task<string> Create(HttpClient manager, string scope, string[] departments, double target, string name)
    {
        var answer = await manager.PostAsJsonAsync("/api/challenges", new
        {
            name, description = "Privacy", metric = "action-count", action = "tag", category = (string?)null, target,
            startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddDays(2), scope, departmentIds = departments,
            rewardPoints = 10, rewardBadge = (string?)null, recurrence = "none", schedule = true,
        });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return (await answer.Json()).GetProperty("id").GetString()!;
    }

    /// <summary>Tags by <paramref name="employeeEmail"/> through the integration API (the simulator is off in tests).</summary>
    private async Task Tag(string employeeEmail, int count = 1)
    {
        var events = Enumerable.Range(0, count).Select(_ => new { eventId = Guid.CreateVersion7(), employee = employeeEmail, type = "tag" });
        Assert.Equal(HttpStatusCode.OK, (await factory.WithApiKey().PostAsJsonAsync("/api/events/batch", new { events })).StatusCode);
    }

    /// <summary>Whether a grain with this Guid key is active anywhere in the silo.</summary>
    private async Task<bool> GrainActive(Guid key)
    {
        var statistics = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Any(s => s.GrainId.ToString().Contains(key.ToString("N"), StringComparison.OrdinalIgnoreCase)
            || s.GrainId.ToString().Contains(key.ToString("D"), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Another_departments_employee_cannot_read_watch_or_be_pushed_a_department_challenge()
    {
        var lena = await factory.SignedIn(ApiClient.Lena);
        var rnd = (await Departments(lena))["rnd"];
        var id = await Create(lena, "department", [rnd], 1000, "R&D only");
        var sofia = await factory.SignedIn(ApiClient.Sofia);

        await ProblemAssert.Is(await sofia.GetAsync($"/api/challenges/{id}"), HttpStatusCode.NotFound, "no challenge");
        await ProblemAssert.Is(await sofia.GetAsync($"/api/boards/challenge-{id}"), HttpStatusCode.NotFound, "no challenge");
        await using var sofiaLive = await LiveClient.Connect(factory, ApiClient.Sofia);
        var refused = await Assert.ThrowsAsync<HubException>(() => sofiaLive.WatchBoard($"challenge-{id}", "all"));
        Assert.Contains("no challenge", refused.Message);

        // R&D reads and watches it; its push reaches R&D, and nothing of it reaches Sofia.
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        Assert.Equal(HttpStatusCode.OK, (await ravi.GetAsync($"/api/boards/challenge-{id}")).StatusCode);
        await using var raviLive = await LiveClient.Connect(factory, ApiClient.Ravi);
        await raviLive.WatchBoard($"challenge-{id}", "all");
        await Tag(ApiClient.Ravi);
        await Eventually.True(() => Task.FromResult(raviLive.ChallengeChanges.Any(c => c.GetProperty("id").GetString() == id
            && c.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("value").GetDouble() >= 1))), timeoutMs: 30_000);
        await Eventually.True(() => Task.FromResult(raviLive.BoardChanges.Any(c => c.GetProperty("board").GetString() == $"challenge-{id}")),
            timeoutMs: 30_000);
        Assert.DoesNotContain(sofiaLive.ChallengeChanges, c => c.GetProperty("id").GetString() == id);
        Assert.DoesNotContain(sofiaLive.BoardChanges, c => c.GetProperty("board").GetString() == $"challenge-{id}");
        Assert.DoesNotContain(id, (await sofia.GetStringAsync("/api/challenges")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_challenge_board_is_refused_without_activating_a_grain()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var unknown = Guid.NewGuid();

        await ProblemAssert.Is(await ravi.GetAsync($"/api/boards/challenge-{unknown}"), HttpStatusCode.NotFound, "no challenge");
        await using var live = await LiveClient.Connect(factory, ApiClient.Ravi);
        await Assert.ThrowsAsync<HubException>(() => live.WatchBoard($"challenge-{unknown}", "all"));
        await ProblemAssert.Is(await ravi.GetAsync($"/api/challenges/{unknown}"), HttpStatusCode.NotFound, "no challenge");

        Assert.False(await GrainActive(unknown), "an unknown challenge id activated a grain");
    }

    [Fact]
    public async Task A_company_challenge_never_names_an_opted_out_colleague_by_their_real_id()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var raviId = await EmployeeId(ravi);
        Assert.Equal(HttpStatusCode.OK, (await ravi.PutAsJsonAsync("/api/me/privacy", new { rankedByName = false })).StatusCode);
        try
        {
            var id = await Create(admin, "company", [], 1, "Everyone tags once");
            await using var sofiaLive = await LiveClient.Connect(factory, ApiClient.Sofia);
            await sofiaLive.WatchBoard($"challenge-{id}", "all");

            // Ravi's tag reaches the collective goal: he is rewarded, as a contributor.
            await Tag(ApiClient.Ravi);
            var sofia = await factory.SignedIn(ApiClient.Sofia);
            await Eventually.True(async () => (await sofia.GetJson($"/api/challenges/{id}")).GetProperty("status").GetString() == "completed",
                timeoutMs: 30_000);
            var seen = await sofia.GetJson($"/api/challenges/{id}");
            Assert.Equal(1, seen.GetProperty("rewardedCount").GetInt32());
            Assert.False(seen.GetProperty("rewardedMe").GetBoolean());
            Assert.False(seen.TryGetProperty("rewarded", out _));
            Assert.DoesNotContain(raviId, seen.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Ravi", seen.GetRawText(), StringComparison.Ordinal);
            await Eventually.True(() => Task.FromResult(sofiaLive.ChallengeChanges.Any(c => c.GetProperty("id").GetString() == id
                && c.GetProperty("status").GetString() == "completed")), timeoutMs: 30_000);
            Assert.All(sofiaLive.ChallengeChanges, c => Assert.DoesNotContain(raviId, c.GetRawText(), StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(raviId, (await sofia.GetStringAsync($"/api/boards/challenge-{id}")), StringComparison.OrdinalIgnoreCase);

            // Ravi sees his own reward and his own row (by name, marked as his).
            var own = await ravi.GetJson($"/api/challenges/{id}");
            Assert.True(own.GetProperty("rewardedMe").GetBoolean());
            Assert.Contains(own.GetProperty("units").EnumerateArray(), u => u.GetProperty("isYou").GetBoolean()
                && u.GetProperty("name").GetString() == "Ravi Patel");
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await ravi.PutAsJsonAsync("/api/me/privacy", new { rankedByName = true })).StatusCode);
        }
    }

    [Fact]
    public async Task With_individual_boards_off_a_challenge_carries_nothing_about_any_person()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var raviId = await EmployeeId(ravi);
        var lenaId = await EmployeeId(await factory.SignedIn(ApiClient.Lena));
        var id = await Create(admin, "company", [], 2, "Two tags together");
        await SetPrivacy(admin, new { individualBoards = false, minimumGroupSize = 5, managersSeeIndividuals = false });
        try
        {
            await using var sofiaLive = await LiveClient.Connect(factory, ApiClient.Sofia);
            await sofiaLive.WatchBoard($"challenge-{id}", "all");
            await Tag(ApiClient.Ravi);
            await Tag(ApiClient.Lena);
            var sofia = await factory.SignedIn(ApiClient.Sofia);
            await Eventually.True(async () => (await sofia.GetJson($"/api/challenges/{id}")).GetProperty("status").GetString() == "completed",
                timeoutMs: 30_000);
            var seen = await sofia.GetJson($"/api/challenges/{id}");
            Assert.Empty(seen.GetProperty("units").EnumerateArray());
            Assert.Equal(2, seen.GetProperty("total").GetDouble());
            await Eventually.True(() => Task.FromResult(sofiaLive.ChallengeChanges.Any(c => c.GetProperty("id").GetString() == id
                && c.GetProperty("status").GetString() == "completed")), timeoutMs: 30_000);
            foreach (var text in sofiaLive.ChallengeChanges.Select(c => c.GetRawText()).Append(seen.GetRawText()))
            {
                foreach (var person in new[] { raviId, lenaId, "Ravi", "Lena" })
                {
                    Assert.DoesNotContain(person, text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        finally
        {
            await SetPrivacy(admin, Defaults);
        }
    }

    [Fact]
    public async Task A_team_challenge_with_a_withheld_department_gives_no_total_to_subtract_from()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var departments = await Departments(admin);
        var headcounts = (await ravi.GetJson("/api/boards/departments?window=all&top=100&view=per-head")).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("memberId").GetString()!, r => r.GetProperty("headcount").GetInt32());
        var rnd = departments["rnd"];
        // The smallest department other than R&D, withheld by a minimum group size one above its headcount.
        var (smallSlug, small) = departments.Where(d => d.Key != "rnd").MinBy(d => headcounts[d.Value]);
        var minimum = headcounts[small] + 1;
        Assert.True(headcounts[rnd] >= minimum, "R&D is bigger than the smallest department");
        var colleague = DemoCompany.EmailFor(DemoCompany.Colleagues.First(c => c.DepartmentSlug == smallSlug).Name);

        var id = await Create(admin, "team-vs-team", [rnd, small], 100, "R&D against a small team");
        await SetPrivacy(admin, new { individualBoards = true, minimumGroupSize = minimum, managersSeeIndividuals = false });
        try
        {
            await Tag(ApiClient.Ravi, 2);
            await Tag(colleague, 3);
            await Eventually.True(async () => (await ravi.GetJson($"/api/challenges/{id}")).GetProperty("units").EnumerateArray()
                .Any(u => u.GetProperty("id").GetString() == rnd && u.GetProperty("value").GetDouble() >= 2), timeoutMs: 30_000);
            var seen = await ravi.GetJson($"/api/challenges/{id}");
            var units = seen.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);
            Assert.Equal(2, units[rnd].GetProperty("value").GetDouble());
            Assert.Equal(JsonValueKind.Null, units[small].GetProperty("value").ValueKind);
            Assert.Equal(0, units[small].GetProperty("rank").GetInt32());
            // Total minus R&D would be the small team's figure: there is no total, and no count of those rewarded.
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("total").ValueKind);
            Assert.False(seen.GetProperty("totalReached").GetBoolean());
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("rewardedCount").ValueKind);
            Assert.Equal(2, seen.GetProperty("mine").GetDouble());

            // The push to the challenge's watchers has no total either.
            await using var watcher = await LiveClient.Connect(factory, ApiClient.Ravi);
            await watcher.WatchBoard($"challenge-{id}", "all");
            await Tag(ApiClient.Ravi);
            await Eventually.True(() => Task.FromResult(watcher.ChallengeChanges.Any(c => c.GetProperty("id").GetString() == id)),
                timeoutMs: 30_000);
            Assert.All(watcher.ChallengeChanges, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("total").ValueKind));
        }
        finally
        {
            await SetPrivacy(admin, Defaults);
        }

        // With nobody withheld the total is the whole scope's again.
        Assert.Equal(6, (await ravi.GetJson($"/api/challenges/{id}")).GetProperty("total").GetDouble());
    }
}
