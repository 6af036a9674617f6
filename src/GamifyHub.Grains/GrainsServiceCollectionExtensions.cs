using GamifyHub.Data.Writing;
using GamifyHub.Grains.Fanout;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Silo-side services the grains need beside the data layer.</summary>
    public static IServiceCollection AddGamifyGrains(this IServiceCollection services)
    {
        services.AddOptions<CompanyOptions>().BindConfiguration("Company");
        services.AddSingleton<AwardFanout>();
        services.AddSingleton<ICommittedEventsObserver>(sp => sp.GetRequiredService<AwardFanout>());
        services.AddHostedService(sp => sp.GetRequiredService<AwardFanout>());
        return services;
    }
}
