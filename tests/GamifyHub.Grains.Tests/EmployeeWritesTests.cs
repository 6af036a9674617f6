using GamifyHub.Data.Reading;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains.Employees;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GamifyHub.Grains.Tests;

/// <summary>
/// An employee's events sent in one call: scored in the call's order, each on top of the ones before it while those still
/// commit, stored in that order, repeats counted once, and a failed write takes the events after it down with it.
/// </summary>
[Collection(GrainCluster.Name)]
public sealed class EmployeeWritesTests(GrainClusterFixture cluster)
{
    private const string FailingText = "make this write fail";

    private ActionCommand Event(Guid employee, ActionType type, DateTime at, string? text = null) =>
        new(Guid.CreateVersion7(), employee, employee == cluster.Cleo ? cluster.Service : cluster.Research, type, at, "test", Text: text);

    /// <summary>What the events earn when scored one at a time, each observed before the next, on the employee's stored log.</summary>
    private async Task<List<ScoreResult>> OneByOne(Guid employee, IEnumerable<ActionCommand> events)
    {
        var silo = cluster.Cluster.Silos[0].ServiceProvider;
        var rules = silo.GetRequiredService<RuleBook>().Current;
        var zone = silo.GetRequiredService<IOptions<CompanyOptions>>().Value.Zone;
        var ledger = await (await silo.GetRequiredService<ProjectionReader>().LoadLedger(employee, rules.Version, 0, 0)).FoldAsync(employee, zone);

        var results = new List<ScoreResult>();
        foreach (var e in events)
        {
            var fact = EmployeeGrain.FactOf(e, null);
            var result = ledger.Score(rules, fact, zone);
            ledger.Observe(fact, result.Awards, zone);
            results.Add(result);
        }

        return results;
    }

    private static int Own(ScoreResult result, Guid employee) => result.Awards.Where(a => a.EmployeeId == employee).Sum(a => a.Points);

    [Fact]
    public async Task Many_events_in_one_call_are_scored_and_stored_in_the_calls_order()
    {
        var day = new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc);
        ActionType[] types = [ActionType.Insight, ActionType.Reply, ActionType.Tag];
        // First close together (bursts: the sixth within a minute earns nothing), then spread out (daily caps, diminishing
        // returns): what each earns depends on every one before it.
        var events = Enumerable.Range(0, 200)
            .Select(i => Event(cluster.Cleo, types[i % types.Length], day.AddSeconds(i < 40 ? 3 * i : 120 + 70 * i)))
            .ToList();
        var expected = await OneByOne(cluster.Cleo, events);

        var outcomes = await cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Cleo).RecordExternalBatch(events);

        Assert.Equal(events.Select(e => e.EventId), outcomes.Select(o => o.EventId));
        Assert.All(outcomes, o => Assert.False(o.Duplicate));
        Assert.Equal(expected.Select(r => Own(r, cluster.Cleo)), outcomes.Select(o => o.Points));
        Assert.True(expected.Select(r => Own(r, cluster.Cleo)).Distinct().Count() > 2, "The events should not all earn the same.");
        Assert.Equal(events.Select(e => e.EventId), await cluster.InLogOrder([.. events.Select(e => e.EventId)]));
        for (var i = 0; i < events.Count; i += 17)
        {
            Assert.Equal(expected[i].Awards.Select(a => (a.RuleId, a.Points)),
                (await cluster.AwardsOf(events[i].EventId)).Select(a => (a.RuleId, a.Points)));
        }
    }

    [Fact]
    public async Task A_repeated_event_id_is_counted_once_within_a_call_across_calls_and_while_in_flight()
    {
        var grain = cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Ada);
        var at = new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc);
        var a = Event(cluster.Ada, ActionType.Insight, at);
        var b = Event(cluster.Ada, ActionType.Reply, at.AddMinutes(5));
        var c = Event(cluster.Ada, ActionType.Insight, at.AddMinutes(10));

        var first = await grain.RecordExternalBatch([a, b, a]);
        var again = await grain.RecordExternalBatch([b, a]);
        var together = await Task.WhenAll(grain.RecordExternalBatch([c]), grain.RecordExternalBatch([c]));

        Assert.Equal([false, false, true], first.Select(o => o.Duplicate));
        Assert.Equal(10, first[0].Points);
        Assert.Equal(first[0].Points, first[2].Points);
        Assert.Empty(first[2].Awards);
        Assert.Equal([true, true], again.Select(o => o.Duplicate));
        Assert.Equal([first[1].Points, first[0].Points], again.Select(o => o.Points));
        Assert.Equal(1, together.Count(o => !o[0].Duplicate));
        Assert.Equal(together[0][0].Points, together[1][0].Points);
        foreach (var e in new[] { a, b, c })
        {
            Assert.Equal(1, await cluster.CountEvents(e.EventId));
        }
    }

    [Fact]
    public async Task A_failed_write_fails_the_events_after_it_and_the_next_ones_score_on_the_reloaded_log()
    {
        var grain = cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Ben);
        var at = new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc);
        // Insights seconds apart: the sixth within a minute is a burst and earns nothing, so events observed but never
        // stored would cost the later ones their points.
        var failing = new[]
        {
            Event(cluster.Ben, ActionType.Insight, at), Event(cluster.Ben, ActionType.Insight, at.AddSeconds(1), FailingText),
            Event(cluster.Ben, ActionType.Insight, at.AddSeconds(2)), Event(cluster.Ben, ActionType.Insight, at.AddSeconds(3)),
            Event(cluster.Ben, ActionType.Insight, at.AddSeconds(4)),
        };
        await cluster.Execute(
            $"CREATE TRIGGER FailMarkedEvent BEFORE INSERT ON Events WHEN NEW.Text = '{FailingText}' BEGIN SELECT RAISE(ABORT, 'injected'); END");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.RecordExternalBatch(failing));
        }
        finally
        {
            await cluster.Execute("DROP TRIGGER FailMarkedEvent");
        }

        Assert.Equal(1, await cluster.CountEvents(failing[0].EventId));
        foreach (var later in failing.Skip(1))
        {
            Assert.Equal(0, await cluster.CountEvents(later.EventId));
        }

        var next = Enumerable.Range(5, 4).Select(s => Event(cluster.Ben, ActionType.Insight, at.AddSeconds(s))).ToList();
        var expected = await OneByOne(cluster.Ben, next);
        var outcomes = await grain.RecordExternalBatch(next);

        // On the log (one insight before them) all four earn their 10; on the four taken back too, they would be a burst.
        Assert.Equal([10, 10, 10, 10], expected.Select(r => Own(r, cluster.Ben)));
        Assert.Equal([10, 10, 10, 10], outcomes.Select(o => o.Points));
        // The failed ones can be sent again and are scored after them.
        var retried = await grain.RecordExternalBatch([.. failing.Skip(1).Select(e => e with { Text = null })]);
        Assert.All(retried, o => Assert.False(o.Duplicate));
        Assert.Equal(next.Concat(failing.Skip(1)).Select(e => e.EventId),
            await cluster.InLogOrder([.. next.Concat(failing.Skip(1)).Select(e => e.EventId)]));
    }
}
