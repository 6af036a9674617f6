using GamifyHub.Testing;

namespace GamifyHub.Grains.Tests;

[Collection(GrainCluster.Name)]
public sealed class DepartmentEngagementGrainTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task A_hundred_changes_make_one_push_not_a_hundred_and_later_changes_push_again()
    {
        var grain = cluster.Grains.GetGrain<IDepartmentEngagementGrain>(Guid.CreateVersion7());
        for (var i = 0; i < 100; i++)
        {
            await grain.Changed();
        }

        await Eventually.True(async () => await grain.Pushes() >= 1);
        // One push, or two when the machine is so slow that the hundred calls straddle the first push (never one per change).
        var pushes = await grain.Pushes();
        Assert.InRange(pushes, 1, 2);

        // Later changes push again, coalesced once more.
        await grain.Changed();
        await grain.Changed();
        await Eventually.True(async () => await grain.Pushes() > pushes);
        Assert.InRange(await grain.Pushes(), pushes + 1, pushes + 2);
    }
}
