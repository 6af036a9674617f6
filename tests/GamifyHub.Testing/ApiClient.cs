using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GamifyHub.Testing;

/// <summary>Signs in like an integrator would (bearer token) and reads answers as JSON.</summary>
public static class ApiClient
{
    public const string Password = "Demo-Pass-2026!";
    public const string Ravi = "ravi.patel@demo.gamifyhub";
    public const string Sofia = "sofia.rossi@demo.gamifyhub";
    public const string Lena = "lena.mueller@demo.gamifyhub";
    public const string Admin = "admin@demo.gamifyhub";
    public const string ApiKey = "demo-ingest-key";

    public static async Task<string> TokenFor(HttpClient client, string email, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpClient> SignedIn(this GamifyHubFactory factory, string email, string password = Password)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenFor(client, email, password));
        return client;
    }

    public static HttpClient WithApiKey(this GamifyHubFactory factory, string key = ApiKey)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>The body as JSON; safe to call more than once on the same answer.</summary>
    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJson(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Json();
    }

    /// <summary>The newest open inbox item of the signed-in employee's department (that matches, if asked).</summary>
    public static async Task<string> FirstOpenItem(this HttpClient client, Func<JsonElement, bool>? matching = null)
    {
        var page = await client.GetJson("/api/feedback?status=open&pageSize=100");
        return page.GetProperty("items").EnumerateArray().First(i => matching?.Invoke(i) ?? true).GetProperty("id").GetString()!;
    }
}
