using System.Threading.Channels;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Boards;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GamifyHub.Grains.Fanout;

/// <summary>
/// Feeds committed awards to the projections (employee, department, boards) in batches. Running behind the
/// writer keeps the acknowledgement path short; if the process dies, projections rebuild from the log.
/// </summary>
public sealed partial class AwardFanout(IGrainFactory grains, ILogger<AwardFanout> logger) : BackgroundService, ICommittedEventsObserver
{
    private static readonly BoardWindow[] Windows = Enum.GetValues<BoardWindow>();
    private readonly Channel<CommittedEvent> _committed = Channel.CreateUnbounded<CommittedEvent>(
        new UnboundedChannelOptions { SingleReader = true });

    public void OnCommitted(IReadOnlyList<CommittedEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Record.Awards.Count > 0)
            {
                _committed.Writer.TryWrite(e);
            }
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _committed.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CommittedEvent>();
        while (await _committed.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < 5_000 && _committed.Reader.TryRead(out var e))
            {
                batch.Add(e);
            }

            try
            {
                await Deliver(batch);
            }
            catch (Exception ex)
            {
                // Projections stay correct after a restart (they reload from the log); keep feeding the rest.
                LogDeliveryFailed(ex, batch.Count);
            }

            batch.Clear();
        }
    }

    private Task Deliver(List<CommittedEvent> batch)
    {
        var calls = new List<Task>();
        foreach (var byEmployee in batch.GroupBy(e => e.Record.EmployeeId))
        {
            calls.Add(grains.GetGrain<IEmployeeGrain>(byEmployee.Key).ApplyAwards(
                [.. byEmployee.Select(e => new EarnedAwards(e.Seq, e.Record.EventId, e.Record.FeedbackId, e.Record.OccurredAt,
                    [.. e.Record.Awards.Select(AwardView.From)]))]));
        }

        var employeeDeltas = batch.Select(e => Delta(e, e.Record.EmployeeId)).ToList();
        var departmentDeltas = batch.Select(e => Delta(e, e.Record.DepartmentId)).ToList();
        foreach (var byDepartment in batch.GroupBy(e => e.Record.DepartmentId))
        {
            calls.Add(grains.GetGrain<IDepartmentGrain>(byDepartment.Key).ApplyDeltas([.. byDepartment.Select(e => Delta(e, e.Record.DepartmentId))]));
            foreach (var window in Windows)
            {
                calls.Add(Board(BoardScope.Department(byDepartment.Key), window)
                    .ApplyDeltas([.. byDepartment.Select(e => Delta(e, e.Record.EmployeeId))]));
            }
        }

        foreach (var window in Windows)
        {
            calls.Add(Board(BoardScope.Employees, window).ApplyDeltas(employeeDeltas));
            calls.Add(Board(BoardScope.Departments, window).ApplyDeltas(departmentDeltas));
        }

        return Task.WhenAll(calls);
    }

    private IBoardGrain Board(BoardScope scope, BoardWindow window) => grains.GetGrain<IBoardGrain>(BoardKey.For(scope, window));

    private static ScoreDelta Delta(CommittedEvent e, Guid member) =>
        new(e.Seq, member, e.Record.Awards.Sum(a => a.Points), e.Record.OccurredAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feeding {Count} committed events to projections failed")]
    private partial void LogDeliveryFailed(Exception ex, int count);
}
