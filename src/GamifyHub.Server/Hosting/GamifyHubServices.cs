using GamifyHub.Data;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Boards;
using GamifyHub.Server.Demo;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Health;
using GamifyHub.Server.Insights;
using GamifyHub.Server.Live;
using GamifyHub.Server.Problems;
using GamifyHub.Server.Security;
using GamifyHub.Server.Webhooks;
using GamifyHub.Server.Imports;
using System.Net;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GamifyHub.Server.Hosting;

public static class GamifyHubServices
{
    /// <summary>Everything the server hosts: data, the co-hosted Orleans silo, auth, API, hub and demo mode.</summary>
    public static WebApplicationBuilder AddGamifyHub(this WebApplicationBuilder builder)
    {
        // Settings are read when the container is built, not here: test hosts and command lines may add them late.
        builder.Services.AddGamifyData(sp => DatabasePath(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddSingleton<ServerDatabaseLock>();
        builder.Services.AddGamifyGrains();
        builder.Host.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(serviceId: "gamifyhub", clusterId: "gamifyhub-local");
            silo.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName);
            silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<SiloOptions>>((o, options) => options.Value.ApplyTo(o));
            silo.Services.AddOptions<DevelopmentClusterMembershipOptions>().Configure<IOptions<EndpointOptions>>((o, endpoints) =>
                o.PrimarySiloEndpoint = new IPEndPoint(endpoints.Value.AdvertisedIPAddress, endpoints.Value.SiloPort));
        });

        builder.Services.AddGamifyAuthentication();
        builder.Services.AddGamifyCsrf();
        builder.Services.AddGamifyCookieSecurity();
        builder.Services.AddGamifyRateLimits();
        builder.Services.AddGamifyReverseProxy();
        builder.Services.AddLogRedaction();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusProblems.AddDetail);
        builder.Services.AddSingleton<IEndpointAddressScheme<RouteEndpoint>, SingleEndpointAddressScheme>();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.MaxDepth = 32;
            // A misspelt or garbled field is an error, not silently dropped (an event without its feedbackId scores differently).
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
        builder.Services.AddOpenApi();
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
        builder.Services.Replace(ServiceDescriptor.Singleton<IHubProtocol, ExplainingJsonHubProtocol>());
        builder.Services.AddSingleton<IUserIdProvider, EmployeeUserIdProvider>();
        builder.Services.AddSingleton<SignalRLiveNotifier>();
        builder.Services.AddSingleton<IPersonalPush>(sp => sp.GetRequiredService<SignalRLiveNotifier>());
        // Personal notifications go through each user's notification centre (stored, mute preferences applied) first.
        builder.Services.AddSingleton<ILiveNotifier>(sp =>
            new InboxLiveNotifier(sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<SignalRLiveNotifier>()));
        builder.Services.AddSingleton<IChallengeNotifier, SignalRChallengeNotifier>();
        builder.Services.AddSingleton<Challenges.ChallengePresenter>();
        builder.Services.AddSingleton<Challenges.ChallengeLookup>();
        builder.Services.AddSingleton<BoardPresenter>();
        builder.Services.AddSingleton<Privacy.Visibility>();
        builder.Services.AddSingleton<Privacy.ConsentPush>();
        builder.Services.AddSingleton<BoardReader>();
        builder.Services.AddSingleton<DepartmentViews>();
        builder.Services.AddSingleton<RoutingRuleCache>();
        builder.Services.AddSingleton<FeedbackIntakeService>();
        builder.Services.AddSingleton<FeedbackQueries>();
        builder.Services.AddSingleton<InsightsQueries>();
        builder.Services.AddSingleton<Analytics.AnalyticsQueries>();
        builder.Services.AddSingleton<Analytics.StudyHistoryQueries>();
        builder.Services.AddHostedService<Analytics.AnalyticsWarmUp>();
        builder.Services.AddSingleton<IAnalyticsNotifier, SignalRAnalyticsNotifier>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Texts.Localizer>();
        builder.Services.AddSingleton<AdminQueries>();
        builder.Services.AddSingleton<Sla.SlaPresenter>();
        builder.Services.AddOptions<Sla.SlaOptions>().BindConfiguration("Sla");
        builder.Services.AddSingleton<Sla.SlaTouchedItems>();
        builder.Services.AddSingleton<Data.Writing.ICommittedEventsObserver>(sp => sp.GetRequiredService<Sla.SlaTouchedItems>());
        builder.Services.AddSingleton<Sla.SlaBreachNotifier>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Sla.SlaBreachNotifier>());
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<WebhookSourceStore>();
        builder.Services.AddSingleton<WebhookReplayGuard>();
        builder.Services.AddSingleton<FeedbackImporter>();
        builder.Services.AddSingleton<ImportReports>();
        builder.Services.AddOptions<Kudos.KudosOptions>().BindConfiguration("Kudos");
        builder.Services.AddSingleton<Kudos.KudosService>();
        builder.Services.AddSingleton<MyData.SignInGuard>();
        builder.Services.AddSingleton<MyData.PersonalData>();
        builder.Services.AddOptions<MyData.RetentionOptions>().BindConfiguration("Retention");
        builder.Services.AddOptions<Admin.BackupOptions>().BindConfiguration(Admin.BackupOptions.SectionName);
        builder.Services.AddSingleton<MyData.RetentionJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MyData.RetentionJob>());
        builder.Services.AddOptions<Activity.ActivityOptions>().BindConfiguration("Activity");
        builder.Services.AddSingleton<Activity.ActivityPrivacy>();
        builder.Services.AddSingleton<Activity.ActivityQueries>();
        builder.Services.AddSingleton<Wallboard.WallboardTokens>();
        builder.Services.AddSingleton<Live.LiveConnections>();
        builder.Services.AddSingleton<Auth.ISessionRevocations, Auth.LocalSessionRevocations>();

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<WriterHealthCheck>("writer", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);

        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration("Simulator")
            .PostConfigure<IOptions<DemoOptions>>((sim, demo) => sim.Enabled &= demo.Value.Enabled);
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<DemoMode>();
        builder.Services.AddHostedService<Simulator>();
        return builder;
    }

    /// <summary>Relative paths count from the content root, so the file is found wherever the command runs.</summary>
    public static string DatabasePath(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Database:Path"] ?? "data/gamifyhub.db", environment.ContentRootPath);
}
