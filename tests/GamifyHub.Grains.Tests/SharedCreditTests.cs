using GamifyHub.Domain.Scoring;
using GamifyHub.Testing;

namespace GamifyHub.Grains.Tests;

[Collection(GrainCluster.Name)]
public sealed class SharedCreditTests(GrainClusterFixture cluster)
{
    private static ActionCommand Command(Guid employee, Guid department, ActionType type, Guid? target = null) =>
        new(Guid.CreateVersion7(), employee, department, type, DateTime.UtcNow, "test", target,
            type == ActionType.Resolve ? "Fixed" : null);

    private async Task<long> Points(Guid employee) => (await cluster.Grains.GetGrain<IEmployeeGrain>(employee).GetSummary()).Points;

    private async Task<long> DepartmentPoints(Guid department) =>
        (await cluster.Grains.GetGrain<IDepartmentGrain>(department).GetSummary()).Points;

    private static async Task<long> Settled(Func<Task<long>> read)
    {
        var previous = await read();
        for (var stable = 0; stable < 3;)
        {
            await Task.Delay(200);
            var current = await read();
            stable = current == previous ? stable + 1 : 0;
            previous = current;
        }

        return previous;
    }

    [Fact]
    public async Task A_resolve_shares_credit_with_the_forwarder_and_a_reopen_claws_both_back()
    {
        var item = cluster.Grains.GetGrain<IFeedbackItemGrain>(cluster.ResearchItems[6]);
        var forward = await item.Act(Command(cluster.Ben, cluster.Research, ActionType.Forward, cluster.Service));
        Assert.True(forward.Accepted);
        var read = await item.Act(Command(cluster.Cleo, cluster.Service, ActionType.Read));
        Assert.True(read.Accepted);
        await Eventually.True(async () => (await cluster.AwardsOf(read.EventId)).Count > 0);
        // Let the fan-out deliver the forward, the read and anything earlier tests left in flight.
        var benBefore = await Settled(() => Points(cluster.Ben));
        var cleoBefore = await Settled(() => Points(cluster.Cleo));
        var researchBefore = await Settled(() => DepartmentPoints(cluster.Research));

        var resolve = await item.Act(Command(cluster.Cleo, cluster.Service, ActionType.Resolve));

        Assert.True(resolve.Accepted);
        var lines = await cluster.AwardsOf(resolve.EventId);
        var shared = Assert.Single(lines, l => l.EmployeeId == cluster.Ben);
        Assert.EndsWith(AwardLine.SharedSuffix, shared.RuleId);
        Assert.Equal(cluster.Research, shared.DepartmentId);
        Assert.True(shared.Points > 0);
        Assert.Equal(lines.Where(l => l.EmployeeId == cluster.Cleo).Sum(l => l.Points), resolve.Points);
        Assert.All(resolve.Awards, a => Assert.False(a.Rule.EndsWith(AwardLine.SharedSuffix, StringComparison.Ordinal)));
        await Eventually.True(async () => await Points(cluster.Ben) == benBefore + shared.Points);
        await Eventually.True(async () => await Points(cluster.Cleo) == cleoBefore + resolve.Points);
        await Eventually.True(async () => await DepartmentPoints(cluster.Research) == researchBefore + shared.Points);
        await Eventually.True(() => Task.FromResult(cluster.Notifier.Notifications.Any(n =>
            n.Employee == cluster.Ben && n.Notification.Id == resolve.EventId && n.Notification.Type == "shared-credit")));

        var reopen = await item.Act(Command(cluster.Cleo, cluster.Service, ActionType.Reopen));

        Assert.True(reopen.Accepted);
        var clawbacks = await cluster.AwardsOf(reopen.EventId);
        Assert.All(clawbacks, l => Assert.EndsWith(AwardLine.ClawbackSuffix, l.RuleId));
        Assert.Equal(-shared.Points, clawbacks.Where(l => l.EmployeeId == cluster.Ben).Sum(l => l.Points));
        await Eventually.True(async () => await Points(cluster.Ben) == benBefore);
        await Eventually.True(async () => await Points(cluster.Cleo) == cleoBefore);
        await Eventually.True(async () => await DepartmentPoints(cluster.Research) == researchBefore);

        // A restart rebuilds the same totals from the stored lines.
        await cluster.RestartSilo();
        Assert.Equal(benBefore, await Points(cluster.Ben));
        Assert.Equal(cleoBefore, await Points(cluster.Cleo));
    }

    [Fact]
    public async Task A_first_read_earns_a_badge_and_progress_hides_unearned_secret_badges()
    {
        var item = cluster.Grains.GetGrain<IFeedbackItemGrain>(cluster.ResearchItems[7]);
        var read = await item.Act(Command(cluster.Ada, cluster.Research, ActionType.Read));
        Assert.True(read.Accepted);

        var progress = await cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Ada).GetProgress();

        Assert.True(progress.Level.Level >= 1);
        Assert.Contains(progress.Badges, b => b.Id == "first-listener" && b.Earned);
        Assert.DoesNotContain(progress.Badges, b => b.Secret && !b.Earned);
        Assert.Contains(progress.Badges, b => !b.Earned && b.Current < b.Target);
        await Eventually.True(() => Task.FromResult(cluster.Notifier.Notifications.Any(n =>
            n.Employee == cluster.Ada && n.Notification.Type == "badge" && n.Notification.Title == "First Listener")));
    }
}
