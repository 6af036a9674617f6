using GamifyHub.Data;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Boards;
using GamifyHub.Server.Demo;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Health;
using GamifyHub.Server.Live;
using GamifyHub.Server.Problems;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Hosting;

public static class GamifyHubServices
{
    /// <summary>Everything the server hosts: data, the co-hosted Orleans silo, auth, API, hub and demo mode.</summary>
    public static WebApplicationBuilder AddGamifyHub(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var databasePath = Path.GetFullPath(configuration["Database:Path"] ?? "data/gamifyhub.db");
        configuration["Database:ResolvedPath"] = databasePath;

        builder.Services.AddGamifyData(databasePath);
        builder.Services.AddGamifyGrains();
        builder.Host.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: configuration.GetValue("Orleans:SiloPort", 11111),
                gatewayPort: configuration.GetValue("Orleans:GatewayPort", 30000),
                serviceId: "gamifyhub",
                clusterId: "gamifyhub-local");
        });

        builder.Services.AddGamifyAuthentication();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.MaxDepth = 32);
        builder.Services.AddOpenApi();
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
        builder.Services.AddSingleton<IUserIdProvider, EmployeeUserIdProvider>();
        builder.Services.AddSingleton<ILiveNotifier, SignalRLiveNotifier>();
        builder.Services.AddSingleton<BoardPresenter>();
        builder.Services.AddSingleton<BoardReader>();
        builder.Services.AddSingleton<RoutingRuleCache>();
        builder.Services.AddSingleton<FeedbackIntakeService>();
        builder.Services.AddSingleton<FeedbackQueries>();

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<WriterHealthCheck>("writer", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);

        builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration("Simulator")
            .PostConfigure<Microsoft.Extensions.Options.IOptions<DemoOptions>>((sim, demo) => sim.Enabled &= demo.Value.Enabled);
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddHostedService<Simulator>();
        return builder;
    }
}
