using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Server.Demo;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Hosting;

public static class DatabaseInitializer
{
    /// <summary>Creates or migrates the database, applies demo mode (seeds it, or retires its credentials), and loads caches.</summary>
    public static async Task InitializeGamifyHubAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        // Held for the server's lifetime; restore refuses to run while it is.
        _ = services.GetRequiredService<ServerDatabaseLock>();
        await using (var db = await services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            await SqliteDatabase.MigrateAsync(db, cancellationToken);
        }

        await services.GetRequiredService<RuleBook>().LoadAsync(cancellationToken);
        await services.GetRequiredService<SeasonBook>().LoadAsync(cancellationToken);
        await services.GetRequiredService<TaxonomyBook>().LoadAsync(cancellationToken);
        await services.GetRequiredService<GamifyHub.Data.Privacy.PrivacyBook>().LoadAsync(cancellationToken);
        // Seeds the demo, or takes a demo's known credentials away when it was turned off.
        await services.GetRequiredService<DemoMode>().ApplyAsync(cancellationToken);
        await services.GetRequiredService<CompanyDirectory>().RefreshAsync(cancellationToken);
    }
}
