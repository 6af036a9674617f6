using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class ChallengeRestartTests
{
    // Reminders repeat every second here, so a start missed while the server was down is caught up quickly.
    private static readonly (string, string) FastReminders = ("Challenges:ReminderPeriodSeconds", "1");

    [Fact]
    public async Task A_challenge_scheduled_before_a_restart_starts_and_ends_by_its_reminder_after_it()
    {
        var path = TempDatabase.NewPath();
        string id;
        await using (var first = GamifyHubFactory.OnDatabase(path, FastReminders))
        {
            var lena = await first.SignedIn(ApiClient.Lena);
            var rnd = (await lena.GetJson("/api/departments")).EnumerateArray()
                .Single(d => d.GetProperty("slug").GetString() == "rnd").GetProperty("id").GetString();
            var answer = await lena.PostAsJsonAsync("/api/challenges", new
            {
                name = "After the restart",
                description = "",
                metric = "action-count",
                action = "read",
                category = (string?)null,
                target = 1,
                startsAt = DateTimeOffset.UtcNow.AddSeconds(4),
                // Long enough for the second server to come up under a CI run's load: a reminder that first fires after the
                // end starts and ends the challenge in one step (expired, nobody read), and the test could not see it run.
                endsAt = DateTimeOffset.UtcNow.AddSeconds(45),
                scope = "department",
                departmentIds = new[] { rnd },
                rewardPoints = 30,
                rewardBadge = (string?)null,
                recurrence = "none",
                schedule = true,
            });
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            var created = await answer.Json();
            Assert.Equal("scheduled", created.GetProperty("status").GetString());
            id = created.GetProperty("id").GetString()!;
        }

        // The first process is gone before the start. Nothing below asks for the challenge until its row says it started:
        // only the reminder stored in the database can have woken it. The reminder service reads its table only once the
        // silo is up, which took over 30 s under a CI run's load: the deadlines are generous, the waits end on the condition.
        await using var second = GamifyHubFactory.OnDatabase(path, FastReminders);
        var probe = new DatabaseProbe(path);
        var ravi = await second.SignedIn(ApiClient.Ravi);
        await Eventually.True(async () => await probe.Scalar<string>($"SELECT Status FROM Challenges WHERE Id = '{id.ToUpperInvariant()}'") == "Active",
            timeoutMs: 90_000);

        var item = await ravi.FirstOpenItem(i => !i.GetProperty("readByMe").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read" })).StatusCode);
        await Eventually.True(async () => await probe.Scalar<string>($"SELECT Status FROM Challenges WHERE Id = '{id.ToUpperInvariant()}'") == "Completed",
            timeoutMs: 120_000);

        var challenge = await ravi.GetJson($"/api/challenges/{id}");
        Assert.Equal("completed", challenge.GetProperty("status").GetString());
        Assert.True(challenge.GetProperty("rewardedMe").GetBoolean());
        Assert.Equal(1, challenge.GetProperty("rewardedCount").GetInt32());
        Assert.Equal(30L, Assert.Single(await probe.EventsWithPoints("challenge")).Points);
        // A finished challenge leaves no reminder behind (challenges are the only reminders).
        await Eventually.True(async () => await probe.Scalar<long>("SELECT COUNT(*) FROM Reminders") == 0);
    }
}
