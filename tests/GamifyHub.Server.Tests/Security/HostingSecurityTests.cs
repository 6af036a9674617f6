using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using GamifyHub.Server.Health;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace GamifyHub.Server.Tests.Security;

/// <summary>What an anonymous caller or a local process can reach and read: health details, cookies, body sizes, grains.</summary>
public sealed class HostingSecurityTests
{
    [Fact]
    public async Task Health_shows_no_exception_text_to_anonymous_callers_but_admins_see_it()
    {
        await using var factory = new GamifyHubFactory();
        await using var failing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddHealthChecks()
            .AddCheck("probe", () => throw new InvalidOperationException("cannot open /srv/secret/gamifyhub.db"), tags: ["ready"])));
        var anonymous = failing.CreateClient();
        var admin = failing.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await ApiClient.TokenFor(admin, ApiClient.Admin));

        var seen = await anonymous.GetAsync("/health/ready");
        var detailed = await admin.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, seen.StatusCode);
        Assert.DoesNotContain("/srv/secret", await seen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HealthResponse.FailedWithoutDetails,
            (await seen.Json()).GetProperty("checks").GetProperty("probe").GetProperty("description").GetString());
        Assert.Equal("cannot open /srv/secret/gamifyhub.db",
            (await detailed.Json()).GetProperty("checks").GetProperty("probe").GetProperty("description").GetString());
    }

    private static async Task<string[]> SignInCookies(WebApplicationFactory<Program> factory, string? forwardedProto = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        var answer = await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Ravi, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return [.. answer.Headers.GetValues("Set-Cookie")];
    }

    /// <summary>The test server has no client address; a proxy's headers count only from a known one (loopback).</summary>
    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return then(context);
            });
            next(app);
        };
    }

    private static bool Secure(string setCookie) => setCookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task In_Production_the_sign_in_cookies_are_Secure_even_over_plain_http()
    {
        await using var factory = GamifyHubFactory.With(("environment", "Production"));

        var cookies = await SignInCookies(factory);

        Assert.Contains(cookies, c => c.StartsWith("gamifyhub.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        Assert.All(cookies.Where(c => !c.StartsWith("gamifyhub.af=", StringComparison.Ordinal)), c => Assert.True(Secure(c), c));
    }

    [Fact]
    public async Task Outside_Production_cookies_are_Secure_when_the_edge_was_HTTPS_and_plain_http_still_works()
    {
        await using var server = GamifyHubFactory.With(("ForwardedHeaders:Enabled", "true"));
        await using var factory = server.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, FromLoopbackProxy>()));

        var plain = await SignInCookies(factory);
        var behindTls = await SignInCookies(factory, "https");

        Assert.Contains(plain, c => c.StartsWith("gamifyhub.auth=", StringComparison.Ordinal) && !Secure(c));
        Assert.All(behindTls, c => Assert.True(Secure(c), c));
    }

    [Fact]
    public async Task A_sign_in_body_larger_than_16_KB_is_a_413_before_it_is_read()
    {
        await using var factory = new GamifyHubFactory();
        var client = factory.CreateClient();

        // With its length declared (a chunked body is cut off by the server while it is read).
        var huge = await client.PostAsync("/api/auth/login", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { email = ApiClient.Ravi, password = new string('x', 64 * 1024) }),
            System.Text.Encoding.UTF8, "application/json"));
        var normal = await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Ravi, password = ApiClient.Password });

        await ProblemAssert.Is(huge, HttpStatusCode.RequestEntityTooLarge, "at most 16,384");
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
    }

    [Fact]
    public async Task The_silo_listens_on_loopback_only_and_runs_no_gateway()
    {
        await using var factory = new GamifyHubFactory();
        _ = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.Equal(IPAddress.Loopback, endpoints.SiloListeningEndpoint?.Address);
        Assert.Equal(0, endpoints.GatewayPort);
        Assert.Null(endpoints.GatewayListeningEndpoint);

        // The silo answers on loopback, and not on this machine's other addresses (if it has any).
        using (var local = new TcpClient())
        {
            await local.ConnectAsync(IPAddress.Loopback, endpoints.SiloPort);
        }

        var others = NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)).ToList();
        foreach (var address in others)
        {
            using var remote = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(() => remote.ConnectAsync(address, endpoints.SiloPort));
        }
    }
}
