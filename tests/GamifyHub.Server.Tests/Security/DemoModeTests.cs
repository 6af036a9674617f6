using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Server.Hosting;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests.Security;

/// <summary>
/// No known credentials outside a demo: demo mode is on by default only in Development (the README's <c>dotnet run</c>),
/// warns when switched on anywhere else, and turning it off on a demo database takes the demo sign-ins and key away. A
/// fresh install gets its first admin from <c>admin create</c>, once. Real SQLite files, reused across host starts.
/// </summary>
public sealed class DemoModeTests
{
    private static Task<HttpResponseMessage> Login(HttpClient client, string email, string password = ApiClient.Password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private static Task<HttpResponseMessage> PushFeedback(GamifyHubFactory factory) =>
        factory.WithApiKey().PostAsJsonAsync("/api/feedback",
            new { channel = "x", externalId = $"demo-{Guid.NewGuid():N}", author = "@kim", text = "The app crashes." });

    private static bool Warned(GamifyHubFactory factory, string text) =>
        factory.Logs.Entries.Any(e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task Outside_Development_a_new_install_has_no_demo_accounts_key_or_listing_and_says_how_to_create_an_admin()
    {
        await using var factory = GamifyHubFactory.Installed();
        var client = factory.CreateClient();
        var probe = new DatabaseProbe(factory.DatabasePath);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/auth/demo-accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, ApiClient.Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PushFeedback(factory)).StatusCode);
        Assert.Equal(0, await probe.Scalar<long>("SELECT count(*) FROM AspNetUsers"));
        Assert.Equal(0, await probe.Scalar<long>("SELECT count(*) FROM ApiKeys"));
        Assert.True(Warned(factory, "admin create"));
        Assert.False(Warned(factory, "DEMO MODE IS ON"));
    }

    [Fact]
    public void The_README_run_command_is_Development_where_demo_mode_is_on_by_default()
    {
        var server = Path.Combine(ServerProcess.RepositoryRoot, "src", "GamifyHub.Server");
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(server, "Properties", "launchSettings.json")));
        using var development = JsonDocument.Parse(File.ReadAllText(Path.Combine(server, "appsettings.Development.json")));
        using var everywhere = JsonDocument.Parse(File.ReadAllText(Path.Combine(server, "appsettings.json")));

        var profile = launch.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
        Assert.Equal("Development", profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
        Assert.True(development.RootElement.GetProperty("Demo").GetProperty("Enabled").GetBoolean());
        Assert.False(everywhere.RootElement.TryGetProperty("Demo", out _));
    }

    [Fact]
    public async Task Demo_mode_switched_on_outside_Development_warns_at_every_start()
    {
        var database = TempDatabase.NewPath();
        for (var start = 0; start < 2; start++)
        {
            await using var factory = GamifyHubFactory.Installed(database, ("Demo:Enabled", "true"));
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/demo-accounts")).StatusCode);
            Assert.True(Warned(factory, "DEMO MODE IS ON in the Testing environment"), $"no warning at start {start + 1}");
        }
    }

    [Fact]
    public async Task Turning_demo_mode_off_on_a_demo_database_disables_the_demo_sign_ins_and_revokes_the_demo_key()
    {
        var database = TempDatabase.NewPath();
        await using (var demo = GamifyHubFactory.OnDatabase(database))
        {
            var client = demo.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await Login(client, ApiClient.Ravi)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await PushFeedback(demo)).StatusCode);
        }

        await using var real = GamifyHubFactory.Installed(database);
        var anonymous = real.CreateClient();
        foreach (var email in new[] { ApiClient.Admin, ApiClient.Lena, ApiClient.Ravi, ApiClient.Sofia })
        {
            // The right password of a disabled sign-in learns only that it is disabled.
            await ProblemAssert.Is(await Login(anonymous, email), HttpStatusCode.Forbidden, "disabled");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await PushFeedback(real)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/auth/demo-accounts")).StatusCode);
        Assert.True(Warned(real, "disabled 4 demo sign-ins"));
        Assert.True(Warned(real, "admin create"));
        var probe = new DatabaseProbe(database);
        Assert.Equal(1, await probe.Scalar<long>("SELECT count(*) FROM AuditLog WHERE Action = 'demo.seeded'"));
        Assert.Equal(1, await probe.Scalar<long>("SELECT count(*) FROM ApiKeys WHERE RevokedAt IS NOT NULL"));
    }

    private static async Task<(int Code, string Out, string Err)> AdminCreate(string database, string email, string password)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(["admin", "create", "--email", email, "--name", "Olga Operator", $"--Database:Path={database}"],
            new StringReader(password + "\n"), interactive: false, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Admin_create_makes_the_first_admin_of_a_fresh_install_once_and_is_refused_afterwards()
    {
        var database = TempDatabase.NewPath();
        const string password = "correct horse battery staple";

        var weak = await AdminCreate(database, "olga@example.com", "short");
        var created = await AdminCreate(database, "olga@example.com", password);
        var again = await AdminCreate(database, "mallory@example.com", password);

        Assert.Equal(1, weak.Code);
        Assert.Contains("at least 12", weak.Err, StringComparison.Ordinal);
        Assert.Equal(0, created.Code);
        Assert.Contains("Created the admin olga@example.com", created.Out, StringComparison.Ordinal);
        Assert.Equal(1, again.Code);
        Assert.Contains("An admin exists already", again.Err, StringComparison.Ordinal);

        await using var factory = GamifyHubFactory.Installed(database);
        var client = factory.CreateClient();
        var signIn = await Login(client, "olga@example.com", password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await signIn.Json()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(factory.CreateClient(), "mallory@example.com", password)).StatusCode);
        Assert.False(Warned(factory, "admin create"));

        // While the server holds the database, the command refuses before touching it.
        var running = await AdminCreate(database, "mallory@example.com", password);
        Assert.Equal(1, running.Code);
        Assert.Contains("server is running", running.Err, StringComparison.Ordinal);
    }
}
