using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Server.Auth;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Sessions end when they should (issue 12, item 7): logout, a password change, disabling and erasure end the person's
/// cookies and bearer tokens at once (401 on the very next request, not after the 30 s freshness bound) and close their
/// live hub connections; admin reset codes work once, expire and are refused when wrong.
/// </summary>
public sealed class SessionTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private const string FirstPassword = "first long pass phrase";
    private const string SecondPassword = "second long pass phrase";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>A fresh person (so ending their sessions disturbs no other test): sign-in id, employee id and email.</summary>
    private static async Task<(string Id, Guid EmployeeId, string Email)> NewPerson(GamifyHubFactory host, HttpClient admin)
    {
        var email = $"session.{Guid.NewGuid():N}@example.test";
        var department = (await admin.GetJson("/api/departments"))[0].GetProperty("id").GetGuid();
        var created = await admin.PostAsJsonAsync("/api/admin/people", new
        {
            name = "Sasha Session", email, departmentId = department, roles = new[] { "Employee" }, password = FirstPassword,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Json();
        return (body.GetProperty("id").GetString()!, body.GetProperty("employeeId").GetGuid(), email);
    }

    /// <summary>A signed-in person with a cookie session, a separate bearer token and a live hub connection.</summary>
    private sealed record Signed(CookieSession Cookie, CookieSession StolenCookie, HttpClient Bearer, HubConnection Hub, Task Closed);

    private static async Task<Signed> SignInEverywhere(GamifyHubFactory host, string email, string password = FirstPassword)
    {
        var cookie = await CookieSession.SignIn(host, email, password);
        var bearer = host.CreateClient(new() { HandleCookies = false });
        var token = (await (await bearer.PostAsJsonAsync("/api/auth/login", new { email, password })).Json()).GetProperty("accessToken").GetString();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("WatchBoard", "departments", "week");

        Assert.Equal(HttpStatusCode.OK, (await cookie.Send(HttpMethod.Get, "/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/me")).StatusCode);
        return new Signed(cookie, cookie.Copy(), bearer, hub, closed.Task);
    }

    /// <summary>The old cookie and the old bearer token get 401 on their very next request, and the hub connection closed.</summary>
    private static async Task AssertEnded(Signed signed)
    {
        await signed.Closed.WaitAsync(Deadline);
        Assert.Equal(HubConnectionState.Disconnected, signed.Hub.State);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signed.StolenCookie.Send(HttpMethod.Get, "/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signed.Bearer.GetAsync("/api/me")).StatusCode);
        await signed.Hub.DisposeAsync();
    }

    [Fact]
    public async Task Logout_ends_every_cookie_bearer_token_and_hub_connection_of_the_person_at_once()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var (_, _, email) = await NewPerson(factory, admin);
        var signed = await SignInEverywhere(factory, email);

        Assert.Equal(HttpStatusCode.NoContent, (await signed.Cookie.Send(HttpMethod.Post, "/api/auth/logout")).StatusCode);

        await AssertEnded(signed);
        Assert.Equal(HttpStatusCode.OK, (await (await CookieSession.SignIn(factory, email, FirstPassword)).Send(HttpMethod.Get, "/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sign_ins_and_keeps_the_changing_browser_signed_in()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var (id, _, email) = await NewPerson(factory, admin);
        var signed = await SignInEverywhere(factory, email);

        var changed = await signed.Cookie.Send(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = FirstPassword, newPassword = SecondPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await AssertEnded(signed);
        Assert.Equal(HttpStatusCode.OK, (await signed.Cookie.Send(HttpMethod.Get, "/api/me")).StatusCode);
        var old = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = FirstPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await CookieSession.SignIn(factory, email, SecondPassword)).Send(HttpMethod.Get, "/api/me")).StatusCode);

        var audit = (await admin.GetJson("/api/admin/audit?action=password.&limit=200")).GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("subject").GetString() == id);
        Assert.Equal("password.changed", audit.GetProperty("action").GetString());
        Assert.DoesNotContain("pass phrase", audit.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_400_problem_and_changes_nothing()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var (_, _, email) = await NewPerson(factory, admin);
        var signed = await SignInEverywhere(factory, email);

        await ProblemAssert.Is(await signed.Cookie.Send(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = "not the password at all", newPassword = SecondPassword }), HttpStatusCode.BadRequest, "current password is wrong");
        await ProblemAssert.Is(await signed.Cookie.Send(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = FirstPassword, newPassword = "short" }), HttpStatusCode.BadRequest, "at least 12");
        await ProblemAssert.Is(await signed.Cookie.Send(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = FirstPassword, newPassword = "my address " + email }), HttpStatusCode.BadRequest, "email");

        Assert.Equal(HttpStatusCode.OK, (await signed.StolenCookie.Send(HttpMethod.Get, "/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signed.Bearer.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HubConnectionState.Connected, signed.Hub.State);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = FirstPassword })).StatusCode);
        await signed.Hub.DisposeAsync();
    }

    [Fact]
    public async Task Disabling_ends_every_cookie_bearer_token_and_hub_connection_of_the_person_at_once()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var (id, _, email) = await NewPerson(factory, admin);
        var signed = await SignInEverywhere(factory, email);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/people/{id}/disable", null)).StatusCode);

        await AssertEnded(signed);
    }

    [Fact]
    public async Task Erasing_ends_every_cookie_bearer_token_and_hub_connection_of_the_person_at_once()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var (_, employeeId, email) = await NewPerson(factory, admin);
        var signed = await SignInEverywhere(factory, email);

        var erased = await admin.PostAsJsonAsync($"/api/admin/people/{employeeId}/erase", new { confirm = "ERASE" });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        await AssertEnded(signed);
    }

    [Fact]
    public async Task A_reset_code_sets_a_new_password_once_ends_the_old_sign_ins_and_a_wrong_code_is_refused()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var (id, _, email) = await NewPerson(factory, admin);
        var signed = await SignInEverywhere(factory, email);
        // No cookie jar: a signed-in cookie would make the anonymous route a cookie write that needs a CSRF token.
        var anonymous = factory.CreateClient(new() { HandleCookies = false });

        var issued = await admin.PostAsync($"/api/admin/people/{id}/password-reset", null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await issued.Json();
        var code = body.GetProperty("code").GetString()!;
        Assert.Contains(Uri.EscapeDataString(code), body.GetProperty("link").GetString());
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(1));

        // Issuing a code changes nothing yet: the person's sign-ins and password keep working until they use it.
        Assert.Equal(HttpStatusCode.OK, (await signed.Bearer.GetAsync("/api/me")).StatusCode);

        await ProblemAssert.Is(await anonymous.PostAsJsonAsync("/api/auth/password-reset",
            new { email, code = code[..^4] + "AAAA", newPassword = SecondPassword }), HttpStatusCode.BadRequest, "wrong, used or expired");
        await ProblemAssert.Is(await anonymous.PostAsJsonAsync("/api/auth/password-reset",
            new { email = ApiClient.Sofia, code, newPassword = SecondPassword }), HttpStatusCode.BadRequest, "wrong, used or expired");
        await ProblemAssert.Is(await anonymous.PostAsJsonAsync("/api/auth/password-reset",
            new { email, code, newPassword = "short" }), HttpStatusCode.BadRequest, "at least 12");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = FirstPassword })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent,
            (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email, code, newPassword = SecondPassword })).StatusCode);
        await AssertEnded(signed);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = SecondPassword })).StatusCode);

        await ProblemAssert.Is(await anonymous.PostAsJsonAsync("/api/auth/password-reset",
            new { email, code, newPassword = "third long pass phrase" }), HttpStatusCode.BadRequest, "wrong, used or expired");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = SecondPassword })).StatusCode);

        var actions = (await admin.GetJson("/api/admin/audit?action=password.&limit=200")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() == id).ToList();
        Assert.Equal(["password.reset", "password.reset-issued"], actions.Select(e => e.GetProperty("action").GetString()).Order());
        Assert.All(actions, e => Assert.DoesNotContain(code[..16], e.GetRawText(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_admins_issue_reset_codes()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var admin = await factory.SignedIn(ApiClient.Admin);
        var (id, _, _) = await NewPerson(factory, admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PostAsync($"/api/admin/people/{id}/password-reset", null)).StatusCode);
        await ProblemAssert.Is(await admin.PostAsync("/api/admin/people/no-such-person/password-reset", null), HttpStatusCode.NotFound, "no person");
    }

    [Fact]
    public async Task Revoking_a_wallboard_api_key_closes_its_hub_connections()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "Hall screen", scopes = new[] { "wallboard" } })).Json();
        var key = created.GetProperty("key").GetString()!;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Headers["X-Api-Key"] = key;
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("WatchBoard", "departments", "week");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/api-keys/{created.GetProperty("id").GetGuid()}")).StatusCode);

        await closed.Task.WaitAsync(Deadline);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }
}

/// <summary>Reset codes expire: a host whose reset clock the test moves.</summary>
public sealed class PasswordResetExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private GamifyHubFactory _factory = null!;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    public Task InitializeAsync()
    {
        _factory = new GamifyHubFactory();
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddKeyedSingleton<TimeProvider>(PasswordResetCodes.ClockKey, _clock)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_reset_code_is_refused_after_it_expired()
    {
        var client = _host.CreateClient();
        var token = (await (await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Admin, password = ApiClient.Password })).Json())
            .GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var ravi = (await client.GetJson("/api/admin/people?search=ravi")).GetProperty("items")[0].GetProperty("id").GetString();
        var issued = await (await client.PostAsync($"/api/admin/people/{ravi}/password-reset", null)).Json();
        Assert.Equal(_clock.GetUtcNow().AddHours(24), issued.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(2));

        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var anonymous = _host.CreateClient();
        await ProblemAssert.Is(await anonymous.PostAsJsonAsync("/api/auth/password-reset",
            new { email = ApiClient.Ravi, code = issued.GetProperty("code").GetString(), newPassword = "a brand new pass phrase" }),
            HttpStatusCode.BadRequest, "wrong, used or expired");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Ravi, password = ApiClient.Password })).StatusCode);
    }
}
