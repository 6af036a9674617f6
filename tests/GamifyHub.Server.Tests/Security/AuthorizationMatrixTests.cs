using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Reading;
using GamifyHub.Server.Live;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Server.Tests.Security;

/// <summary>
/// Who may call what: every route the app maps (discovered from its endpoint data source) and every hub method, called as
/// each kind of caller, against one table. A route without a row fails the test with its name, so a new route cannot slip
/// through; add one line to <see cref="Routes"/> for it.
///
/// Writes: all callers share one server, so every write row sends a request that changes nothing — a body refused by
/// validation, an id that does not exist, or an action refused by state (reopening an open item) or by department. The
/// few admin writes that accept an empty body (a backup, "mark all read") change nothing another row depends on.
/// </summary>
public sealed class AuthorizationMatrixTests : IClassFixture<AuthorizationMatrixTests.World>
{
    /// <summary>The callers, in the order of the table's columns.</summary>
    public enum Who { Anonymous, Employee, OtherManager, Manager, Admin, ApiKey, Wallboard }

    /// <summary>Values for route parameters that need no particular id (declared before the table, which uses them).</summary>
    private static readonly Dictionary<string, string> RouteValues = new()
    {
        ["{documentName}"] = "v1",
        ["{board}"] = "departments",
        ["{source}"] = "no-such-source",
        ["{name}"] = "no-such-webhook",
        ["{id:guid}"] = "{new}",
    };

