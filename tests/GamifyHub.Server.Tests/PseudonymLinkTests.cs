using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Issue 12, point 4: nothing a colleague or a manager reads ties a pseudonym to a name — not the item's history, not the
/// activity feed's ids, not a kudos answer or notification. Its own server: Ravi's consent changes.
/// </summary>
public sealed class PseudonymLinkTests
{
    [Fact]
    public async Task The_item_history_shows_an_opted_out_colleague_by_pseudonym_and_thanks_go_by_entry_without_saying_who()
    {
        using var host = new GamifyHubFactory();
        var admin = await host.SignedIn(ApiClient.Admin);
        var ravi = await host.SignedIn(ApiClient.Ravi);
        var lena = await host.SignedIn(ApiClient.Lena);
        var raviId = (await KudosSteps.EmployeeId(ravi)).ToString();
        var rnd = (await ravi.GetJson("/api/me")).GetProperty("departmentId").GetString();

        // Nora: an employee of R&D who never decided on her consent (so she has a pseudonym too).
        var noraEmail = $"nora.{Guid.NewGuid():N}@example.com";
        var created = await admin.PostAsJsonAsync("/api/admin/people", new
        {
            name = "Nora Neu", email = noraEmail, departmentId = rnd, roles = new[] { "Employee" }, password = ApiClient.Password,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var nora = await host.SignedIn(noraEmail);

        var item = await KudosSteps.ItemRaviActedOn(ravi);
        var resolve = await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "resolve", note = "Fixed in 2.4" });
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var eventId = (await resolve.Json()).GetProperty("eventId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await ravi.PutAsJsonAsync("/api/me/privacy", new { rankedByName = false })).StatusCode);
        var mine = await ravi.GetJson("/api/me/privacy");
        var pseudonym = mine.GetProperty("pseudonym").GetString()!;
        var pseudonymId = mine.GetProperty("pseudonymId").GetString()!;

        // A colleague sees his pseudonym (with the pseudonym's id) wherever the item names who did what.
        var detail = await nora.GetJson($"/api/feedback/{item}");
        AssertNoTrace(detail, raviId);
        var his = detail.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("employeeName").GetString() == pseudonym).ToList();
        Assert.True(his.Count >= 2); // the read and the resolve
        Assert.All(his, h => Assert.Equal(pseudonymId, h.GetProperty("employeeId").GetString()));
        Assert.All(his, h => Assert.True(h.GetProperty("pseudonym").GetBoolean()));
        Assert.Equal(pseudonym, detail.GetProperty("resolution").GetProperty("by").GetString());

        // A manager, while managers see no individuals, sees "a colleague": neither name nor pseudonym nor any id.
        var managed = await lena.GetJson($"/api/feedback/{item}");
        AssertNoTrace(managed, raviId);
        Assert.DoesNotContain(pseudonym, managed.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(pseudonymId, managed.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.All(managed.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("eventId").GetString() == eventId),
            h => Assert.True(h.GetProperty("hidden").GetBoolean()));

        // The feed shows the resolve under the pseudonym, and its entry id is not the event id the history lists.
        var feed = await nora.GetJson($"/api/departments/{rnd}/activity?limit=50");
        AssertNoTrace(feed, raviId);
        Assert.DoesNotContain(eventId, feed.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Guid.Parse(eventId).ToString("N"), feed.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // Nora thanks him by the history entry; the answer does not say who it was.
        var entry = his.First(h => h.GetProperty("canThank").GetBoolean());
        var thanked = await nora.PostAsJsonAsync("/api/kudos", new { eventId = entry.GetProperty("eventId").GetString(), feedbackId = item,
            message = "Thanks!" });
        Assert.Equal(HttpStatusCode.Created, thanked.StatusCode);
        var answer = await thanked.Json();
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("receiver").ValueKind);
        AssertNoTrace(answer, raviId);
        Assert.True((await nora.GetJson($"/api/feedback/{item}")).GetProperty("history").EnumerateArray()
            .Where(h => h.GetProperty("employeeName").GetString() == pseudonym).All(h => h.GetProperty("thankedByMe").GetBoolean()));

        // Ravi's notification names Nora as his feed shows her: by her pseudonym, not her name.
        var probe = new DatabaseProbe(host.DatabasePath);
        await Eventually.True(async () => await probe.Scalar<long>(
            $"SELECT COUNT(*) FROM Notifications WHERE Type = 'kudos' AND EmployeeId = '{raviId.ToUpperInvariant()}'") > 0);
        Assert.Equal(0, await probe.Scalar<long>(
            $"SELECT COUNT(*) FROM Notifications WHERE Type = 'kudos' AND EmployeeId = '{raviId.ToUpperInvariant()}' AND (Title LIKE '%Nora%' OR Message LIKE '%Nora%')"));

        // Bad references: an entry of no item, both ways at once.
        await ProblemAssert.Is(await nora.PostAsJsonAsync("/api/kudos", new { eventId = Guid.CreateVersion7(), feedbackId = item }),
            HttpStatusCode.NotFound, "history entry");
        await ProblemAssert.Is(await nora.PostAsJsonAsync("/api/kudos", new { eventId, receiver = raviId, feedbackId = item }),
            HttpStatusCode.BadRequest, "eventId");
    }

    private static void AssertNoTrace(JsonElement answer, string employeeId)
    {
        var text = answer.GetRawText();
        Assert.DoesNotContain("Ravi", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(employeeId, text, StringComparison.OrdinalIgnoreCase);
    }
}
