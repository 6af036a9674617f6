using GamifyHub.Data.Writing;
using GamifyHub.Grains.Challenges;
using GamifyHub.Grains.Fanout;
using GamifyHub.Grains.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Hosting;

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

        // Employee ledgers start from snapshots kept near the head of the log.
        services.AddOptions<Employees.LedgerSnapshotOptions>().BindConfiguration("LedgerSnapshots");
        services.AddSingleton<Employees.LedgerSnapshotter>();
        services.AddHostedService(sp => sp.GetRequiredService<Employees.LedgerSnapshotter>());

        // Boards and department totals start from snapshots too, taken by their grains.
        services.AddOptions<Projections.ProjectionSnapshotOptions>().BindConfiguration(Projections.ProjectionSnapshotOptions.SectionName);
        services.AddSingleton<Projections.ProjectionSnapshots>();

        // Engagement analytics: one ledger of every department, fed from the commit path; department grains keep figures and push.
        services.AddSingleton<Analytics.EngagementProjection>();
        services.AddSingleton<Analytics.EngagementContexts>();
        // Analytics:Live=false is for the analytics bench only (the intake path's CPU without the live projection): the ledger
        // is loaded at start-up as usual but never told about new events, so its figures stay as they were.
        services.AddSingleton<ICommittedEventsObserver>(sp => sp.GetRequiredService<IConfiguration>().GetValue("Analytics:Live", true)
            ? sp.GetRequiredService<Analytics.EngagementProjection>()
            : NotObserving.Instance);
        services.AddHostedService(sp => sp.GetRequiredService<Analytics.EngagementProjection>());

        // Challenges: fed by their own fan-out, woken by durable reminders stored in the same SQLite file.
        services.AddOptions<ChallengeOptions>().BindConfiguration("Challenges");
        services.AddSingleton<ChallengeFanout>();
        services.AddSingleton<ICommittedEventsObserver>(sp => sp.GetRequiredService<ChallengeFanout>());
        services.AddHostedService(sp => sp.GetRequiredService<ChallengeFanout>());
        services.AddReminders();
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        services.AddOptions<ReminderOptions>().Configure<IOptions<ChallengeOptions>>((o, challenges) =>
        {
            if (challenges.Value.ReminderPeriod < o.MinimumReminderPeriod)
            {
                o.MinimumReminderPeriod = challenges.Value.ReminderPeriod;
            }
        });
        return services;
    }
}

/// <summary>Observes nothing: stands in for a projection switched off by configuration.</summary>
internal sealed class NotObserving : ICommittedEventsObserver
{
    public static readonly NotObserving Instance = new();

    public void OnCommitted(IReadOnlyList<CommittedEvent> events)
    {
    }
}
