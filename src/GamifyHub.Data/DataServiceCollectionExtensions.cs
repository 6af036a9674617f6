using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GamifyHub.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>EF Core on one SQLite file, a context per operation, and the single event writer.</summary>
    /// <param name="databasePath">Resolves the SQLite file's path once the container is built, so settings that arrive late
    /// (e.g. from a test host) still count.</param>
    public static IServiceCollection AddGamifyData(this IServiceCollection services, Func<IServiceProvider, string> databasePath)
    {
        services.AddSingleton(sp => new DatabaseLocation(Path.GetFullPath(databasePath(sp))));
        services.AddDbContextFactory<GamifyDbContext>((sp, o) =>
            o.UseGamifySqlite(SqliteDatabase.ConnectionString(sp.GetRequiredService<DatabaseLocation>().Path)));
        services.AddOptions<WriterOptions>().BindConfiguration("Writer");
        services.AddSingleton<EngagementWriter>();
        services.AddSingleton<Auditing.AuditRecorder>();
        services.AddSingleton<ProjectionReader>();
        services.AddSingleton<LedgerSnapshotStore>();
        services.AddSingleton<ProjectionSnapshotStore>();
        services.AddSingleton<CompanyDirectory>();
        services.AddSingleton<RuleBook>();
        services.AddSingleton<StandingsCache>();
        services.AddSingleton<SeasonBook>();
        services.AddSingleton<Privacy.PrivacyBook>();
        services.AddSingleton<Privacy.IPersonalDataSection, Privacy.ConsentHistorySection>();
        services.AddSingleton<TaxonomyBook>();
        services.AddSingleton<SlaBook>();
        services.AddSingleton<AnalyticsStudyBook>();
        services.AddSingleton<ChallengeStore>();
        services.AddSingleton<Notifications.NotificationStore>();
        services.AddSingleton<Privacy.RetentionBook>();
        services.AddSingleton<Identity.InstallStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService(sp => sp.GetRequiredService<EngagementWriter>());
        return services;
    }
}
