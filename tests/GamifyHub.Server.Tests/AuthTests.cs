using Microsoft.AspNetCore.Authorization;
using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Server.Tests;

public sealed class AuthTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static readonly HashSet<string> Anonymous = ["/health/live", "/health/ready", "/api/auth/login", "/api/auth/demo-accounts",
        "/api/auth/providers", "/api/auth/external/oidc", "/api/auth/external/complete", "/api/auth/password-reset"];

    /// <summary>Open to anyone, but each request carries its own credential: a webhook delivery's signature.</summary>
    private const string Webhook = "/api/webhooks/{source}";

    [Fact]
    public async Task Every_route_except_health_sign_in_and_the_page_needs_a_sign_in()
    {
        var client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var checkedRoutes = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (pattern.Contains("{*path:nonfile}", StringComparison.Ordinal) && !pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                continue; // the web client's own page
            }

            var url = pattern.Replace("{id:guid}", Guid.CreateVersion7().ToString()).Replace("{board}", "employees")
                .Replace("{*path:nonfile}", "nothing").Replace("{documentName}", "v1")
                .Replace("{id}", Guid.CreateVersion7().ToString());
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = method == "GET" ? null : JsonContent.Create(new { }),
                });
                checkedRoutes++;
                if (pattern == Webhook)
                {
                    await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, "X-GamifyHub-Timestamp"); // unsigned; signatures: WebhookApiTests
                }
                else if (Anonymous.Contains(pattern))
                {
                    Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} answered {response.StatusCode} without a sign-in");
                }
            }
        }

        Assert.True(checkedRoutes >= 12, $"only {checkedRoutes} routes were found");

        // No other route opts out of the sign-in (the two fallbacks only answer "not found" or serve the page).
        var open = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Where(p => !p.Contains("{*path:nonfile}", StringComparison.Ordinal))
            .ToHashSet();
        Assert.Equal(Anonymous.Append(Webhook).Order(), open.Order());
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_and_a_right_one_gives_a_bearer_token_and_a_cookie()
    {
        var client = factory.CreateClient();
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Ravi, password = "nope" });
        await ProblemAssert.Is(wrong, HttpStatusCode.Unauthorized, "Email or password is wrong");

        var right = await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Ravi, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("Bearer", (await right.Json()).GetProperty("tokenType").GetString());
        Assert.Contains(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gamifyhub.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cookie_alone_signs_in_the_web_app()
    {
        var client = factory.CreateClient(new() { HandleCookies = true });
        await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Sofia, password = ApiClient.Password });
        var me = await client.GetJson("/api/me");
        Assert.Equal("Customer Service", me.GetProperty("departmentName").GetString());

        // A cookie-signed-in write carries the CSRF token (Security/CsrfTests).
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("X-XSRF-TOKEN", (await client.GetJson("/api/auth/csrf")).GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(logout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_lists_the_demo_sign_ins_in_demo_mode()
    {
        var accounts = await factory.CreateClient().GetJson("/api/auth/demo-accounts");
        var emails = accounts.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("email").GetString()).ToList();
        Assert.Equal([ApiClient.Admin, ApiClient.Lena, ApiClient.Ravi, ApiClient.Sofia], emails);
    }
}
