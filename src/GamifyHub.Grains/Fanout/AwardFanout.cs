using System.Threading.Channels;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Scoring;
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
    // A commit's events as one item, so a batch never splits a commit (a person's points in it make one notification).
    private readonly Channel<List<CommittedEvent>> _committed = Channel.CreateUnbounded<List<CommittedEvent>>(
        new UnboundedChannelOptions { SingleReader = true });

    // Counted by hand: a single-reader unbounded channel cannot count its items.
    private int _backlog;

    public int Backlog => Volatile.Read(ref _backlog);

    public void OnCommitted(IReadOnlyList<CommittedEvent> events)
    {
        var awarded = new List<CommittedEvent>(events.Count);
        foreach (var e in events)
        {
            if (e.Record.Awards.Count > 0)
            {
                awarded.Add(e);
            }
        }

        if (awarded.Count > 0 && _committed.Writer.TryWrite(awarded))
        {
            Interlocked.Add(ref _backlog, awarded.Count);
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
            while (batch.Count < 5_000 && _committed.Reader.TryRead(out var commit))
            {
                batch.AddRange(commit);
            }

            Interlocked.Add(ref _backlog, -batch.Count);

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
        // Every line goes to its recipient: the actor, colleagues receiving shared credit, or those whose resolve
        // points a reopen returned (negative deltas).
        var perRecipient = batch
            .SelectMany(e => e.Record.Awards.GroupBy(l => l.EmployeeId).Select(g => (Event: e, Employee: g.Key, Lines: g.ToList())))
            .ToList();
        var perDepartment = batch
            .SelectMany(e => e.Record.Awards.GroupBy(l => l.DepartmentId).Select(g => (Event: e, Department: g.Key, Lines: g.ToList())))
            .ToList();

        var calls = new List<Task>();
        foreach (var byEmployee in perRecipient.GroupBy(r => r.Employee))
        {
            calls.Add(grains.GetGrain<IEmployeeGrain>(byEmployee.Key).ApplyAwards(
                [.. byEmployee.Select(r => new EarnedAwards(r.Event.Seq, r.Event.Record.EventId, r.Event.Record.FeedbackId,
                    r.Event.Record.OccurredAt, [.. r.Lines.Select(AwardView.From)], r.Event.Record.EmployeeId))]));
        }

        var employeeDeltas = perRecipient.Select(r => Delta(r.Event, r.Employee, r.Lines)).ToList();
        var departmentDeltas = perDepartment
            .Select(r => Delta(r.Event, r.Department, r.Lines) with { CountsEvent = r.Department == r.Event.Record.DepartmentId })
            .ToList();
        var deltasOf = departmentDeltas.ToLookup(d => d.MemberId);
        foreach (var byDepartment in perDepartment.GroupBy(r => r.Department))
        {
            calls.Add(grains.GetGrain<IDepartmentGrain>(byDepartment.Key).ApplyDeltas([.. deltasOf[byDepartment.Key]]));
            var members = byDepartment
                .SelectMany(r => r.Lines.GroupBy(l => l.EmployeeId).Select(g => Delta(r.Event, g.Key, [.. g])))
                .ToList();
            foreach (var window in Windows)
            {
                calls.Add(Board(BoardScope.Department(byDepartment.Key), window).ApplyDeltas(members));
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

    private static ScoreDelta Delta(CommittedEvent e, Guid member, List<AwardLine> lines) =>
        new(e.Seq, member, lines.Sum(a => a.Points), e.Record.OccurredAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feeding {Count} committed events to projections failed")]
    private partial void LogDeliveryFailed(Exception ex, int count);
}
