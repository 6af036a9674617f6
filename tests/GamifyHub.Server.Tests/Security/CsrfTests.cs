using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests.Security;

/// <summary>Writes signed in by the web app's cookie need the CSRF token; other credentials do not.</summary>
public sealed class CsrfTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    /// <summary>A browser-like session: the cookies the server set, sent back by hand so the test can read them.</summary>
    private sealed class CookieSession(HttpClient client)
    {
        private readonly Dictionary<string, string> _cookies = [];

        public string? this[string name] => _cookies.GetValueOrDefault(name);

        public async Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null, string? csrf = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            if (csrf is not null)
            {
                request.Headers.Add("X-XSRF-TOKEN", csrf);
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

    private async Task<CookieSession> SignIn(string email)
    {
        var session = new CookieSession(factory.CreateClient(new() { HandleCookies = false }));
        var login = await session.Send(HttpMethod.Post, "/api/auth/login", new { email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.NotNull(session["gamifyhub.auth"]);
        Assert.NotNull(session["XSRF-TOKEN"]);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal) && !c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        return session;
    }

    private async Task<long> Points(CookieSession session) =>
        (await (await session.Send(HttpMethod.Get, "/api/me")).Json()).GetProperty("points").GetInt64();

    [Fact]
    public async Task A_cookie_write_without_the_token_is_refused_and_changes_nothing_and_with_it_is_accepted()
    {
        var session = await SignIn(ApiClient.Ravi);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem();
        var before = await Points(session);
        var history = (await ravi.GetJson($"/api/feedback/{item}")).ToString();

        var refused = await session.Send(HttpMethod.Post, $"/api/feedback/{item}/actions", new { type = "read" });
        await ProblemAssert.Is(refused, HttpStatusCode.Forbidden, "X-XSRF-TOKEN");
        var wrong = await session.Send(HttpMethod.Post, $"/api/feedback/{item}/actions", new { type = "read" }, csrf: "forged");
        await ProblemAssert.Is(wrong, HttpStatusCode.Forbidden, "does not match");
        Assert.Equal(before, await Points(session));
        Assert.Equal(history, (await ravi.GetJson($"/api/feedback/{item}")).ToString());

        var accepted = await session.Send(HttpMethod.Post, $"/api/feedback/{item}/actions", new { type = "read" }, csrf: session["XSRF-TOKEN"]);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotEqual(history, (await ravi.GetJson($"/api/feedback/{item}")).ToString());
    }

    [Fact]
    public async Task Another_users_token_does_not_pass()
    {
        var sofia = await SignIn(ApiClient.Sofia);
        var ravi = await SignIn(ApiClient.Ravi);
        var refused = await ravi.Send(HttpMethod.Post, "/api/notifications/read-all", csrf: sofia["XSRF-TOKEN"]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_renews_the_cookie_and_sign_out_needs_the_token_too()
    {
        var session = await SignIn(ApiClient.Lena);
        var token = await (await session.Send(HttpMethod.Get, "/api/auth/csrf")).Json();
        Assert.Equal("X-XSRF-TOKEN", token.GetProperty("headerName").GetString());
        Assert.Equal(session["XSRF-TOKEN"], token.GetProperty("token").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await session.Send(HttpMethod.Post, "/api/auth/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Send(HttpMethod.Get, "/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await session.Send(HttpMethod.Post, "/api/auth/logout", csrf: session["XSRF-TOKEN"])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Send(HttpMethod.Get, "/api/me")).StatusCode);
    }

    [Fact]
    public async Task Bearer_and_api_key_writes_need_no_token()
    {
        var ravi = factory.CreateClient(new() { HandleCookies = false });
        ravi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiClient.TokenFor(ravi, ApiClient.Ravi));
        var item = await ravi.FirstOpenItem();
        Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read" })).StatusCode);

        var integration = factory.WithApiKey();
        var ingested = await integration.PostAsJsonAsync("/api/feedback",
            new { channel = "x", externalId = $"csrf-{Guid.CreateVersion7()}", text = "The export button does nothing." });
        Assert.Equal(HttpStatusCode.Created, ingested.StatusCode);
    }
}