    /// <summary>
    /// Expected answers per caller: <c>401</c>, <c>403</c>, <c>404</c> (exactly that), <c>ok</c> (allowed: any answer but 401, 403
    /// and 5xx, e.g. 200, 201, 204, 400 for a body refused by validation, 404 for a fresh id, 409) or <c>-</c> (not called in this row).
    /// Placeholders in the path: {rd-item}/{cs-item} (an open feedback item routed to R&amp;D / only to Customer Service),
    /// {rd}/{cs} (department ids), {rd-challenge} (a draft R&amp;D challenge), {rd-live-challenge} (a scheduled one), {new} (a fresh Guid); others take a value from
    /// <see cref="RouteValues"/>.
    /// </summary>
    private static readonly Row[] Routes =
    [
        //                                                                     Anon Empl OMgr Mgr  Admin Key  Wall
        R("*",      "/health/live",                                           "ok   ok   ok   ok   ok    ok   ok"),
        R("*",      "/health/ready",                                          "ok   ok   ok   ok   ok    ok   ok"),
        R("GET",    "/openapi/{documentName}.json",                           "401  ok   ok   ok   ok    403   403"),
        R("POST",   "/api/auth/login",                                        "ok   ok   ok   ok   ok    ok   ok"),
        R("POST",   "/api/auth/logout",                                       "401  ok   ok   ok   ok    403   403"),
        // Bodies refused by validation: nothing changes.
        R("POST",   "/api/auth/password",                                     "401  ok   ok   ok   ok    403   403"),
        R("POST",   "/api/auth/password-reset",                               "ok   ok   ok   ok   ok    ok   ok"),
        R("GET",    "/api/auth/demo-accounts",                                "ok   ok   ok   ok   ok    ok   ok"),
        R("GET",    "/api/auth/csrf",                                         "401  ok   ok   ok   ok    403   403"),
        R("GET",    "/api/me",                                                "401  ok   ok   ok   ok    403   403"),
        R("GET",    "/api/departments",                                       "401  ok   ok   ok   ok    403   403"),
        R("GET",    "/api/departments/{id:guid}/activity",                    "401  ok   403  ok   ok    403  403", path: "/api/departments/{rd}/activity"),
        R("POST",   "/api/feedback",                                          "401  403  403  403  ok    ok   403"),
        R("POST",   "/api/feedback/batch",                                    "401  403  403  403  ok    ok   403"),
        R("GET",    "/api/feedback",                                          "401  ok   ok   ok   403   403  403"),
        R("GET",    "/api/feedback/{id:guid}",                                "401  ok   404  ok   403   403  403", path: "/api/feedback/{rd-item}"),
        R("GET",    "/api/feedback/{id:guid}",                                "-    404  ok   404  -     -    -",   path: "/api/feedback/{cs-item}"),
        // Reopening an open item is refused by its state (409), so nothing changes; another department's item is refused first.
        R("POST",   "/api/feedback/{id:guid}/actions",                        "401  ok   403  ok   403   403  403", path: "/api/feedback/{rd-item}/actions", body: new { type = "reopen" }),
        R("POST",   "/api/feedback/{id:guid}/actions",                        "-    403  ok   403  -     -    -",   path: "/api/feedback/{cs-item}/actions", body: new { type = "reopen" }),
        R("GET",    "/api/insights",                                          "401  ok   ok   ok   403   403  403"),
        // Engagement figures: everyone signed in sees the company's; a department's only its own people, its managers and admins.
        R("GET",    "/api/analytics/company",                                 "401  ok   ok   ok   ok    403  403"),
        R("GET",    "/api/analytics/departments/{id:guid}",                   "401  ok   403  ok   ok    403  403", path: "/api/analytics/departments/{rd}"),
        R("GET",    "/api/analytics/departments/{id:guid}",                   "-    404  404  404  404   -    -",   path: "/api/analytics/departments/{new}"),
        R("GET",    "/api/analytics/departments/{id:guid}/trend",             "401  ok   403  ok   ok    403  403", path: "/api/analytics/departments/{rd}/trend"),
        R("GET",    "/api/analytics/departments/{id:guid}/return",            "401  ok   403  ok   ok    403  403", path: "/api/analytics/departments/{rd}/return"),
        R("GET",    "/api/analytics/departments/{id:guid}/lift",              "401  ok   403  ok   ok    403  403", path: "/api/analytics/departments/{rd}/lift"),
        R("POST",   "/api/events",                                            "401  403  403  403  ok    ok   403"),
        R("POST",   "/api/events/batch",                                      "401  403  403  403  ok    ok   403"),
        R("GET",    "/api/boards/{board}",                                    "401  ok   ok   ok   ok    403   403"),
        // A challenge's board answers whoever may see the challenge, like /api/challenges/{id}; an unknown one is not found.
        R("GET",    "/api/boards/{board}",                                    "-    ok   404  ok   ok    -    -",   path: "/api/boards/challenge-{rd-live-challenge}"),
        R("GET",    "/api/boards/{board}",                                    "-    404  404  ok   ok    -    -",   path: "/api/boards/challenge-{rd-challenge}"),
        R("GET",    "/api/boards/{board}",                                    "-    404  404  404  404   -    -",   path: "/api/boards/challenge-{new}"),
        R("GET",    "/api/challenges",                                        "401  ok   ok   ok   ok    403   403"),
        R("GET",    "/api/challenges/{id:guid}",                              "401  ok   ok   ok   ok    403   403"),
        // A draft is seen by its managers only.
        R("GET",    "/api/challenges/{id:guid}",                              "-    404  404  ok   ok    -    -",   path: "/api/challenges/{rd-challenge}"),
        R("GET",    "/api/challenges/badges",                                 "401  ok   ok   ok   403   403  403"),
        R("POST",   "/api/challenges",                                        "401  403  ok   ok   ok    403  403"),
        // A valid challenge for R&D: refused for the manager of another department (nothing is created).
        R("POST",   "/api/challenges",                                        "-    403  403  -    -     -    -",   body: ChallengeFor("{rd}")),
        R("POST",   "/api/challenges/{id:guid}/schedule",                     "401  403  ok   ok   ok    403  403"),
        R("POST",   "/api/challenges/{id:guid}/schedule",                     "-    403  404  -    -     -    -",   path: "/api/challenges/{rd-challenge}/schedule"),
        R("POST",   "/api/challenges/{id:guid}/cancel",                       "401  403  ok   ok   ok    403  403"),
        R("POST",   "/api/challenges/{id:guid}/cancel",                       "-    403  404  -    -     -    -",   path: "/api/challenges/{rd-challenge}/cancel"),
        R("GET",    "/api/seasons",                                           "401  ok   ok   ok   ok    403   403"),
        R("PUT",    "/api/admin/seasons",                                     "401  403  403  403  ok    403  403"),
        R("POST",   "/api/admin/backup",                                      "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/rules",                                       "401  403  403  403  ok    403  403"),
        R("POST",   "/api/admin/rules/preview",                               "401  403  403  403  ok    403  403"),
        R("POST",   "/api/admin/rules/apply",                                 "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/rules/history",                               "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/flags",                                       "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/sla",                                         "401  403  403  403  ok    403  403"),
        R("PUT",    "/api/admin/sla",                                         "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/audit",                                       "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/mentions",                                    "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/routing-rules",                               "401  403  403  403  ok    403  403"),
        R("PUT",    "/api/admin/routing-rules",                               "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/taxonomy",                                    "401  403  403  403  ok    403  403"),
        R("PUT",    "/api/admin/taxonomy",                                    "401  403  403  403  ok    403  403"),
        R("GET",    "/api/analytics/benchmarks",                              "401  ok   ok   ok   ok    403   403"),
        R("PUT",    "/api/admin/analytics/benchmarks",                        "401  403  403  403  ok    403  403"),
        R("GET",    "/api/analytics/return-model",                            "401  ok   ok   ok   ok    403   403"),
        R("PUT",    "/api/admin/analytics/return-model",                      "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/analytics/benchmarks/versions",               "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/analytics/benchmarks/versions/{version}",     "401  403  403  403  ok    403  403", path: "/api/admin/analytics/benchmarks/versions/1"),
        R("GET",    "/api/admin/analytics/return-model/versions",             "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/analytics/return-model/versions/{version}",   "401  403  403  403  ok    403  403", path: "/api/admin/analytics/return-model/versions/1"),
        R("POST",   "/api/admin/imports",                                     "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/imports/{id:guid}/errors",                    "401  403  403  403  ok    403  403"),
        // The webhook's signature is its credential (no sign-in needed, none helps): an unsigned delivery is refused for everyone.
        R("POST",   "/api/webhooks/{source}",                                 "401  401  401  401  401   401  401"),
        R("GET",    "/api/admin/webhooks",                                    "401  403  403  403  ok    403  403"),
        R("POST",   "/api/admin/webhooks",                                    "401  403  403  403  ok    403  403"),
        R("POST",   "/api/admin/webhooks/{name}/secret",                      "401  403  403  403  ok    403  403"),
        R("DELETE", "/api/admin/webhooks/{name}",                             "401  403  403  403  ok    403  403"),
        R("GET",    "/api/notifications",                                     "401  ok   ok   ok   403   403  403"),
        R("GET",    "/api/notifications/unread",                              "401  ok   ok   ok   403   403  403"),
        R("POST",   "/api/notifications/read",                                "401  ok   ok   ok   403   403  403"),
        R("POST",   "/api/notifications/{id:guid}/read",                      "401  ok   ok   ok   403   403  403"),
        R("POST",   "/api/notifications/read-all",                            "401  ok   ok   ok   403   403  403"),
        R("GET",    "/api/notifications/preferences",                         "401  ok   ok   ok   403   403  403"),
        R("PUT",    "/api/notifications/preferences",                         "401  ok   ok   ok   403   403  403"),
        R("POST",   "/api/kudos",                                             "401  ok   ok   ok   403   403  403"),
        R("GET",    "/api/kudos/allowance",                                   "401  ok   ok   ok   403   403  403"),
        R("GET",    "/api/wallboard",                                         "401  ok   ok   ok   ok    403  ok"),
        R("GET",    "/api/wallboard/board",                                   "401  ok   ok   ok   ok    403  ok"),
        // Company-wide: for the screen and the admin who sets it up, not for every employee.
        R("GET",    "/api/wallboard/highlights",                              "401  403  403  403  ok    403  ok"),
        R("GET",    "/api/wallboard/challenges",                              "401  403  403  403  ok    403  ok"),
        R("GET",    "/api/wallboard/engagement",                              "401  403  403  403  ok    403  ok"),
        // Export and erasure: one's own as an employee (the erase is refused here for a missing confirmation), anyone's as an admin.
        R("GET",    "/api/me/export",                                         "401  ok   ok   ok   403   403  403"),
        R("POST",   "/api/me/erase",                                          "401  ok   ok   ok   403   403  403",   body: new { confirm = "no" }),
        R("GET",    "/api/admin/people/{employeeId:guid}/export",             "401  403  403  403  ok    403  403",   path: $"/api/admin/people/{Guid.Empty}/export"),
        R("POST",   "/api/admin/people/{employeeId:guid}/erase",              "401  403  403  403  ok    403  403",   path: $"/api/admin/people/{Guid.Empty}/erase", body: new { confirm = "ERASE" }),
        R("GET",    "/api/admin/retention",                                   "401  403  403  403  ok    403  403"),
        R("PUT",    "/api/admin/retention",                                   "401  403  403  403  ok    403  403",   body: new { months = -1, mode = "anonymize" }),
        R("POST",   "/api/admin/retention/run",                               "401  403  403  403  ok    403  403"),
        // Single sign-on (off here: the provider list is empty and starting it is a 404).
        R("GET",    "/api/auth/providers",                                    "ok   ok   ok   ok   ok    ok   ok"),
        R("GET",    "/api/auth/external/oidc",                                "ok   ok   ok   ok   ok    ok   ok"),
        R("GET",    "/api/auth/external/complete",                            "ok   ok   ok   ok   ok    ok   ok"),
        // Privacy: the settings are the admin's, consent is each employee's own.
        R("GET",    "/api/admin/privacy",                                     "401  403  403  403  ok    403  403"),
        R("PUT",    "/api/admin/privacy",                                     "401  403  403  403  ok    403  403",   body: new { minimumGroupSize = -1 }),
        R("GET",    "/api/me/privacy",                                        "401  ok   ok   ok   403   403  403"),
        R("PUT",    "/api/me/privacy",                                        "401  ok   ok   ok   403   403  403",   body: new { rankedByName = "maybe" }),
        // People, departments and API keys: admins only (unknown ids and invalid bodies are the admin's 4xx).
        R("GET",    "/api/admin/people",                                      "401  403  403  403  ok    403  403"),
        R("GET",    "/api/admin/people/{id}",                                 "401  403  403  403  ok    403  403",   path: $"/api/admin/people/{Guid.Empty}"),
        R("POST",   "/api/admin/people",                                      "401  403  403  403  ok    403  403",   body: new { name = "" }),
        R("PATCH",  "/api/admin/people/{id}",                                 "401  403  403  403  ok    403  403",   path: $"/api/admin/people/{Guid.Empty}", body: new { name = "" }),
        R("POST",   "/api/admin/people/{id}/disable",                         "401  403  403  403  ok    403  403",   path: $"/api/admin/people/{Guid.Empty}/disable"),
        R("POST",   "/api/admin/people/{id}/enable",                          "401  403  403  403  ok    403  403",   path: $"/api/admin/people/{Guid.Empty}/enable"),
        R("POST",   "/api/admin/people/{id}/password-reset",                  "401  403  403  403  ok    403  403",   path: $"/api/admin/people/{Guid.Empty}/password-reset"),
        R("GET",    "/api/admin/departments",                                 "401  403  403  403  ok    403  403"),
        R("POST",   "/api/admin/departments",                                 "401  403  403  403  ok    403  403",   body: new { name = "" }),
        R("PUT",    "/api/admin/departments/{id:guid}",                       "401  403  403  403  ok    403  403",   path: $"/api/admin/departments/{Guid.Empty}", body: new { name = "" }),
        R("GET",    "/api/admin/api-keys",                                    "401  403  403  403  ok    403  403"),
        R("POST",   "/api/admin/api-keys",                                    "401  403  403  403  ok    403  403",   body: new { name = "" }),
        R("DELETE", "/api/admin/api-keys/{id:guid}",                          "401  403  403  403  ok    403  403",   path: $"/api/admin/api-keys/{Guid.Empty}"),
        R("GET",    "/api/admin/wallboard-tokens",                            "401  403  403  403  ok    403  403"),
        R("POST",   "/api/admin/wallboard-tokens",                            "401  403  403  403  ok    403  403"),
        R("DELETE", "/api/admin/wallboard-tokens/{id:guid}",                  "401  403  403  403  ok    403  403"),
        // Unknown API routes: "not signed in" for strangers, "no such route" for everyone else.
        R("*",      "/api/{*path:nonfile}",                                   "401  ok   ok   ok   ok    ok   ok",   path: "/api/no-such-route"),
        // The hub (any method): negotiating is allowed to watchers; a request without a connection id is refused as bad (400).
        // Hub methods are covered by HubMethods below.
        R("*",      "/hubs/live/negotiate",                                   "401  ok   ok   ok   403   403  ok",   call: "POST"),
        R("*",      "/hubs/live",                                             "401  ok   ok   ok   403   403  ok"),
    ];

