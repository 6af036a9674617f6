using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GamifyHub.Server.Tests.Support;

/// <summary>
/// The real server (HTTP pipeline, co-hosted silo, SQLite file) in the test process, on its own database file
/// and ports. Demo mode seeds the demo company; the simulator is off so the tests control every event.
/// </summary>
public sealed class GamifyHubFactory : WebApplicationFactory<Program>
{
    public GamifyHubFactory() : this(TempDatabase.NewPath())
    {
    }

    /// <summary>A host on an existing database file, e.g. to restart on the same data.</summary>
    internal GamifyHubFactory(string databasePath)
    {
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Simulator:Enabled", "false");
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
