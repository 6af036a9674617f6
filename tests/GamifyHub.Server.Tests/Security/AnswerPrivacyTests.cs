using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Privacy;
using GamifyHub.Grains;
using GamifyHub.Server.Boards;
using GamifyHub.Server.Live;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;

namespace GamifyHub.Server.Tests.Security;

/// <summary>
/// What an answer holds, where <see cref="AuthorizationMatrixTests"/> checks who reaches a route: every GET route the app maps
/// and every hub method (with the pushes a watcher then receives) is called as each kind of caller, and the answer is scanned
/// for people that caller may not see — their name, email, employee id or sign-in id — for pseudonyms sent next to the real
/// person, and for figures of a department withheld below the minimum group size. The company's facts are set up here: who
/// opted in to be named, who is in which department, a department below the minimum group size, and challenges of each kind.
/// A route without a row fails with its name (add one line to <see cref="Routes"/>); each leak is one line naming the route,
/// the caller, what leaked and whose it is.
/// </summary>
public sealed class AnswerPrivacyTests(AnswerPrivacyTests.World world) : IClassFixture<AnswerPrivacyTests.World>
{
    /// <summary>The callers: an employee and the manager of R&amp;D ("managers see individuals" off), a manager and an employee of
    /// Customer Service, an admin and a wallboard.</summary>
    public enum Who { Employee, Manager, OtherManager, OtherEmployee, Admin, Wallboard }

    /// <summary>What an answer is about, which decides whom its caller may see in it.</summary>
    public enum Scope
    {
        /// <summary>Boards, challenges, one's own data: people by name (and real id) only when they opted in.</summary>
        Consent,

        /// <summary>A challenge (or a list of them, each scanned on its own): as <see cref="Consent"/> for a challenge of the caller's
        /// department (or the company); a challenge of departments the caller is not in must show none of their people, and its
        /// id must not reach the caller at all (admins and wallboards see every challenge).</summary>
        Challenge,

        /// <summary>Who did what (activity feeds, item history, highlights): as <see cref="Consent"/>, and nobody of another department, for employees; for managers
        /// and admins while "managers see individuals" is off, nobody but themselves.</summary>
        Activity,

        /// <summary>The wallboard's highlights: wallboards and admins see opted-in people by first name only (no ids, emails or
        /// full names); anyone else as <see cref="Activity"/>.</summary>
        Highlights,

        /// <summary>Not an answer to scan here (the hub's endpoints: <see cref="The_hub_answers_and_pushes_hold_only_what_each_watcher_may_see"/>).</summary>
        Hub,
    }

    private static readonly string[] BoardWindows = ["week"];

    /// <summary>Every board kind with the scope of its answer; {…} are filled from the world's ids.</summary>
    private static readonly (string Board, Scope Scope)[] Boards =
    [
        ("employees", Scope.Consent),
        ("departments", Scope.Consent),
        ("department-{rd}", Scope.Consent),
        ("department-{cs}", Scope.Consent),
        ("department-{tiny}", Scope.Consent),
        ("challenge-{rd-challenge}", Scope.Challenge),
        ("challenge-{cs-challenge}", Scope.Challenge),
        ("challenge-{tvt-challenge}", Scope.Challenge),
        ("challenge-{company-challenge}", Scope.Challenge),
    ];

