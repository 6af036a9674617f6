using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;
using Xunit.Abstractions;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Login answers take the same time for a locked account, a disabled one, a wrong password and an unknown address (issue 12,
/// item 9): every path spends exactly one password hash. Measured as distributions that must overlap — each kind's median
/// lies within every other kind's min–max range — never as an absolute time (the machine may be loaded).
/// </summary>
public sealed class LoginTimingTests(GamifyHubFactory factory, ITestOutputHelper output) : IClassFixture<GamifyHubFactory>
{
    private const int Tries = 24;
    private const string Password = "the real long pass phrase";
    private const string Wrong = "a wrong but long pass phrase";

    private async Task<(string Id, string Email)> NewPerson(HttpClient admin)
    {
        var email = $"timing.{Guid.NewGuid():N}@example.test";
        var department = (await admin.GetJson("/api/departments"))[0].GetProperty("id").GetGuid();
        var created = await admin.PostAsJsonAsync("/api/admin/people", new
        {
            name = "Tim Timing", email, departmentId = department, roles = new[] { "Employee" }, password = Password,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Json()).GetProperty("id").GetString()!, email);
    }

    [Fact]
    public async Task Locked_disabled_wrong_password_and_unknown_accounts_answer_in_overlapping_times()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var client = factory.CreateClient();

        var (_, locked) = await NewPerson(admin);
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = locked, password = Wrong });
        }

        await ProblemAssert.Is(await client.PostAsJsonAsync("/api/auth/login", new { email = locked, password = Wrong }),
            HttpStatusCode.Unauthorized, "locked");

        var (disabledId, disabled) = await NewPerson(admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/people/{disabledId}/disable", null)).StatusCode);

        // A real account locks after 5 failures: wrong passwords rotate over enough people to stay below that.
        var wrong = new List<string>();
        for (var i = 0; i <= Tries / 4; i++)
        {
            wrong.Add((await NewPerson(admin)).Email);
        }

        var kinds = new Dictionary<string, Func<int, string>>
        {
            ["locked"] = _ => locked,
            ["disabled"] = _ => disabled,
            ["wrong password"] = i => wrong[i / 4],
            ["unknown"] = _ => $"nobody.{Guid.NewGuid():N}@example.test",
        };
        var times = kinds.Keys.ToDictionary(k => k, _ => new List<double>());

        // Warm up every path once, then interleave the kinds so load on the machine hits them alike.
        foreach (var (_, email) in kinds)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = email(Tries), password = Wrong });
        }

        for (var i = 0; i < Tries; i++)
        {
            foreach (var (kind, email) in kinds)
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await client.PostAsJsonAsync("/api/auth/login", new { email = email(i), password = Wrong });
                times[kind].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            }
        }

        foreach (var (kind, list) in times)
        {
            list.Sort();
            output.WriteLine($"{kind,-15} min {list[0],7:F1}  median {Median(list),7:F1}  max {list[^1],7:F1} ms");
        }

        foreach (var (kind, list) in times)
        {
            foreach (var (other, others) in times.Where(t => t.Key != kind))
            {
                var median = Median(list);
                Assert.True(median >= others[0] && median <= others[^1],
                    $"The median answer for '{kind}' ({median:F1} ms) lies outside the range of '{other}' ({others[0]:F1}–{others[^1]:F1} ms)");
            }
        }
    }

    private static double Median(List<double> sorted) => sorted.Count % 2 == 1
        ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
