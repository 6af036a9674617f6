using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Totals_boards_and_item_state_survive_a_restart_of_the_process()
    {
        var path = TempDatabase.NewPath();
        string item;
        long points;
        string employeesWeek;
        string departmentsAll;
        int historyBefore;
        await using (var first = GamifyHubFactory.OnDatabase(path))
        {
            var ravi = await first.SignedIn(ApiClient.Ravi);
            // Not a negative item: resolving one earns ×1.5, and the 19 points below are the plain case.
            item = await ravi.FirstOpenItem(i => i.GetProperty("replyCount").GetInt32() == 0
                && i.GetProperty("sentiment").GetString() != "negative");
            historyBefore = (await ravi.GetJson($"/api/feedback/{item}")).GetProperty("history").GetArrayLength();
            foreach (var action in new object[] { new { type = "read" }, new { type = "reply", text = "Hi" }, new { type = "resolve", note = "Done" } })
            {
                Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", action)).StatusCode);
            }

            await Eventually.True(async () => (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64() == 19);
            // Boards are fed after the commit too; read them once they caught up.
            await Eventually.True(async () => (await ravi.GetJson("/api/boards/employees?window=week&top=1")).GetProperty("me")
                is { ValueKind: System.Text.Json.JsonValueKind.Object } me && me.GetProperty("score").GetInt64() == 19);
            var researchPoints = await new DatabaseProbe(first.DatabasePath).Scalar<long>(
                "SELECT SUM(a.Points) FROM Awards a JOIN Departments d ON d.Id = a.DepartmentId WHERE d.Slug = 'rnd'");
            await Eventually.True(async () => (await ravi.GetJson("/api/boards/departments?window=all&top=100")).GetProperty("rows")
                .EnumerateArray().Any(r => r.GetProperty("name").GetString() == "Research & Development" && r.GetProperty("score").GetInt64() == researchPoints));
            points = (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64();
            employeesWeek = Rows(await ravi.GetJson("/api/boards/employees?window=week&top=100"));
            departmentsAll = Rows(await ravi.GetJson("/api/boards/departments?window=all&top=100"));
        }

        await using var second = GamifyHubFactory.OnDatabase(path);
        var raviAgain = await second.SignedIn(ApiClient.Ravi);
        Assert.Equal(points, (await raviAgain.GetJson("/api/me")).GetProperty("points").GetInt64());
        Assert.Equal(employeesWeek, Rows(await raviAgain.GetJson("/api/boards/employees?window=week&top=100")));
        Assert.Equal(departmentsAll, Rows(await raviAgain.GetJson("/api/boards/departments?window=all&top=100")));
        var again = await raviAgain.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "resolve", note = "Again" });
        await ProblemAssert.Is(again, HttpStatusCode.Conflict, "already resolved");
        var detail = await raviAgain.GetJson($"/api/feedback/{item}");
        Assert.Equal("resolved", detail.GetProperty("item").GetProperty("status").GetString());
        Assert.Equal(historyBefore + 3, detail.GetProperty("history").GetArrayLength());
    }

    private static string Rows(System.Text.Json.JsonElement board) => string.Join(";", board.GetProperty("rows").EnumerateArray()
        .Select(r => $"{r.GetProperty("rank")}:{r.GetProperty("memberId")}:{r.GetProperty("score")}"));
}
