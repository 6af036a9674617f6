using System.Net.Http.Json;

namespace GamifyHub.Testing;

/// <summary>
/// A browser-like sign-in without a cookie jar: keeps the cookies itself, so a test can copy the auth cookie and replay it
/// after the session ended (the way a stolen cookie would be used).
/// </summary>
public sealed class CookieSession(HttpClient client)
{
    public const string AuthCookie = "gamifyhub.auth";

    private readonly Dictionary<string, string> _cookies = [];

    public string? this[string name] => _cookies.GetValueOrDefault(name);

    /// <summary>The bearer token the sign-in answered with (the same login sets the cookie).</summary>
    public string? AccessToken { get; private set; }

    public static async Task<CookieSession> SignIn(GamifyHubFactory factory, string email, string password = ApiClient.Password)
    {
        var session = new CookieSession(factory.CreateClient(new() { HandleCookies = false }));
        var login = await session.Send(HttpMethod.Post, "/api/auth/login", new { email, password });
        Assert.True(login.IsSuccessStatusCode, $"Sign-in of {email} answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync()}");
        session.AccessToken = (await login.Json()).GetProperty("accessToken").GetString();
        return session;
    }

    /// <summary>A copy of the cookies as they are now (to replay later).</summary>
    public CookieSession Copy()
    {
        var copy = new CookieSession(client);
        foreach (var (name, value) in _cookies)
        {
            copy._cookies[name] = value;
        }

        copy.AccessToken = AccessToken;
        return copy;
    }

    /// <summary>Sends with the cookies; unsafe methods carry the CSRF token from the XSRF-TOKEN cookie.</summary>
    public async Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (method != HttpMethod.Get && this["XSRF-TOKEN"] is { } csrf)
        {
            request.Headers.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(csrf));
        }

        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(pair[0]);
            }
            else
            {
                _cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }
}
