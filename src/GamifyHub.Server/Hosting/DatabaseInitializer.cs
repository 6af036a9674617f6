using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Server.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Hosting;

public static class DatabaseInitializer
{
    /// <summary>Creates or migrates the database, seeds the demo company on first start, and loads caches.</summary>
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
        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            var seeder = services.GetRequiredService<DemoSeeder>();
            // Before the company: its feedback is classified with it (and a demo database made before topics gets it too).
            await seeder.SeedTaxonomyIfNeverSetAsync(cancellationToken);
            await seeder.SeedIfEmptyAsync(cancellationToken);
            // Separate from the company: a demo database made before seasons existed gets its season too.
            await seeder.SeedSeasonIfNeverSetAsync(cancellationToken);
            // Separate too: a demo database made before consent existed gets its opted-in employees.
            await seeder.SeedConsentIfNeverSetAsync(cancellationToken);
        }

        await services.GetRequiredService<CompanyDirectory>().RefreshAsync(cancellationToken);
    }
}
