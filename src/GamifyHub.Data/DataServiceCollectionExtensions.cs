using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GamifyHub.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>EF Core on one SQLite file, a context per operation, and the single event writer.</summary>
    public static IServiceCollection AddGamifyData(this IServiceCollection services, string databasePath)
    {
        var connectionString = SqliteDatabase.ConnectionString(databasePath);
        services.AddDbContextFactory<GamifyDbContext>(o => o.UseGamifySqlite(connectionString));
        services.AddOptions<WriterOptions>().BindConfiguration("Writer");
        services.AddSingleton<EngagementWriter>();
        services.AddSingleton<ProjectionReader>();
        services.AddSingleton<CompanyDirectory>();
        services.AddSingleton<RuleBook>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService(sp => sp.GetRequiredService<EngagementWriter>());
        return services;
    }
}
