using GamifyHub.Data.Identity;
using GamifyHub.Server.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Demo;

/// <summary>
/// Demo mode at each start. On: seeds the demo company (once) and, outside Development, warns that its credentials are
/// public. Off on a database that was seeded as a demo: disables the demo sign-ins that still take the published password
/// and revokes the demo API key, so known credentials never keep working silently. Either way, says how to create the
/// first admin when nobody can administer the install.
/// </summary>
public sealed class DemoMode(IOptions<DemoOptions> options, IHostEnvironment environment, DemoSeeder seeder, InstallStore install,
    IServiceProvider services, ILogger<DemoMode> logger)
{
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            if (!environment.IsDevelopment())
            {
                logger.LogWarning("DEMO MODE IS ON in the {Environment} environment. The demo sign-ins share a published password and "
                    + "the demo API key is public: anyone who reaches this server can sign in as its admin. Never use it for real "
                    + "people or data; set Demo:Enabled=false to turn it off (that also disables the demo sign-ins and key).",
                    environment.EnvironmentName);
            }

            await SeedAsync(cancellationToken);
            // Only where the demo's credentials are (demo mode switched on over a real company seeds nothing).
            if (await install.WasDemoSeededAsync(ApiKeys.Hash(DemoCompany.ApiKey), cancellationToken))
            {
                await install.RecordDemoSeededAsync(cancellationToken);
            }

            return;
        }

        await RetireAsync(cancellationToken);
        if (!await install.HasActiveAdminAsync(cancellationToken))
        {
            logger.LogWarning("No admin can sign in yet. Stop the server and create the first one with: "
                + "GamifyHub.Server admin create --email <you@example.com> --name \"<Your Name>\" "
                + "(from the repository: dotnet run --project src/GamifyHub.Server -- admin create …). It asks for the password.");
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Before the company: its feedback is classified with it (and a demo database made before topics gets it too).
        await seeder.SeedTaxonomyIfNeverSetAsync(cancellationToken);
        await seeder.SeedIfEmptyAsync(cancellationToken);
        // Separate from the company: a demo database made before seasons existed gets its season too.
        await seeder.SeedSeasonIfNeverSetAsync(cancellationToken);
        // Separate too: a demo database made before consent existed gets its opted-in employees.
        await seeder.SeedConsentIfNeverSetAsync(cancellationToken);
    }

    private async Task RetireAsync(CancellationToken cancellationToken)
    {
        var keyHash = ApiKeys.Hash(DemoCompany.ApiKey);
        if (!await install.WasDemoSeededAsync(keyHash, cancellationToken))
        {
            return;
        }

        // A demo sign-in whose password someone changed is no longer a known credential: it stays.
        await using var scope = services.CreateAsyncScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
        var known = (await install.EnabledUsersAsync(DemoCompany.SignIns.Select(s => s.Email), cancellationToken))
            .Where(u => u.PasswordHash is not null
                && hasher.VerifyHashedPassword(u, u.PasswordHash, DemoCompany.Password) != PasswordVerificationResult.Failed)
            .ToList();
        var revokedKeys = await install.RetireDemoAsync([.. known.Select(u => u.Id)], keyHash, cancellationToken);
        if (known.Count > 0 || revokedKeys > 0)
        {
            logger.LogWarning("Demo mode is off on a database that was seeded as a demo: disabled {SignIns} demo sign-ins that still "
                + "had the published password ({Emails}) and revoked {Keys} demo API key(s).", known.Count, string.Join(", ", known.Select(u => u.Email)), revokedKeys);
        }
    }
}
