using System.Net;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests.Security;

public sealed class SecurityHeadersTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Theory]
    [InlineData("/")]                    // the web app's page (static file)
    [InlineData("/inbox")]               // a client route (the page again)
    [InlineData("/health/live")]
    [InlineData("/api/me")]              // 401 problem
    [InlineData("/api/no-such-route")]
    [InlineData("/hubs/live/negotiate")] // 401 from the hub's endpoint
    public async Task Every_answer_carries_the_security_headers_and_a_strict_csp(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} answered {response.StatusCode}");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
                     "frame-ancestors 'none'", "form-action 'self'", "connect-src 'self'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_answer_carries_them_too_along_with_the_csrf_cookie()
    {
        var response = await factory.CreateClient().PostAsync("/api/auth/login",
            System.Net.Http.Json.JsonContent.Create(new { email = ApiClient.Ravi, password = ApiClient.Password }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
    }
}
