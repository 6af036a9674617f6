using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains.Tests;

/// <summary>
/// A season board follows the season calendar in force. The grain tests run on real time, so the roll-over is made by
/// the calendar: the season running now ends yesterday and the next one starts today, exactly what the grain sees when a
/// season's last day passes (the same period check on every call and tick).
/// </summary>
[Collection(GrainCluster.Name)]
public sealed class SeasonBoardGrainTests(GrainClusterFixture cluster)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin).DateTime);

    private static Season S(string id, int fromToday, int toToday) => new(id, id, Today.AddDays(fromToday), Today.AddDays(toToday));

    private async Task Record(Guid employee, DateTimeOffset at) =>
        Assert.True((await cluster.Grains.GetGrain<IEmployeeGrain>(employee).RecordExternal(new ActionCommand(Guid.CreateVersion7(),
            employee, cluster.Research, ActionType.Insight, at.UtcDateTime, "test"))).Accepted);

    private static long ScoreOf(BoardSnapshot snapshot, Guid member) => snapshot.Rows.SingleOrDefault(r => r.MemberId == member)?.Score ?? 0;

    [Fact]
    public async Task A_season_board_rolls_over_to_the_next_season_and_is_empty_while_none_runs()
    {
        var alpha = S("alpha", -10, 5);
        await cluster.Seasons.ReplaceAsync(SeasonCalendar.Create([alpha]), "test");
        try
        {
            await Record(cluster.Ben, DateTimeOffset.UtcNow.AddDays(-3));
            await Record(cluster.Ben, DateTimeOffset.UtcNow);
            var board = cluster.Grains.GetGrain<IBoardGrain>($"department-{cluster.Research}/season");
            var alphaPeriod = alpha.PeriodIn(Berlin);
            var inAlpha = await cluster.PointsOf(cluster.Ben, alphaPeriod.StartUtc, alphaPeriod.EndUtc);
            var snapshot = await board.GetSnapshot(100, cluster.Ben, false, 0);
            for (var i = 0; i < 100 && ScoreOf(snapshot, cluster.Ben) != inAlpha; i++)
            {
                await Task.Delay(50); // the fan-out feeds boards just after the commit
                snapshot = await board.GetSnapshot(100, cluster.Ben, false, 0);
            }

            Assert.Equal(("season", "alpha", inAlpha), (snapshot.Window, snapshot.Period, ScoreOf(snapshot, cluster.Ben)));

            // Alpha ended yesterday, beta started today: the board reloads beta's scores from the log at once.
            var beta = S("beta", 0, 7);
            var pushedFrom = DateTime.UtcNow;
            await cluster.Seasons.ReplaceAsync(SeasonCalendar.Create([alpha with { End = Today.AddDays(-1) }, beta]), "test");
            var betaPeriod = beta.PeriodIn(Berlin);
            var inBeta = await cluster.PointsOf(cluster.Ben, betaPeriod.StartUtc, betaPeriod.EndUtc);

            snapshot = await board.GetSnapshot(100, cluster.Ben, false, 0);

            Assert.Equal(("beta", inBeta), (snapshot.Period, ScoreOf(snapshot, cluster.Ben)));
            Assert.True(inBeta < inAlpha, "the event three days ago counted in alpha only");
            Assert.Equal(inBeta, snapshot.Me!.Score);
            await board.ApplyDeltas([new(long.MaxValue - 10, cluster.Ben, 7, DateTime.UtcNow)]);
            await board.ApplyDeltas([new(long.MaxValue - 9, cluster.Ben, 1000, DateTime.UtcNow.AddDays(-3))]); // before beta
            Assert.Equal(inBeta + 7, ScoreOf(await board.GetSnapshot(100, null, false, 0), cluster.Ben));
            // Watchers get a push naming the new period, so they reload.
            await WaitForPush(pushedFrom, "beta");

            // No season: no period, no rows, and deltas do not count.
            pushedFrom = DateTime.UtcNow;
            await cluster.Seasons.ReplaceAsync(SeasonCalendar.Create([S("gamma", 3, 9)]), "test");
            await board.ApplyDeltas([new(long.MaxValue - 8, cluster.Ben, 5, DateTime.UtcNow)]);
            snapshot = await board.GetSnapshot(100, cluster.Ben, false, 0);
            Assert.Null(snapshot.Period);
            Assert.Empty(snapshot.Rows);
            Assert.Null(snapshot.Me);
            await WaitForPush(pushedFrom, null);
        }
        finally
        {
            await cluster.Seasons.ReplaceAsync(SeasonCalendar.Empty, "test");
        }
    }

    private async Task WaitForPush(DateTime since, string? period)
    {
        for (var i = 0; i < 100; i++)
        {
            if (cluster.Notifier.BoardChanges.Any(c => c.At >= since && c.Change.Board == $"department-{cluster.Research}"
                    && c.Change.Window == "season" && c.Change.Period == period))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"No push with period {period ?? "null"}.");
    }
}