    /// <summary>
    /// Every GET route (and routes for any method) with the paths called and their scope. {rd}, {cs}, {tiny}: department ids
    /// (R&amp;D, Customer Service, the small Tiny Lab); {rd-item}/{cs-item}: feedback items with history of their department's
    /// people; {…-challenge}: the world's challenges; {quirin}: an employee who did not opt in.
    /// </summary>
    private static readonly Row[] Routes =
    [
        R("*", "/health/live", Scope.Consent),
        R("*", "/health/ready", Scope.Consent),
        R("GET", "/openapi/{documentName}.json", Scope.Consent, "/openapi/v1.json"),
        R("GET", "/api/auth/demo-accounts", Scope.Consent),
        R("GET", "/api/auth/csrf", Scope.Consent),
        R("GET", "/api/auth/providers", Scope.Consent),
        R("GET", "/api/auth/external/oidc", Scope.Consent),
        R("GET", "/api/auth/external/complete", Scope.Consent),
        R("GET", "/api/me", Scope.Consent),
        R("GET", "/api/me/export", Scope.Consent),
        R("GET", "/api/me/privacy", Scope.Consent),
        R("GET", "/api/departments", Scope.Consent),
        R("GET", "/api/departments/{id:guid}/activity", Scope.Activity, "/api/departments/{rd}/activity?pageSize=100"),
        R("GET", "/api/departments/{id:guid}/activity", Scope.Activity, "/api/departments/{cs}/activity?pageSize=100"),
        R("GET", "/api/departments/{id:guid}/activity", Scope.Activity, "/api/departments/{tiny}/activity?pageSize=100"),
        R("GET", "/api/feedback", Scope.Activity, "/api/feedback?pageSize=100"),
        R("GET", "/api/feedback/{id:guid}", Scope.Activity, "/api/feedback/{rd-item}"),
        R("GET", "/api/feedback/{id:guid}", Scope.Activity, "/api/feedback/{cs-item}"),
        R("GET", "/api/insights", Scope.Activity),
        // Engagement figures are team figures: no person of any department may appear, and Tiny Lab's carry no figure.
        R("GET", "/api/analytics/company", Scope.Activity, "/api/analytics/company?window=all"),
        R("GET", "/api/analytics/departments/{id:guid}", Scope.Activity, "/api/analytics/departments/{rd}?window=all"),
        R("GET", "/api/analytics/departments/{id:guid}", Scope.Activity, "/api/analytics/departments/{cs}?window=all"),
        R("GET", "/api/analytics/departments/{id:guid}", Scope.Activity, "/api/analytics/departments/{tiny}?window=all"),
        R("GET", "/api/analytics/departments/{id:guid}/trend", Scope.Activity, "/api/analytics/departments/{rd}/trend?metric=participationRate&days=3"),
        R("GET", "/api/analytics/departments/{id:guid}/trend", Scope.Activity, "/api/analytics/departments/{tiny}/trend?days=3"),
        R("GET", "/api/analytics/departments/{id:guid}/return", Scope.Activity, "/api/analytics/departments/{rd}/return?window=all"),
        R("GET", "/api/analytics/departments/{id:guid}/return", Scope.Activity, "/api/analytics/departments/{tiny}/return?window=all"),
        R("GET", "/api/analytics/departments/{id:guid}/lift", Scope.Activity, "/api/analytics/departments/{rd}/lift"),
        .. Boards.SelectMany(b => BoardWindows.Select(w => R("GET", "/api/boards/{board}", b.Scope, $"/api/boards/{b.Board}?window={w}&top=100"))),
        R("GET", "/api/boards/{board}", Scope.Consent, "/api/boards/employees?window=week&around=me"),
        R("GET", "/api/boards/{board}", Scope.Consent, "/api/boards/departments?window=week&view=per-head"),
        R("GET", "/api/boards/{board}", Scope.Consent, "/api/boards/departments?window=all"),
        R("GET", "/api/challenges", Scope.Challenge),
        R("GET", "/api/challenges/{id:guid}", Scope.Challenge, "/api/challenges/{rd-challenge}"),
        R("GET", "/api/challenges/{id:guid}", Scope.Challenge, "/api/challenges/{cs-challenge}"),
        R("GET", "/api/challenges/{id:guid}", Scope.Challenge, "/api/challenges/{tvt-challenge}"),
        R("GET", "/api/challenges/{id:guid}", Scope.Challenge, "/api/challenges/{company-challenge}"),
        R("GET", "/api/challenges/badges", Scope.Consent),
        R("GET", "/api/seasons", Scope.Consent),
        R("GET", "/api/notifications", Scope.Consent),
        R("GET", "/api/notifications/unread", Scope.Consent),
        R("GET", "/api/notifications/preferences", Scope.Consent),
        R("GET", "/api/kudos/allowance", Scope.Consent),
        R("GET", "/api/wallboard", Scope.Consent),
        R("GET", "/api/wallboard/board", Scope.Consent),
        R("GET", "/api/wallboard/highlights", Scope.Highlights),
        R("GET", "/api/wallboard/challenges", Scope.Challenge),
        R("GET", "/api/wallboard/engagement", Scope.Activity),
        R("GET", "/api/admin/rules", Scope.Consent),
        R("GET", "/api/admin/rules/history", Scope.Consent),
        R("GET", "/api/admin/flags", Scope.Consent),
        R("GET", "/api/admin/sla", Scope.Consent),
        R("GET", "/api/analytics/benchmarks", Scope.Consent),
        R("GET", "/api/analytics/return-model", Scope.Consent),
        R("GET", "/api/admin/analytics/benchmarks/versions", Scope.Consent),
        R("GET", "/api/admin/analytics/benchmarks/versions/{version}", Scope.Consent, "/api/admin/analytics/benchmarks/versions/1"),
        R("GET", "/api/admin/analytics/return-model/versions", Scope.Consent),
        R("GET", "/api/admin/analytics/return-model/versions/{version}", Scope.Consent, "/api/admin/analytics/return-model/versions/1"),
        R("GET", "/api/admin/audit", Scope.Consent),
        R("GET", "/api/admin/mentions", Scope.Consent),
        R("GET", "/api/admin/routing-rules", Scope.Consent),
        R("GET", "/api/admin/taxonomy", Scope.Consent),
        R("GET", "/api/admin/imports/{id:guid}/errors", Scope.Consent, $"/api/admin/imports/{Guid.Empty}/errors"),
        R("GET", "/api/admin/webhooks", Scope.Consent),
        R("GET", "/api/admin/people", Scope.Consent, "/api/admin/people?pageSize=100"),
        R("GET", "/api/admin/people/{id}", Scope.Consent, "/api/admin/people/{quirin-user}"),
        R("GET", "/api/admin/people/{employeeId:guid}/export", Scope.Consent, "/api/admin/people/{quirin}/export"),
        R("GET", "/api/admin/departments", Scope.Consent),
        R("GET", "/api/admin/api-keys", Scope.Consent),
        R("GET", "/api/admin/wallboard-tokens", Scope.Consent),
        R("GET", "/api/admin/privacy", Scope.Consent),
        R("GET", "/api/admin/retention", Scope.Consent),
        R("*", "/api/{*path:nonfile}", Scope.Consent, "/api/no-such-route"),
        R("*", "/hubs/live/negotiate", Scope.Hub),
        R("*", "/hubs/live", Scope.Hub),
    ];

    /// <summary>
    /// Answers that legitimately name people a caller could not see elsewhere, per route and caller, with the reason. Keep it
    /// short: everything else is scanned with the rules of its scope.
    /// </summary>
    private static readonly (string Pattern, Who Caller, string Reason)[] Allowed =
    [
        ("/api/admin/people", Who.Admin, "people administration lists everyone with name and email"),
        ("/api/admin/people/{id}", Who.Admin, "people administration shows the person asked for"),
        ("/api/admin/people/{employeeId:guid}/export", Who.Admin, "an admin exports the named person's data (audited)"),
        ("/api/admin/audit", Who.Admin, "the audit log says who did what, for the works council and admins"),
        ("/api/admin/flags", Who.Admin, "anti-gaming flags name the flagged employee for an admin's review"),
        ("/api/auth/demo-accounts", Who.Wallboard, "demo mode lists its sign-ins to anyone on the sign-in page (demo only, by design)"),
    ];

