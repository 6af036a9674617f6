using GamifyHub.Server.Analytics;
using GamifyHub.Server.People;
using GamifyHub.Server.Activity;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Kudos;
using GamifyHub.Server.Notifications;
using GamifyHub.Server.Wallboard;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Boards;
using GamifyHub.Server.Challenges;
using GamifyHub.Server.Departments;
using GamifyHub.Server.Events;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Health;
using GamifyHub.Server.Insights;
using GamifyHub.Server.Live;
using GamifyHub.Server.Me;
using GamifyHub.Server.MyData;
using GamifyHub.Server.Privacy;
using GamifyHub.Server.Problems;
using GamifyHub.Server.Seasons;
using GamifyHub.Server.Security;
using GamifyHub.Server.Sla;
using GamifyHub.Server.Routing;
using GamifyHub.Server.Webhooks;
using GamifyHub.Server.Imports;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace GamifyHub.Server.Hosting;

public static class GamifyHubPipeline
{
    public static WebApplication MapGamifyHub(this WebApplication app)
    {
        app.UseGamifyReverseProxy();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestGuards();
        var webClient = WebClientFiles.Provider(app.Environment, app.Configuration);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = webClient });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = webClient });
        app.UseAuthentication();
        app.UseSignInGuard();
        app.UseGamifyCsrf();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.Write,
        }).AllowAnonymous();
        app.MapOpenApi().RequireAuthorization(Policies.SignedIn);

        var api = app.MapGroup("/api");
        api.MapAuthEndpoints();
        api.MapPasswordEndpoints();
        api.MapMeEndpoints();
        api.MapMyDataEndpoints();
        api.MapDepartmentEndpoints();
        api.MapFeedbackEndpoints();
        api.MapInsightsEndpoints();
        api.MapAnalyticsEndpoints();
        api.MapEventEndpoints();
        api.MapBoardEndpoints();
        api.MapPrivacyEndpoints();
        api.MapChallengeEndpoints();
        api.MapSeasonEndpoints();
        api.MapAdminEndpoints();
        api.MapAuditEndpoints();
        api.MapSlaEndpoints();
        api.MapBenchmarkEndpoints();
        api.MapReturnModelEndpoints();
        api.MapStudyHistoryEndpoints();
        api.MapMentionEndpoints();
        api.MapRoutingRuleEndpoints();
        api.MapTaxonomyEndpoints();
        api.MapWebhookEndpoints();
        api.MapImportEndpoints();
        api.MapNotificationEndpoints();
        api.MapKudosEndpoints();
        api.MapActivityEndpoints();
        api.MapWallboardEndpoints();
        api.MapPeopleEndpoints();
        api.MapApiKeyEndpoints();
        api.MapApiFallback();

        // A connection ends when its sign-in expires (bearer token: 1 h); revocations close it at once (ISessionRevocations).
        app.MapHub<LiveHub>(LiveHub.Path, o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization(Policies.Watcher);

        // The web client's routes; the page itself loads without a sign-in and then asks for one.
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = webClient }).AllowAnonymous();
        return app;
    }
}
