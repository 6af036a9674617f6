using GamifyHub.Data;
using GamifyHub.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

if (MaintenanceCommands.IsCommand(args))
{
    return await MaintenanceCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGamifyHub();

var app = builder.Build();
await app.InitializeGamifyHubAsync();
app.MapGamifyHub();

await app.StartAsync();
var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
foreach (var address in addresses)
{
    Console.WriteLine($"GamifyHub is running at {address}  (database: {app.Services.GetRequiredService<DatabaseLocation>().Path})");
}

await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