    /// <summary>Hub methods and what each caller that can connect gets: <c>ok</c> or <c>refused</c> (a HubException).</summary>
    private static readonly HubRow[] HubMethods =
    [
        //                                                                     Empl OMgr Mgr  Wall
        new("WatchBoard", ["departments", "week"],                             "ok   ok   ok   ok"),
        new("WatchBoard", ["employees", "week"],                               "ok   ok   ok   refused"),
        // A challenge's group (and its pushes) only for whoever may see the challenge; an unknown one is refused.
        new("WatchBoard", ["challenge-{rd-live-challenge}", "all"],            "ok   refused ok refused"),
        new("WatchBoard", ["challenge-{rd-challenge}", "all"],                 "refused refused ok refused"),
        new("WatchBoard", ["challenge-{new}", "all"],                          "refused refused refused refused"),
        new("UnwatchBoard", ["departments", "week"],                           "ok   ok   ok   ok"),
        // A department's engagement figures: the API's access rules; an unknown department and wallboards are refused.
        new("WatchAnalytics", ["{rd}"],                                        "ok   refused ok refused"),
        new("WatchAnalytics", ["{new}"],                                       "refused refused refused refused"),
        new("UnwatchAnalytics", ["{rd}"],                                      "ok   ok   ok   ok"),
    ];