    /// <summary>Hub methods and what is scanned of them (found by reflection: a new method fails with its name).</summary>
    private static readonly Dictionary<string, string> HubMethods = new()
    {
        ["WatchBoard"] = "its answer for every board kind, and the pushes the watcher receives after a change",
        ["UnwatchBoard"] = "answers nothing",
        ["WatchAnalytics"] = "a department's team figures, the same presenter as GET /api/analytics/departments/{id} (scanned there)",
        ["UnwatchAnalytics"] = "answers nothing",
    };

    [Fact]
    public void Every_get_route_and_hub_method_has_a_row()
    {
        var rows = Routes.Select(r => (r.Method, r.Pattern)).ToHashSet();
        var missing = AppRoutes.Discover(world.Factory.Services).Where(d => d.Method is "GET" or "*" && !rows.Contains(d))
            .Select(d => $"{d.Method} {d.Pattern}").ToList();
        Assert.True(missing.Count == 0,
            "These routes have no row in AnswerPrivacyTests.Routes (add one saying what their answer is about): " + string.Join(", ", missing));
        var methods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .Select(m => m.Name).Where(m => !HubMethods.ContainsKey(m)).ToList();
        Assert.True(methods.Count == 0, "These hub methods have no row in AnswerPrivacyTests.HubMethods: " + string.Join(", ", methods));
    }

