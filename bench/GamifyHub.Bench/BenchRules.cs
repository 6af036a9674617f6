using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Bench;

/// <summary>
/// The default rules without daily caps, diminishing returns, cooldowns or anti-gaming, which would otherwise score a
/// benchmark's thousands of events per employee per minute as zero: so the API stores the same award rows as the raw runs.
/// </summary>
public static class BenchRules
{
    public static readonly RuleSet Unlimited = RuleSet.Default with
    {
        Limits = new(new Dictionary<PointCategory, int>(), DiminishAfter: 0, DiminishFactor: 1m, CooldownMinutes: 0),
        AntiGaming = new(MinReadSeconds: 0, BurstCount: 0, BurstWindowSeconds: 0),
    };

    /// <summary>Signs in as the demo admin and applies <see cref="Unlimited"/> (a rescore of the demo's small log).</summary>
    public static async Task ApplyAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "admin@demo.gamifyhub", password = "Demo-Pass-2026!" });
        login.EnsureSuccessStatusCode();
        using var session = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.RootElement.GetProperty("accessToken").GetString());
        var applied = await http.PostAsync("/api/admin/rules/apply",
            new StringContent(RuleSetFormat.Write(Unlimited), Encoding.UTF8, "application/json"));
        if (!applied.IsSuccessStatusCode)
        {
            throw new BenchFailure($"Applying the benchmark's rules failed: {(int)applied.StatusCode} {await applied.Content.ReadAsStringAsync()}");
        }
    }
}
