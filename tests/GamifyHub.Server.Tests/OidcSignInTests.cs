using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GamifyHub.Server.Tests;

/// <summary>
/// A tiny OpenID Connect provider on loopback: discovery, JWKS, an authorize endpoint that signs in whoever the test says
/// (no login page), and a token endpoint that checks the PKCE verifier and answers an RS256-signed id_token.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string ClientId = "gamifyhub-test";
    public const string ClientSecret = "test-secret";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, (string? Nonce, string Challenge, string Email, bool Verified, string Subject)> _codes = new();

    /// <summary>Who the provider says signed in, and whether it vouches for the address.</summary>
    public string Email { get; set; } = "nobody@example.test";

    public bool EmailVerified { get; set; } = true;

    /// <summary>The provider's stable id of the person (<c>sub</c>); null: derived from the email.</summary>
    public string? Subject { get; set; }

    /// <summary>Token requests whose PKCE verifier matched the S256 challenge.</summary>
    public int PkceVerified { get; private set; }

    public string Authority { get; private set; } = "";

    private TestIssuer(WebApplication app) => _app = app;

    public static async Task<TestIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var issuer = new TestIssuer(builder.Build());
        issuer.Map();
        await issuer._app.StartAsync();
        issuer.Authority = issuer._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return issuer;
    }

    private void Map()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var rsa = _key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) },
                },
            });
        });
        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256")
            {
                return Results.BadRequest("unexpected authorize request");
            }

            var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _codes[code] = (q["nonce"], q["code_challenge"]!, Email, EmailVerified, Subject ?? "subject-" + Email);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || !_codes.TryRemove(form["code"].ToString(), out var grant))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != grant.Challenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE" }, statusCode: 400);
            }

            PkceVerified++;
            var claims = new Dictionary<string, object> { ["email"] = grant.Email, ["email_verified"] = grant.Verified };
            if (grant.Nonce is not null)
            {
                claims["nonce"] = grant.Nonce;
            }

            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority, Audience = ClientId, Subject = new ClaimsIdentity([new Claim("sub", grant.Subject)]),
                Claims = claims, IssuedAt = DateTime.UtcNow, NotBefore = DateTime.UtcNow, Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One issuer and one GamifyHub configured for it, shared by the single sign-on tests.</summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public TestIssuer Issuer { get; private set; } = null!;
    public GamifyHubFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        var _issuer = Issuer;
        App = GamifyHubFactory.With(
            ("Authentication:Oidc:Authority", _issuer.Authority),
            ("Authentication:Oidc:ClientId", TestIssuer.ClientId),
            ("Authentication:Oidc:ClientSecret", TestIssuer.ClientSecret),
            ("Authentication:Oidc:DisplayName", "Test Issuer"),
            ("Authentication:Oidc:RequireHttpsMetadata", "false"));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