    [Theory]
    [InlineData(Who.Employee)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherManager)]
    [InlineData(Who.OtherEmployee)]
    [InlineData(Who.Admin)]
    [InlineData(Who.Wallboard)]
    public async Task Every_answer_holds_only_what_its_caller_may_see(Who who)
    {
        var client = world.Client(who);
        var leaks = new List<string>();
        foreach (var row in Routes.Where(r => r.Scope != Scope.Hub))
        {
            var url = world.Fill(row.Path);
            using var response = await client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            var allowed = Allowed.Any(a => a.Pattern == row.Pattern && a.Caller == who);
            if (!allowed)
            {
                leaks.AddRange(world.ScanAnswer(text, who, row.Scope, url).Select(l => $"GET {row.Path} as {who} ({(int)response.StatusCode}): {l}"));
            }
        }

        leaks = [.. leaks.Distinct()];
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:{Environment.NewLine}" + string.Join(Environment.NewLine, leaks));
    }

    [Fact]
    public async Task The_hub_answers_and_pushes_hold_only_what_each_watcher_may_see()
    {
        Who[] watchers = [Who.Employee, Who.Manager, Who.OtherManager, Who.OtherEmployee, Who.Wallboard];
        var leaks = new List<string>();
        var clients = new Dictionary<Who, Watcher>();
        try
        {
            foreach (var who in watchers)
            {
                clients[who] = await Watcher.Connect(world, who);
            }

            // WatchBoard on every board kind: the answer (or a refusal) is scanned like the board route's.
            var watching = new List<(Who Who, string Board)>();
            foreach (var who in watchers)
            {
                foreach (var (board, scope) in Boards)
                {
                    var name = world.Fill(board);
                    try
                    {
                        var answer = await clients[who].Connection.InvokeAsync<JsonElement>("WatchBoard", name, "week");
                        leaks.AddRange(world.Scan(answer.GetRawText(), who, scope, name).Select(l => $"hub WatchBoard({board}) as {who}: {l}"));
                        watching.Add((who, name));
                    }
                    catch (HubException)
                    {
                        // Refused: nothing to scan, and no pushes may follow (checked below).
                    }
                }
            }

            // A change on every board: each fixture person acts again (points in every department, the small one included).
            var since = DateTime.UtcNow;
            await world.ActAgain();
            // Pushes are required where a change must show: not the withheld board, not a challenge that has already ended (a
            // company challenge ends once its collective target is reached).
            var expected = new List<(Who Who, string Board)>();
            foreach (var w in watching.Where(w => !world.IsWithheldBoard(w.Board)))
            {
                if (!w.Board.StartsWith("challenge-", StringComparison.Ordinal) || await world.IsActive(w.Board["challenge-".Length..]))
                {
                    expected.Add(w);
                }
            }

            var deadline = DateTime.UtcNow.AddSeconds(45);
            while (DateTime.UtcNow < deadline && expected.Any(w => !clients[w.Who].ReceivedBoard(w.Board, since)))
            {
                await Task.Delay(100);
            }

            var missing = expected.Where(w => !clients[w.Who].ReceivedBoard(w.Board, since)).ToList();
            leaks.AddRange(missing.Select(w =>
                $"hub BoardChanged({world.Unfill(w.Board)}) as {w.Who}: no BoardChanged or ChallengeChanged arrived within 45 s, so no push was scanned"));
            if (missing.Count > 0)
            {
                leaks.AddRange(world.Factory.Logs.Entries.Where(e => e.Contains("push", StringComparison.OrdinalIgnoreCase)).Take(3)
                    .Select(e => "server warning: " + e[..Math.Min(e.Length, 400)]));
            }

            // A consent change pushes a bare "read it again" (refresh) to the boards that list the person: it must not tie a
            // pseudonym to the person. While Rupert is opted in, pushes may name him; once a watcher got the refresh that
            // follows his opting out (and a second for a push presented just before it), none may.
            var (consentFrom, optedOut, rupert) = await world.ToggleConsentOfRupert(since => clients.Values.Any(w => w.Pushes.Any(p => p.At >= since
                && IsRefresh(p.Body))));

            foreach (var (who, client) in clients)
            {
                var settled = client.Pushes.Where(p => p.At >= optedOut && IsRefresh(p.Body)).Select(p => p.At.AddSeconds(1))
                    .DefaultIfEmpty(optedOut).Min();
                foreach (var push in client.Pushes)
                {
                    var board = push.Body.ValueKind == JsonValueKind.Object && push.Body.TryGetProperty("board", out var b) ? b.GetString() : null;
                    var challenge = push.Method == "ChallengeChanged" && push.Body.TryGetProperty("id", out var c) ? $"challenge-{c.GetString()}" : null;
                    var name = board ?? challenge;
                    var scope = name is null ? Scope.Consent : Boards.FirstOrDefault(x => world.Fill(x.Board) == name).Scope;
                    if (name is not null && !watching.Contains((who, name)))
                    {
                        leaks.Add($"hub push {push.Method}({world.Unfill(name)}) as {who}: pushed to a caller whose WatchBoard was refused");
                    }

                    var namedThen = push.At >= consentFrom && push.At < settled ? new HashSet<Guid> { rupert } : null;
                    leaks.AddRange(world.Scan(push.Body.GetRawText(), who, scope, name ?? push.Method, null, namedThen)
                        .Select(l => $"hub push {push.Method}({world.Unfill(name ?? "")}) as {who}: {l}"));
                }

                leaks.AddRange(client.UnknownPushes().Select(m => $"hub push as {who}: {m} (add it to Watcher so its answers are scanned)"));
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                await client.DisposeAsync();
            }
        }

        leaks = [.. leaks.Distinct()];
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:{Environment.NewLine}" + string.Join(Environment.NewLine, leaks));
    }

    private static bool IsRefresh(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("refresh", out var r) && r.ValueKind == JsonValueKind.True;

    private static Row R(string method, string pattern, Scope scope, string? path = null) =>
        new(method, pattern, scope, path ?? pattern);

    private sealed record Row(string Method, string Pattern, Scope Scope, string Path);

    /// <summary>One person of the company as the test knows them.</summary>
    public sealed record Person(Guid EmployeeId, string? UserId, string Name, string Email, Guid DepartmentId, bool Named, bool Fixture)
    {
        public string FirstName => Name.Split(' ')[0];
    }

    /// <summary>A hub connection that records every push (and any push it has no handler for).</summary>
    private sealed class Watcher : IAsyncDisposable
    {
        private static readonly string[] Known = ["BoardChanged", "ChallengeChanged", "Notification", "UnreadCount"];
        private readonly RecordingLoggerProvider _log = new();

        private Watcher(HubConnection connection, RecordingLoggerProvider log)
        {
            Connection = connection;
            _log = log;
            foreach (var method in Known)
            {
                connection.On<JsonElement>(method, body => Pushes.Enqueue(new Push(method, body, DateTime.UtcNow)));
            }
        }

        public HubConnection Connection { get; }

        public ConcurrentQueue<Push> Pushes { get; } = new();

        public static async Task<Watcher> Connect(World world, Who who)
        {
            var log = new RecordingLoggerProvider();
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(world.Factory.Server.BaseAddress, LiveHub.Path), o =>
                {
                    o.HttpMessageHandlerFactory = _ => world.Factory.Server.CreateHandler();
                    o.Transports = HttpTransportType.LongPolling;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(world.Token(who));
                })
                .ConfigureLogging(l => l.AddProvider(log))
                .Build();
            var watcher = new Watcher(connection, log);
            await connection.StartAsync();
            return watcher;
        }

        /// <summary>Whether a push about the board arrived (a challenge pushes its rows only when its top rows change, and
        /// <c>ChallengeChanged</c> on every change).</summary>
        public bool ReceivedBoard(string board, DateTime since) => Pushes.Any(p => p.At >= since && p.Body.ValueKind == JsonValueKind.Object
            && ((p.Body.TryGetProperty("board", out var b) && b.GetString() == board)
                || (p.Method == "ChallengeChanged" && p.Body.TryGetProperty("id", out var id) && $"challenge-{id.GetString()}" == board)));

        /// <summary>The client's warnings about pushes it had no handler for (a push kind this test does not know yet).</summary>
        public IEnumerable<string> UnknownPushes() => _log.Entries.Where(e => e.Contains("handler", StringComparison.OrdinalIgnoreCase));

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private sealed record Push(string Method, JsonElement Body, DateTime At);

    /// <summary>
    /// One server with known facts: the demo company plus people made here, each with a known consent — in R&amp;D Quirin (not
    /// opted in), Ottilie (opted in) and Rupert (not opted in; toggles his consent in the hub test), in Customer Service Wendelin
    /// (not opted in), Henrike (opted in) and their manager Matthias, and the department Tiny Lab (Bartholomew opted in,
    /// Kunigunde not) below the minimum group size of 5. "Managers see individuals" is off. Challenges: one per department (R&amp;D,
    /// Customer Service), R&amp;D against Tiny Lab, and one company-wide; everyone made here has acted in them.
    /// </summary>
    public sealed class World : IAsyncLifetime
    {
        public const string TinyLab = "Tiny Lab";
        private const string Password = "Privacy-Fixture-2026!";

        public GamifyHubFactory Factory { get; } = new();

        private readonly Dictionary<Who, string> _tokens = [];
        private readonly Dictionary<string, string> _ids = [];
        private readonly Dictionary<Guid, HashSet<string>> _pseudonyms = [];
        private readonly Dictionary<string, HashSet<Guid>> _challengeDepartments = new(StringComparer.OrdinalIgnoreCase);
        private List<Person> _people = [];
        private readonly List<string> _rdItems = [];
        private readonly List<string> _csItems = [];
        private int _wave;

        private static readonly (string Name, string Department, bool Named)[] Made =
        [
            ("Quirin Zabelmoor", "rd", false), ("Ottilie Brennkraut", "rd", true), ("Rupert Falkenhain", "rd", false),
            ("Wendelin Krautheimer", "cs", false), ("Henrike Pfauenstein", "cs", true),
            ("Bartholomew Igelstein", "tiny", true), ("Kunigunde Moosbach", "tiny", false),
        ];

        private const string OtherManagerName = "Matthias Kronauer";

        private static string EmailOf(string name) => name.ToLowerInvariant().Replace(' ', '.') + "@privacy.test";

        public async Task InitializeAsync()
        {
            var admin = await Factory.SignedIn(ApiClient.Admin);
            var departments = await admin.GetJson("/api/departments");
            _ids["{rd}"] = IdOf(departments, "Research & Development");
            _ids["{cs}"] = IdOf(departments, "Customer Service");
            var tiny = await admin.PostAsJsonAsync("/api/admin/departments", new { name = TinyLab });
            Assert.True(tiny.IsSuccessStatusCode, await tiny.Content.ReadAsStringAsync());
            _ids["{tiny}"] = (await tiny.Json()).GetProperty("id").GetString()!;
            Assert.True((await admin.PutAsJsonAsync("/api/admin/privacy",
                new { individualBoards = true, minimumGroupSize = 5, managersSeeIndividuals = false })).IsSuccessStatusCode);

            foreach (var (name, department, named) in Made)
            {
                await CreatePerson(admin, name, _ids[$"{{{department}}}"], ["Employee"]);
                if (named)
                {
                    var person = await Factory.SignedIn(EmailOf(name), Password);
                    Assert.True((await person.PutAsJsonAsync("/api/me/privacy", new { rankedByName = true })).IsSuccessStatusCode);
                }
            }

            await CreatePerson(admin, OtherManagerName, _ids["{cs}"], ["Manager", "Employee"]);

            _tokens[Who.Employee] = await ApiClient.TokenFor(Factory.CreateClient(), ApiClient.Ravi);
            _tokens[Who.Manager] = await ApiClient.TokenFor(Factory.CreateClient(), ApiClient.Lena);
            _tokens[Who.OtherEmployee] = await ApiClient.TokenFor(Factory.CreateClient(), ApiClient.Sofia);
            _tokens[Who.Admin] = await ApiClient.TokenFor(Factory.CreateClient(), ApiClient.Admin);
            _tokens[Who.OtherManager] = await ApiClient.TokenFor(Factory.CreateClient(), EmailOf(OtherManagerName), Password);
            var wallboard = await (await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "Privacy" })).Json();
            _tokens[Who.Wallboard] = wallboard.GetProperty("token").GetString()!;

            var ravi = Client(Who.Employee);
            _rdItems.AddRange((await ravi.GetJson("/api/feedback?status=open&pageSize=20")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetString()!).Take(6));
            var sofia = Client(Who.OtherEmployee);
            foreach (var item in (await sofia.GetJson("/api/feedback?status=open&pageSize=100")).GetProperty("items").EnumerateArray()
                         .Select(i => i.GetProperty("id").GetString()!))
            {
                if (_csItems.Count < 6 && (await ravi.GetAsync($"/api/feedback/{item}")).StatusCode == HttpStatusCode.NotFound)
                {
                    _csItems.Add(item);
                }
            }

            Assert.True(_rdItems.Count >= 3 && _csItems.Count >= 3, "not enough open items in R&D's and Customer Service's own inboxes");
            _ids["{rd-item}"] = _rdItems[0];
            _ids["{cs-item}"] = _csItems[0];

            _ids["{rd-challenge}"] = await CreateChallenge(admin, "department", ["{rd}"]);
            _ids["{cs-challenge}"] = await CreateChallenge(admin, "department", ["{cs}"]);
            _ids["{tvt-challenge}"] = await CreateChallenge(admin, "team-vs-team", ["{rd}", "{tiny}"]);
            _ids["{company-challenge}"] = await CreateChallenge(admin, "company", []);

            foreach (var challenge in (await admin.GetJson("/api/challenges")).EnumerateArray())
            {
                _challengeDepartments[challenge.GetProperty("id").GetString()!] =
                    [.. challenge.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];
            }

            await ActAgain();
            await LoadPeople();
            _ids["{quirin}"] = Find("Quirin Zabelmoor").EmployeeId.ToString();
            _ids["{quirin-user}"] = Find("Quirin Zabelmoor").UserId!;

            // The facts are in place once the challenge standings and the small department's board show the actions.
            await Eventually.True(async () =>
            {
                // Read from the grains: the answers themselves list only what a reader may see (top half, no small department).
                var grains = Factory.Services.GetRequiredService<IGrainFactory>();
                var rd = await grains.GetGrain<IChallengeGrain>(Guid.Parse(_ids["{rd-challenge}"])).GetBoard(int.MaxValue, null);
                var tvt = await grains.GetGrain<IChallengeGrain>(Guid.Parse(_ids["{tvt-challenge}"])).GetBoard(int.MaxValue, null);
                return rd.Rows.Count >= 3 && tvt.Rows.Count >= 2 && (await GrainTotal($"department-{_ids["{tiny}"]}")) > 0;
            }, 60_000);
        }

        private async Task CreatePerson(HttpClient admin, string name, string department, string[] roles)
        {
            var response = await admin.PostAsJsonAsync("/api/admin/people", new
            {
                name, email = EmailOf(name), departmentId = department, roles, managedDepartmentIds = Array.Empty<Guid>(), password = Password,
            });
            Assert.True(response.IsSuccessStatusCode, $"{name}: {await response.Content.ReadAsStringAsync()}");
        }

        private async Task<string> CreateChallenge(HttpClient admin, string scope, string[] departments)
        {
            var response = await admin.PostAsJsonAsync("/api/challenges", new
            {
                name = $"Privacy {scope} {string.Join(' ', departments)}",
                description = "Read what customers tell us",
                metric = "action-count",
                action = "read",
                category = (string?)null,
                target = 2,
                startsAt = DateTimeOffset.UtcNow,
                endsAt = DateTimeOffset.UtcNow.AddDays(2),
                scope,
                departmentIds = departments.Select(d => _ids[d]).ToArray(),
                rewardPoints = 5,
                rewardBadge = "Privacy reader",
                recurrence = "none",
                schedule = true,
            });
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{scope}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Json()).GetProperty("id").GetString()!;
        }

        /// <summary>Every person made here reads items of their department (Tiny Lab has no inbox: reads without an item). Each wave
        /// uses new event ids, so each changes every board those people are on.</summary>
        public async Task ActAgain()
        {
            var wave = Interlocked.Increment(ref _wave);
            var integration = Factory.WithApiKey();
            var events = new List<object>();
            foreach (var (name, department, _) in Made)
            {
                var items = department switch { "rd" => _rdItems, "cs" => _csItems, _ => [] };
                // Rupert acts most, so his row is in the visible top half of R&D's challenge (his consent change is pushed there).
                var count = name.StartsWith("Rupert", StringComparison.Ordinal) ? 5 : 3;
                for (var i = 0; i < count; i++)
                {
                    events.Add(new
                    {
                        eventId = Guid.CreateVersion7().ToString(),
                        employee = EmailOf(name),
                        type = "read",
                        feedbackId = items.Count == 0 ? null : items[(i + (3 * (wave - 1))) % items.Count],
                    });
                }
            }

            var response = await integration.PostAsJsonAsync("/api/events/batch", new { events });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>Rupert opts in and out again; after each change waits (with a deadline, not a failure: a watcher may get no
        /// such push) until a watcher received the refresh that follows it.</summary>
        /// <returns>When the first change was made, when the opting out was, and Rupert's employee id.</returns>
        internal async Task<(DateTime From, DateTime OptedOut, Guid Rupert)> ToggleConsentOfRupert(Func<DateTime, bool> refreshedSince)
        {
            var rupert = Find("Rupert Falkenhain");
            var from = DateTime.UtcNow;
            var optedOut = from;
            var client = await Factory.SignedIn(rupert.Email, Password);
            foreach (var named in new[] { true, false })
            {
                var since = DateTime.UtcNow;
                optedOut = since;
                Assert.True((await client.PutAsJsonAsync("/api/me/privacy", new { rankedByName = named })).IsSuccessStatusCode);
                RememberPseudonym(rupert.EmployeeId);
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (DateTime.UtcNow < deadline && !refreshedSince(since))
                {
                    await Task.Delay(100);
                }
            }

            return (from, optedOut, rupert.EmployeeId);
        }

        private async Task LoadPeople()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<Data.GamifyDbContext>>().CreateDbContextAsync();
            var users = await db.Users.AsNoTracking().Where(u => u.EmployeeId != null).ToDictionaryAsync(u => u.EmployeeId!.Value, u => u.Id);
            var privacy = Factory.Services.GetRequiredService<PrivacyBook>();
            var made = Made.Select(m => m.Name).Append(OtherManagerName).ToHashSet();
            _people = [.. (await db.Employees.AsNoTracking().ToListAsync()).Select(e => new Person(e.Id, users.GetValueOrDefault(e.Id),
                e.DisplayName, e.Email, e.DepartmentId, privacy.RankedByName(e.Id), made.Contains(e.DisplayName)))];
            foreach (var person in _people)
            {
                RememberPseudonym(person.EmployeeId);
            }
        }

        /// <summary>Keeps every pseudonym (label and id) a person ever had: one that changes on a consent change must stay apart too.</summary>
        private void RememberPseudonym(Guid employeeId)
        {
            var pseudonym = Factory.Services.GetRequiredService<PrivacyBook>().PseudonymOf(employeeId);
            var known = _pseudonyms.TryGetValue(employeeId, out var set) ? set : _pseudonyms[employeeId] = [];
            known.Add(pseudonym.Label);
            known.Add(pseudonym.Id.ToString());
        }

        private Person Find(string name) => _people.Single(p => p.Name == name);

        private Person? Self(Who who) => who switch
        {
            Who.Employee => _people.Single(p => p.Email == ApiClient.Ravi),
            Who.Manager => _people.Single(p => p.Email == ApiClient.Lena),
            Who.OtherEmployee => _people.Single(p => p.Email == ApiClient.Sofia),
            Who.OtherManager => Find(OtherManagerName),
            _ => null,
        };

        /// <summary>The caller's departments, for answers scoped to them (null: all, for admins and wallboards).</summary>
        private HashSet<Guid>? DepartmentsOf(Who who) => who switch
        {
            Who.Employee or Who.Manager => [Guid.Parse(_ids["{rd}"])],
            Who.OtherEmployee or Who.OtherManager => [Guid.Parse(_ids["{cs}"])],
            _ => null,
        };

        private Guid Tiny => Guid.Parse(_ids["{tiny}"]);

        /// <summary>Whether the board (or a path reading it) is the withheld Tiny Lab's own department board.</summary>
        public bool IsWithheldBoard(string board) => board.Contains($"department-{_ids["{tiny}"]}", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// What a caller may not find in an answer of this scope, as one line per finding: a person's name, email, employee id or
        /// sign-in id; a pseudonym next to its person; a figure (or a total that gives it away) of the withheld Tiny Lab; Tiny Lab
        /// named on a pseudonymous row.
        /// </summary>
        /// <summary>As <see cref="Scan"/>; a list of challenges is scanned one challenge at a time (each has its own departments).</summary>
        public IEnumerable<string> ScanAnswer(string answer, Who who, Scope scope, string where)
        {
            if (scope == Scope.Challenge && answer.TrimStart().StartsWith('['))
            {
                using var document = JsonDocument.Parse(answer);
                return [.. document.RootElement.EnumerateArray().SelectMany(c => Scan(c.GetRawText(), who, scope, where,
                    c.TryGetProperty("id", out var id) ? id.GetString() : null))];
            }

            return Scan(answer, who, scope, where);
        }

        /// <param name="where">The path or board asked for: ids in it are the caller's own words, not something the answer told them.</param>
        /// <param name="about">The challenge an answer of <see cref="Scope.Challenge"/> is about (default: the one named in <paramref name="where"/>).</param>
        /// <param name="namedThen">People who were opted in when the answer was sent (a push during a consent change).</param>
        public IEnumerable<string> Scan(string answer, Who who, Scope scope, string where, string? about = null,
            IReadOnlySet<Guid>? namedThen = null)
        {
            JsonElement? json = null;
            string text;
            try
            {
                using var document = JsonDocument.Parse(answer);
                json = document.RootElement.Clone();
                var strings = new StringBuilder();
                Strings(json.Value, strings);
                text = strings.ToString();
            }
            catch (JsonException)
            {
                text = answer;
            }

            var self = Self(who);
            var mine = DepartmentsOf(who);
            var wallboardRule = who == Who.Wallboard || (who == Who.Admin && scope == Scope.Highlights);
            // A challenge of departments the caller is in none of: nobody of them, and not even its id, may reach the caller.
            var hidden = _challengeDepartments.Where(c => mine is not null && who != Who.Admin && c.Value.Count > 0 && !c.Value.Overlaps(mine))
                .ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
            HashSet<Guid>? hiddenPeople = scope == Scope.Challenge
                && hidden.FirstOrDefault(c => (about ?? where).Contains(c.Key, StringComparison.OrdinalIgnoreCase)).Value is { } departments
                ? departments : null;
            foreach (var id in hidden.Keys.Where(id => text.Contains(id, StringComparison.OrdinalIgnoreCase)
                         && !where.Contains(id, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"id of {Unfill(id)}, a challenge of departments the caller is not in";
            }
            var tinyPeople = _people.Where(p => p.DepartmentId == Tiny).ToList();
            foreach (var person in _people.Where(p => p != self))
            {
                var reason = hiddenPeople?.Contains(person.DepartmentId) == true
                    ? "a person of a challenge of departments the caller is not in"
                    : Forbidden(person with { Named = person.Named || namedThen?.Contains(person.EmployeeId) == true }, who, scope, mine);
                foreach (var (kind, token, words) in Tokens(person, wallboardRule))
                {
                    if ((reason is not null || kind is "sign-in id" || (wallboardRule && kind is not "first name")) && Contains(text, token, words))
                    {
                        yield return $"{kind} of {Describe(person)}{(reason is null ? "" : $"; {reason}")}";
                    }
                }

                var pseudonym = _pseudonyms[person.EmployeeId].FirstOrDefault(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
                if (pseudonym is not null && (Contains(text, person.Name, false) || Contains(text, person.EmployeeId.ToString(), false)))
                {
                    yield return $"pseudonym '{pseudonym}' sent together with the real name or id of {Describe(person)}";
                }
            }

            if (json is { } root)
            {
                // Tiny Lab's people add up to its figure on its own department board; elsewhere they are individuals like any other.
                var department = new HashSet<string>([_ids["{tiny}"], TinyLab], StringComparer.OrdinalIgnoreCase);
                var people = IsWithheldBoard(where)
                    ? tinyPeople.SelectMany(p => _pseudonyms[p.EmployeeId].Append(p.EmployeeId.ToString()).Append(p.Name))
                        .ToHashSet(StringComparer.OrdinalIgnoreCase)
                    : [];
                foreach (var finding in Figures(root, department, people))
                {
                    yield return finding;
                }
            }
        }

        /// <summary>Why <paramref name="person"/> may not be seen by name by this caller in an answer of this scope (null: may be).</summary>
        private string? Forbidden(Person person, Who who, Scope scope, HashSet<Guid>? mine)
        {
            if (scope == Scope.Highlights)
            {
                scope = who is Who.Wallboard or Who.Admin ? Scope.Consent : Scope.Activity;
            }

            if (scope == Scope.Activity && who is Who.Manager or Who.OtherManager or Who.Admin)
            {
                return "\"managers see individuals\" is off, so who-did-what answers show no individuals to managers and admins";
            }

            if (scope == Scope.Activity && mine is not null && !mine.Contains(person.DepartmentId))
            {
                return "another department's people, in an answer scoped to the caller's department";
            }

            return person.Named ? null : "not opted in to be named";
        }

        /// <summary>A person's tokens: the wallboard may show opted-in people by first name only (every other token is forbidden
        /// to it); first names alone are scanned only for the people made here (their names are rare words).</summary>
        private static IEnumerable<(string Kind, string Token, bool Words)> Tokens(Person person, bool wallboardRule)
        {
            yield return ("name", person.Name, false);
            yield return ("email", person.Email, false);
            yield return ("employee id", person.EmployeeId.ToString(), false);
            yield return ("employee id", person.EmployeeId.ToString("N"), false);
            if (person.UserId is not null)
            {
                yield return ("sign-in id", person.UserId, false);
            }

            if (person.Fixture && (!wallboardRule || !person.Named))
            {
                yield return ("first name", person.FirstName, true);
            }
        }

        private string Describe(Person person)
        {
            var department = person.DepartmentId == Tiny ? TinyLab
                : person.DepartmentId.ToString() == _ids["{rd}"] ? "R&D"
                : person.DepartmentId.ToString() == _ids["{cs}"] ? "Customer Service" : "another department";
            return $"{person.Name} ({department}, {(person.Named ? "opted in" : "not opted in")})";
        }

        /// <summary>
        /// Figures of the withheld Tiny Lab: any object naming it (or, on its own board, one of its people by id, pseudonym or
        /// name) with a non-zero figure; a challenge total that differs from the sum of the teams shown while Tiny Lab's team is withheld (the difference
        /// is Tiny Lab's figure); Tiny Lab named as the department of a pseudonymous row (it has one such person).
        /// </summary>
        private static IEnumerable<string> Figures(JsonElement element, HashSet<string> tiny, HashSet<string> tinyPeople)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in element.EnumerateArray())
                {
                    foreach (var finding in Figures(child, tiny, tinyPeople))
                    {
                        yield return finding;
                    }
                }

                yield break;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                yield break;
            }

            var about = element.EnumerateObject().FirstOrDefault(p => p.Name is "memberId" or "id" or "name" or "departmentId"
                && p.Value.ValueKind == JsonValueKind.String && (tiny.Contains(p.Value.GetString()!) || tinyPeople.Contains(p.Value.GetString()!)));
            if (about.Value.ValueKind == JsonValueKind.String)
            {
                foreach (var figure in element.EnumerateObject().Where(p => p.Name is "score" or "points" or "value" or "items" or "count"
                             && p.Value.ValueKind == JsonValueKind.Number && p.Value.GetDouble() != 0))
                {
                    yield return $"{figure.Name} {figure.Value.GetRawText()} of withheld {TinyLab} (row '{about.Value.GetString()}')";
                }
            }

            if (element.TryGetProperty("pseudonym", out var pseudonymous) && pseudonymous.ValueKind == JsonValueKind.True
                && element.TryGetProperty("departmentName", out var department) && department.GetString() == TinyLab)
            {
                yield return $"withheld {TinyLab} named on the pseudonymous row {element.GetProperty("name").GetString()}";
            }

            if (element.TryGetProperty("units", out var units) && units.ValueKind == JsonValueKind.Array
                && element.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number)
            {
                var rows = units.EnumerateArray().ToList();
                var withheld = rows.Any(u => u.TryGetProperty("id", out var id) && tiny.Contains(id.GetString()!));
                var shown = rows.Where(u => u.TryGetProperty("id", out var id) && !tiny.Contains(id.GetString()!)
                    && u.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number).Sum(u => u.GetProperty("value").GetDouble());
                if (withheld && Math.Abs(total.GetDouble() - shown) > 1e-9)
                {
                    yield return $"challenge total {total.GetRawText()} minus the teams shown ({shown.ToString(CultureInfo.InvariantCulture)}) gives withheld {TinyLab}'s figure";
                }
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var finding in Figures(property.Value, tiny, tinyPeople))
                {
                    yield return finding;
                }
            }
        }

        /// <summary>Every string of a JSON answer, decoded (names with umlauts are escaped in the raw text), one per line.</summary>
        private static void Strings(JsonElement element, StringBuilder into)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Strings(property.Value, into);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var child in element.EnumerateArray())
                    {
                        Strings(child, into);
                    }

                    break;
                case JsonValueKind.String:
                    into.Append(element.GetString()).Append('\n');
                    break;
            }
        }

        private static bool Contains(string text, string token, bool words)
        {
            var at = 0;
            while ((at = text.IndexOf(token, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = at + token.Length;
                if (!words || ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]))))
                {
                    return true;
                }

                at = end;
            }

            return false;
        }

        private async Task<long> GrainTotal(string board)
        {
            Assert.Null(BoardReader.Validate(board, "week", out var scope, out var window));
            var snapshot = await Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IBoardGrain>(BoardKey.For(scope, window))
                .GetSnapshot(int.MaxValue, null, false, 0);
            return snapshot.Rows.Sum(r => r.Score);
        }

        private static string IdOf(JsonElement departments, string name) =>
            departments.EnumerateArray().First(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

        public string Fill(string text)
        {
            foreach (var (name, value) in _ids)
            {
                text = text.Replace(name, value, StringComparison.Ordinal);
            }

            return text;
        }

        /// <summary>The placeholder form of a board name, for reporting.</summary>
        public string Unfill(string text)
        {
            foreach (var (name, value) in _ids)
            {
                text = text.Replace(value, name, StringComparison.Ordinal);
            }

            return text;
        }

        public string Token(Who who) => _tokens[who];

        public async Task<bool> IsActive(string challengeId) =>
            (await Client(Who.Admin).GetJson($"/api/challenges/{challengeId}")).GetProperty("status").GetString() == "active";

        /// <summary>A client without cookies, signed in as <paramref name="who"/> (a wallboard by its token).</summary>
        public HttpClient Client(Who who)
        {
            var client = Factory.CreateClient(new() { HandleCookies = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[who]);
            return client;
        }

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }
}
