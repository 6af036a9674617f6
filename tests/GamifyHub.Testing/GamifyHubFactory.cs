using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GamifyHub.Testing;

/// <summary>
/// The real server (HTTP pipeline, co-hosted silo, SQLite file) in the test process, on its own database file
/// and ports. Demo mode seeds the demo company (switched on explicitly: the "Testing" environment is not Development, where
/// it is on by default); the simulator is off so the tests control every event.
/// </summary>
public sealed class GamifyHubFactory : WebApplicationFactory<Program>
{
    public GamifyHubFactory() : this(TempDatabase.NewPath())
    {
    }

    private GamifyHubFactory(string databasePath)
    {
        DatabasePath = databasePath;
    }

    /// <summary>A host on an existing database file, e.g. to restart on the same data (with extra settings, if any).</summary>
    public static GamifyHubFactory OnDatabase(string databasePath, params (string Key, string Value)[] settings)
    {
        var factory = new GamifyHubFactory(databasePath);
        factory._settings.AddRange(settings);
        return factory;
    }

    /// <summary>
    /// The server as installed anywhere but Development: demo mode left to its default (off) unless a setting names it.
    /// On a new database file unless one is given.
    /// </summary>
    public static GamifyHubFactory Installed(string? databasePath = null, params (string Key, string Value)[] settings)
    {
        var factory = new GamifyHubFactory(databasePath ?? TempDatabase.NewPath()) { _demo = false };
        factory._settings.AddRange(settings);
        return factory;
    }

    /// <summary>A host with extra settings, e.g. a tiny write queue.</summary>
    public static GamifyHubFactory With(params (string Key, string Value)[] settings)
    {
        var factory = new GamifyHubFactory();
        factory._settings.AddRange(settings);
        return factory;
    }

    private readonly List<(string Key, string Value)> _settings = [];
    private bool _demo = true;

    /// <summary>The server's warnings and errors.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    public string DatabasePath { get; }

    /// <summary>Serves on a real loopback port (for a real browser) and answers the base address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", DatabasePath);
        if (_demo)
        {
            builder.UseSetting("Demo:Enabled", "true");
        }

        builder.UseSetting("Simulator:Enabled", "false");
        // Breach notices would arrive at random moments of a test: tests that want them run the notifier themselves.
        builder.UseSetting("Sla:NotifierEnabled", "false");
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests send far more requests per caller than a person would: the limits are tested on their own (RateLimitTests).
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Intake:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Actions:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Boards:PermitLimit", "1000000");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