    /// <summary>Connecting to the hub, per caller in the order of <see cref="Who"/>.</summary>
    private const string HubConnect = "401 ok ok ok 403 403 ok";

    private readonly World _world;

    public AuthorizationMatrixTests(World world) => _world = world;

    [Fact]
    public void Every_route_has_a_row_and_every_row_a_route()
    {
        var discovered = DiscoveredRoutes();
        var rows = Routes.Select(r => (r.Method, r.Pattern)).ToHashSet();
        var missing = discovered.Where(d => !rows.Contains(d)).Select(d => $"{d.Method} {d.Pattern}").ToList();
        var stale = rows.Where(r => !discovered.Contains(r)).Select(r => $"{r.Method} {r.Pattern}").ToList();
        Assert.True(missing.Count == 0,
            "These routes have no row in AuthorizationMatrixTests.Routes (add one line each saying who may call them): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "These rows name no route the app maps (remove or fix them): " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_endpoint_names_its_policy_or_says_it_is_anonymous()
    {
        var unnamed = _world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsWebClientFallback(e))
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy is not null))
            .Select(e => e.DisplayName).ToList();
        Assert.True(unnamed.Count == 0, "These endpoints rely on the fallback policy; name the capability they need: " + string.Join(", ", unnamed));
    }

    [Theory]
    [InlineData(Who.Anonymous)]
    [InlineData(Who.Employee)]
    [InlineData(Who.OtherManager)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    [InlineData(Who.ApiKey)]
    [InlineData(Who.Wallboard)]
    public async Task Every_route_answers_each_caller_as_the_table_says(Who who)
    {
        var client = await _world.Client(who);
        var failures = new List<string>();
        foreach (var row in Routes)
        {
            var expected = row.Expected[(int)who];
            if (expected == "-")
            {
                continue;
            }

            var url = _world.Fill(row.Path);
            var method = row.Call;
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is not ("GET" or "DELETE"))
            {
                request.Content = JsonContent.Create(row.Body is string s ? JsonSerializer.Deserialize<JsonElement>(_world.Fill(s)) : row.Body ?? new { });
            }

            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (row.Pattern == "/api/auth/logout" && response.IsSuccessStatusCode)
            {
                // Logout ends every sign-in of the person: the rows after it (and the hub test) need a new one.
                client = await _world.SignInAgain(who);
            }

            var pass = expected switch
            {
                "ok" => status is not (401 or 403) && status < 500,
                _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture) == expected,
            };
            if (!pass)
            {
                failures.Add($"{method} {url} ({row.Pattern}) as {who}: expected {expected}, got {status} {await Detail(response)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData(Who.Anonymous)]
    [InlineData(Who.Employee)]
    [InlineData(Who.OtherManager)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    [InlineData(Who.ApiKey)]
    [InlineData(Who.Wallboard)]
    public async Task The_hub_lets_in_whom_the_table_says_and_each_method_answers_accordingly(Who who)
    {
        var expected = Cells(HubConnect)[(int)who];
        await using var connection = _world.HubConnection(who);
        if (expected != "ok")
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(expected, ((int?)refused.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        await connection.StartAsync();
        var column = who switch { Who.Employee => 0, Who.OtherManager => 1, Who.Manager => 2, Who.Wallboard => 3, _ => -1 };
        Assert.True(column >= 0, $"{who} connected to the hub but has no column in HubMethods");
        foreach (var row in HubMethods)
        {
            var cell = Cells(row.Expected)[column];
            var call = connection.InvokeCoreAsync(row.Method, typeof(object),
                [.. row.Arguments.Select(a => a is string text ? _world.Fill(text) : a)]);
            if (cell == "ok")
            {
                await call;
            }
            else
            {
                await Assert.ThrowsAsync<HubException>(() => call);
            }
        }
    }

    [Fact]
    public void Every_public_hub_method_has_a_row()
    {
        var methods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .Select(m => m.Name).ToHashSet();
        var rows = HubMethods.Select(r => r.Method).ToHashSet();
        Assert.True(methods.SetEquals(rows),
            $"LiveHub's methods ({string.Join(", ", methods.Order())}) and HubMethods' rows ({string.Join(", ", rows.Order())}) differ");
    }

    private HashSet<(string Method, string Pattern)> DiscoveredRoutes() => AppRoutes.Discover(_world.Factory.Services);

    private static bool IsWebClientFallback(RouteEndpoint endpoint) => AppRoutes.IsWebClientFallback(endpoint);

    private static async Task<string> Detail(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 300 ? text[..300] : text;
    }

    private static string[] Cells(string expected) => expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Row R(string method, string pattern, string expected, string? path = null, object? body = null, string? call = null)
    {
        var cells = Cells(expected);
        if (cells.Length != Enum.GetValues<Who>().Length)
        {
            throw new ArgumentException($"{method} {pattern}: expected one answer per caller, got '{expected}'");
        }

        if (path is null)
        {
            path = pattern;
            foreach (var (name, value) in RouteValues)
            {
                path = path.Replace(name, value, StringComparison.Ordinal);
            }
        }

        return new Row(method, pattern, path, cells, body, call ?? (method == "*" ? "GET" : method));
    }

    /// <summary>A valid challenge body for one department (the id is filled in when sent).</summary>
    private static string ChallengeFor(string department, bool schedule = false) => JsonSerializer.Serialize(new
    {
        name = "Matrix",
        description = "Refused before it is created",
        metric = "action-count",
        action = "read",
        category = (string?)null,
        target = 3,
        startsAt = DateTimeOffset.UtcNow.AddDays(1),
        endsAt = DateTimeOffset.UtcNow.AddDays(8),
        scope = "department",
        departmentIds = new[] { department },
        rewardPoints = 20,
        schedule,
    });

    /// <summary>One line of the table: the route (method or * for any, and pattern as mapped), the path called and the method
    /// used to call it.</summary>
    private sealed record Row(string Method, string Pattern, string Path, string[] Expected, object? Body, string Call);

    private sealed record HubRow(string Method, object?[] Arguments, string Expected);

    /// <summary>One server for the whole matrix, its callers and the ids the rows use.</summary>
    public sealed class World : IAsyncLifetime
    {
        public const string OtherManagerEmail = "matrix.manager@customer-service.test";

        public GamifyHubFactory Factory { get; } = GamifyHubFactory.With(
            ("RateLimits:SignIn:PermitLimit", "1000"), ("RateLimits:Intake:PermitLimit", "1000"), ("RateLimits:Actions:PermitLimit", "1000"));

        private readonly Dictionary<Who, string?> _tokens = [];
        private readonly Dictionary<string, string> _ids = [];

        public async Task InitializeAsync()
        {
            var admin = await Factory.SignedIn(ApiClient.Admin);
            var departments = await admin.GetJson("/api/departments");
            _ids["{rd}"] = IdOf(departments, "Research & Development");
            _ids["{cs}"] = IdOf(departments, "Customer Service");
            await CreateOtherManager(Guid.Parse(_ids["{cs}"]));

            foreach (var (who, email) in new[] { (Who.Employee, ApiClient.Ravi), (Who.OtherManager, OtherManagerEmail),
                         (Who.Manager, ApiClient.Lena), (Who.Admin, ApiClient.Admin) })
            {
                _tokens[who] = await ApiClient.TokenFor(Factory.CreateClient(), email);
            }

            var wallboard = await (await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "Matrix" })).Json();
            _tokens[Who.Wallboard] = wallboard.GetProperty("token").GetString();

            var ravi = await Client(Who.Employee);
            _ids["{rd-item}"] = await ravi.FirstOpenItem();
            var sofia = await Factory.SignedIn(ApiClient.Sofia);
            var csItems = (await sofia.GetJson("/api/feedback?status=open&pageSize=100")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetString()!);
            foreach (var id in csItems)
            {
                if ((await ravi.GetAsync($"/api/feedback/{id}")).StatusCode == HttpStatusCode.NotFound)
                {
                    _ids["{cs-item}"] = id;
                    break;
                }
            }

            Assert.True(_ids.ContainsKey("{cs-item}"), "no open Customer Service item outside R&D's inbox");
            var lena = await Client(Who.Manager);
            var draft = await lena.PostAsync("/api/challenges",
                JsonContent.Create(JsonSerializer.Deserialize<JsonElement>(ChallengeFor(_ids["{rd}"]))));
            Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
            _ids["{rd-challenge}"] = (await draft.Json()).GetProperty("id").GetString()!;
            var scheduled = await lena.PostAsync("/api/challenges",
                JsonContent.Create(JsonSerializer.Deserialize<JsonElement>(ChallengeFor(_ids["{rd}"], schedule: true))));
            Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
            _ids["{rd-live-challenge}"] = (await scheduled.Json()).GetProperty("id").GetString()!;
        }

        /// <summary>A manager of Customer Service, made here (no demo account has that role).</summary>
        private async Task CreateOtherManager(Guid customerService)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var employeeId = Guid.CreateVersion7();
            await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync())
            {
                db.Employees.Add(new Data.Entities.Employee
                {
                    Id = employeeId, Email = OtherManagerEmail, DisplayName = "Matrix Manager", DepartmentId = customerService,
                });
                await db.SaveChangesAsync();
            }

            await scope.ServiceProvider.GetRequiredService<CompanyDirectory>().RefreshAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = OtherManagerEmail, Email = OtherManagerEmail, EmailConfirmed = true, EmployeeId = employeeId };
            Assert.True((await users.CreateAsync(user, ApiClient.Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.Manager, Roles.Employee])).Succeeded);
        }

        private static string IdOf(JsonElement departments, string name) =>
            departments.EnumerateArray().First(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

        public string Fill(string text)
        {
            text = text.Replace("{new}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal);
            foreach (var (name, value) in _ids)
            {
                text = text.Replace(name, value, StringComparison.Ordinal);
            }

            return text;
        }

        /// <summary>A client without cookies (the web app's cookie is covered by the CSRF tests), signed in as <paramref name="who"/>.</summary>
        public Task<HttpClient> Client(Who who)
        {
            var client = Factory.CreateClient(new() { HandleCookies = false });
            switch (who)
            {
                case Who.Anonymous:
                    break;
                case Who.ApiKey:
                    client.DefaultRequestHeaders.Add("X-Api-Key", ApiClient.ApiKey);
                    break;
                default:
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[who]);
                    break;
            }

            return Task.FromResult(client);
        }

        public async Task<HttpClient> SignInAgain(Who who)
        {
            var email = who switch
            {
                Who.Employee => ApiClient.Ravi, Who.OtherManager => OtherManagerEmail, Who.Manager => ApiClient.Lena, Who.Admin => ApiClient.Admin,
                _ => throw new ArgumentOutOfRangeException(nameof(who), who, "only people sign out"),
            };
            _tokens[who] = await ApiClient.TokenFor(Factory.CreateClient(), email);
            return await Client(who);
        }

        public HubConnection HubConnection(Who who) => new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.Server.BaseAddress, LiveHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (who == Who.ApiKey)
                {
                    o.Headers["X-Api-Key"] = ApiClient.ApiKey;
                }
                else if (_tokens.GetValueOrDefault(who) is { } token)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }
}