public sealed class OidcSignInTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private readonly TestIssuer _issuer = fixture.Issuer;
    private readonly GamifyHubFactory _app = fixture.App;

    /// <summary>Follows the redirects like a browser would, across GamifyHub (in-process) and the issuer (loopback).</summary>
    private async Task<(HttpClient App, HttpResponseMessage Last)> SignInThroughIssuer(string email, bool verified = true,
        string? subject = null)
    {
        _issuer.Email = email;
        _issuer.EmailVerified = verified;
        _issuer.Subject = subject;
        var app = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var issuer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var issuerHost = new Uri(_issuer.Authority).Authority;
        var response = await app.GetAsync("/api/auth/external/oidc?returnUrl=%2Finbox");
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found; hops++)
        {
            var location = response.Headers.Location!;
            if (!location.IsAbsoluteUri)
            {
                location = new Uri(app.BaseAddress!, location);
            }

            var request = new HttpRequestMessage(HttpMethod.Get, location);
            request.Headers.Accept.ParseAdd("application/json");
            response = location.Authority == issuerHost ? await issuer.SendAsync(request) : await app.SendAsync(request);
            if (location.AbsolutePath == "/inbox")
            {
                break;
            }
        }

        return (app, response);
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_configured_provider()
    {
        var providers = await _app.CreateClient().GetJson("/api/auth/providers");
        var provider = Assert.Single(providers.EnumerateArray());
        Assert.Equal("Test Issuer", provider.GetProperty("displayName").GetString());
        Assert.Equal("/api/auth/external/oidc", provider.GetProperty("startUrl").GetString());
    }

    [Fact]
    public async Task A_known_verified_email_signs_in_as_that_person_with_the_normal_cookie()
    {
        var (app, last) = await SignInThroughIssuer(ApiClient.Sofia);
        Assert.Equal("/inbox", last.RequestMessage!.RequestUri!.AbsolutePath);
        var me = await app.GetJson("/api/me");
        Assert.Equal(ApiClient.Sofia, me.GetProperty("email").GetString());
        Assert.Equal("Customer Service", me.GetProperty("departmentName").GetString());
        Assert.True(_issuer.PkceVerified >= 1);
    }

    [Fact]
    public async Task An_unknown_email_is_refused_and_nobody_is_created()
    {
        var admin = await _app.SignedIn(ApiClient.Admin);
        var before = (await admin.GetJson("/api/admin/people")).GetProperty("total").GetInt32();
        var (app, last) = await SignInThroughIssuer("stranger@example.test");
        await ProblemAssert.Is(last, HttpStatusCode.Forbidden, "no GamifyHub account for this email");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/api/me")).StatusCode);
        Assert.Equal(before, (await admin.GetJson("/api/admin/people")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unverified_email_is_refused()
    {
        var (app, last) = await SignInThroughIssuer(ApiClient.Ravi, verified: false);
        await ProblemAssert.Is(last, HttpStatusCode.Forbidden, "verified email");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_person_is_refused()
    {
        var admin = await _app.SignedIn(ApiClient.Admin);
        var email = $"sso.{Guid.NewGuid():N}@example.test";
        var created = await admin.PostAsJsonAsync("/api/admin/people", new
        {
            name = "Sam Sso", email, departmentId = (await admin.GetJson("/api/departments"))[0].GetProperty("id").GetGuid(),
            roles = new[] { "Employee" }, password = "a long enough pass phrase",
        });
        var id = (await created.Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await (await SignInThroughIssuer(email)).App.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/people/{id}/disable", null)).StatusCode);

        var (app, last) = await SignInThroughIssuer(email);
        await ProblemAssert.Is(last, HttpStatusCode.Forbidden, "disabled");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/api/me")).StatusCode);
    }

    private async Task<string> NewPerson()
    {
        var admin = await _app.SignedIn(ApiClient.Admin);
        var email = $"sso.{Guid.NewGuid():N}@example.test";
        var created = await admin.PostAsJsonAsync("/api/admin/people", new
        {
            name = "Sam Sso", email, departmentId = (await admin.GetJson("/api/departments"))[0].GetProperty("id").GetGuid(),
            roles = new[] { "Employee" }, password = "a long enough pass phrase",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    private static async Task<string?> EmailOf(HttpClient app)
    {
        var me = await app.GetAsync("/api/me");
        return me.StatusCode == HttpStatusCode.OK ? (await me.Json()).GetProperty("email").GetString() : null;
    }

    [Fact]
    public async Task Once_linked_the_provider_subject_signs_in_the_same_person_whatever_email_it_sends()
    {
        var email = await NewPerson();
        var other = await NewPerson();
        var subject = "sub-" + Guid.NewGuid().ToString("N");
        Assert.Equal(email, await EmailOf((await SignInThroughIssuer(email, subject: subject)).App));

        // The provider now says another (even another person's, even unverified) address: the subject decides.
        Assert.Equal(email, await EmailOf((await SignInThroughIssuer("renamed@example.test", subject: subject)).App));
        Assert.Equal(email, await EmailOf((await SignInThroughIssuer(other, verified: false, subject: subject)).App));
    }

    /// <summary>
    /// Decided: a verified email links a new subject only to a person without a link from this provider; a second subject
    /// claiming an already linked person's address is refused (it would otherwise take the account over).
    /// </summary>
    [Fact]
    public async Task A_new_subject_with_a_linked_persons_verified_email_is_refused_and_links_to_an_unlinked_person()
    {
        var email = await NewPerson();
        Assert.Equal(email, await EmailOf((await SignInThroughIssuer(email, subject: "first-" + Guid.NewGuid().ToString("N"))).App));

        var (app, last) = await SignInThroughIssuer(email, subject: "second-" + Guid.NewGuid().ToString("N"));
        await ProblemAssert.Is(last, HttpStatusCode.Forbidden, "already linked");
        Assert.Null(await EmailOf(app));

        var unlinked = await NewPerson();
        Assert.Equal(unlinked, await EmailOf((await SignInThroughIssuer(unlinked, subject: "third-" + Guid.NewGuid().ToString("N"))).App));
    }

    [Fact]
    public async Task An_unverified_email_never_links()
    {
        var email = await NewPerson();
        var subject = "unverified-" + Guid.NewGuid().ToString("N");
        var (app, last) = await SignInThroughIssuer(email, verified: false, subject: subject);
        await ProblemAssert.Is(last, HttpStatusCode.Forbidden, "verified email");
        Assert.Null(await EmailOf(app));

        // Nothing was linked: the same subject with an address nobody has is still a stranger.
        var (stranger, refused) = await SignInThroughIssuer("stranger." + Guid.NewGuid().ToString("N") + "@example.test", subject: subject);
        await ProblemAssert.Is(refused, HttpStatusCode.Forbidden, "no GamifyHub account");
        Assert.Null(await EmailOf(stranger));
    }

    [Fact]
    public async Task Without_an_authority_single_sign_on_is_off()
    {
        await using var plain = new GamifyHubFactory();
        var client = plain.CreateClient();
        Assert.Empty((await client.GetJson("/api/auth/providers")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/auth/external/oidc")).StatusCode);
    }
}
