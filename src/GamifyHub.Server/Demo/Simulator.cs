using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains;
using GamifyHub.Server.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Demo;

/// <summary>
/// Demo mode's heartbeat: new customer feedback keeps arriving and simulated colleagues work their inboxes,
/// through the same intake and grains as real users, so boards move while someone watches.
/// </summary>
public sealed partial class Simulator(IServiceProvider services, IOptions<SimulatorOptions> options, IHostApplicationLifetime lifetime,
    TimeProvider time, ILogger<Simulator> logger) : BackgroundService
{
    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await WaitForStart(stoppingToken);
        var perSecond = (settings.FeedbackPerMinute + settings.ActionsPerMinute) / 60.0;
        var feedbackShare = settings.FeedbackPerMinute / Math.Max(0.001, settings.FeedbackPerMinute + settings.ActionsPerMinute);
        var voices = new DemoVoices(_random);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Poisson arrivals look natural: gaps vary, the average rate holds.
            var gap = -Math.Log(1 - _random.NextDouble()) / Math.Max(perSecond, 0.001);
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(gap, 30)), time, stoppingToken);
            try
            {
                if (_random.NextDouble() < feedbackShare)
                {
                    await NewFeedback(voices);
                }
                else
                {
                    await ColleagueActs();
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogStepFailed(ex);
            }
        }
    }

    private async Task WaitForStart(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    private Task NewFeedback(DemoVoices voices) => services.GetRequiredService<FeedbackIntakeService>()
        .IngestAsync(voices.Next($"sim-{Guid.CreateVersion7():N}", time.GetUtcNow()));

    private async Task ColleagueActs()
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<GamifyDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var colleagues = await db.Employees.AsNoTracking().Where(e => e.IsSimulated).ToListAsync();
        if (colleagues.Count == 0)
        {
            return;
        }

        var actor = colleagues[_random.Next(colleagues.Count)];
        var open = await db.FeedbackItems.AsNoTracking()
            .Where(f => f.Status == FeedbackStatus.Open && f.Routings.Any(r => r.DepartmentId == actor.DepartmentId))
            .OrderByDescending(f => f.ReceivedAt).Take(30).Select(f => f.Id).ToListAsync();
        if (open.Count == 0)
        {
            return;
        }

        var itemId = open[_random.Next(open.Count)];
        var done = await db.Events.AsNoTracking().Where(e => e.FeedbackId == itemId && e.EmployeeId == actor.Id)
            .Select(e => e.Type).ToListAsync();
        var (type, text, target) = ChooseAction(done, actor, await db.Departments.AsNoTracking().ToListAsync());
        var command = new ActionCommand(Guid.CreateVersion7(), actor.Id, actor.DepartmentId, type, time.GetUtcNow().UtcDateTime,
            "simulator", target, text);
        await services.GetRequiredService<IGrainFactory>().GetGrain<IFeedbackItemGrain>(itemId).Act(command);
    }

    private (ActionType, string?, Guid?) ChooseAction(List<ActionType> done, Employee actor, List<Department> departments)
    {
        if (!done.Contains(ActionType.Read))
        {
            return (ActionType.Read, null, null);
        }

        var roll = _random.NextDouble();
        if (roll < 0.5)
        {
            return (ActionType.Reply, "Thanks for your feedback, we are looking into it.", null);
        }

        if (roll < 0.7)
        {
            var others = departments.Where(d => d.Id != actor.DepartmentId).ToList();
            return (ActionType.Forward, "Could you take a look?", others[_random.Next(others.Count)].Id);
        }

        if (roll < 0.8)
        {
            return (ActionType.Insight, "Backlog: " + (_random.Next(2) == 0 ? "improve stability" : "customer wish"), null);
        }

        return (ActionType.Resolve, "Answered the customer and closed the loop.", null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A simulator step failed")]
    private partial void LogStepFailed(Exception ex);
}
