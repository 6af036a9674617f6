using FsCheck.Xunit;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Tests.Fixtures;

namespace GamifyHub.Domain.Tests.Scoring;

public class EmployeeLedgerSnapshotTests
{
    /// <summary>
    /// Scores a log the way live scoring does (item facts, the actor scores and observes, everyone named observes), and
    /// after event <paramref name="cut"/> replaces every ledger by the one its snapshot reads back (−1: never). Answers
    /// every event's score and every ledger at the end.
    /// </summary>
    private static (List<ScoreResult> Scores, Dictionary<Guid, EmployeeLedger> Ledgers) Play(EngagementLog log, int cut)
    {
        var ledgers = new Dictionary<Guid, EmployeeLedger>();
        var states = log.Items.ToDictionary(p => p.Key, p => new FeedbackItemState(p.Value));
        var scores = new List<ScoreResult>();
        EmployeeLedger LedgerOf(Guid id) => ledgers.TryGetValue(id, out var l) ? l : ledgers[id] = new EmployeeLedger(id);
        for (var i = 0; i < log.Events.Count; i++)
        {
            var e = log.Events[i];
            var state = e.FeedbackId is { } itemId ? states[itemId] : null;
            var fact = new EngagementFact(e.EventId, e.EmployeeId, e.DepartmentId, e.Action, e.OccurredAt, e.Source, e.DwellSeconds,
                state?.FactsFor(e.Action, e.TargetDepartmentId));
            var result = LedgerOf(e.EmployeeId).Score(log.Rules, fact, Berlin);
            scores.Add(result);
            LedgerOf(e.EmployeeId).Observe(fact, result.Awards, Berlin);
            foreach (var named in result.Awards.Select(a => a.EmployeeId).Where(id => id != e.EmployeeId).Distinct())
            {
                LedgerOf(named).Observe(fact, result.Awards, Berlin);
            }

            state?.Apply(e.EmployeeId, e.DepartmentId, e.Action, e.TargetDepartmentId, e.Source, result.Awards);
            if (i == cut)
            {
                foreach (var id in ledgers.Keys.ToList())
                {
                    ledgers[id] = EmployeeLedger.FromSnapshot(id, ledgers[id].ToSnapshot())
                        ?? throw new InvalidOperationException("A fresh snapshot was refused.");
                }
            }
        }

        return (scores, ledgers);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public void ALedgerReadBackFromItsSnapshotScoresEveryLaterEventAsTheOriginalWould(EngagementLog log, byte at)
    {
        var cut = log.Events.Count == 0 ? -1 : at % log.Events.Count;
        var (expectedScores, expectedLedgers) = Play(log, -1);

        var (scores, ledgers) = Play(log, cut);

        Assert.Equal(expectedScores.Count, scores.Count);
        for (var i = 0; i < scores.Count; i++)
        {
            Assert.Equal(expectedScores[i].Awards, scores[i].Awards);
            Assert.Equal(expectedScores[i].Flags, scores[i].Flags);
        }

        Assert.Equal(expectedLedgers.Keys.Order(), ledgers.Keys.Order());
        foreach (var (id, expected) in expectedLedgers)
        {
            Same.Stats(expected.Stats, ledgers[id].Stats);
            Assert.Equal(expected.PointsWithLines(), ledgers[id].PointsWithLines());
            Assert.Equal(expected.ToSnapshot(), ledgers[id].ToSnapshot());
        }
    }

    [Fact]
    public void AnEmptyLedgerReadsBackEmpty()
    {
        var ledger = EmployeeLedger.FromSnapshot(Ravi, new EmployeeLedger(Ravi).ToSnapshot());

        Assert.NotNull(ledger);
        Assert.Equal(0, ledger.TotalXp);
        Assert.Empty(ledger.PointsWithLines());
        Assert.Equal(new EmployeeLedger(Ravi).ToSnapshot(), ledger.ToSnapshot());
    }

    [Fact]
    public void ACategoryWhoseLinesAddUpToZeroIsStillListed()
    {
        var ledger = new EmployeeLedger(Ravi);
        ledger.Credit([new AwardLine(Ravi, RnD, 5, PointCategory.Insight, "x", 1, "x"), new AwardLine(Ravi, RnD, -5, PointCategory.Insight, "x", 1, "x")]);

        var read = EmployeeLedger.FromSnapshot(Ravi, ledger.ToSnapshot())!;

        Assert.Equal(new Dictionary<PointCategory, long> { [PointCategory.Insight] = 0 }, read.PointsWithLines());
    }

    [Fact]
    public void ASnapshotThatIsNotThisEmployeesOrNotThisFormatIsRefused()
    {
        var ledger = new EmployeeLedger(Ravi);
        ledger.Act(RuleSet.Default, Fact(Ravi, ActionType.Reply, Monday9, Item(ItemA, firstReply: true)));
        var bytes = ledger.ToSnapshot();
        var otherFormat = bytes.ToArray();
        otherFormat[0]++;

        Assert.NotNull(EmployeeLedger.FromSnapshot(Ravi, bytes));
        Assert.Null(EmployeeLedger.FromSnapshot(Sofia, bytes));
        Assert.Null(EmployeeLedger.FromSnapshot(Ravi, otherFormat));
        Assert.Null(EmployeeLedger.FromSnapshot(Ravi, bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Null(EmployeeLedger.FromSnapshot(Ravi, [.. bytes, 0]));
        Assert.Null(EmployeeLedger.FromSnapshot(Ravi, []));
    }
}
