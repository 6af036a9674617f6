using GamifyHub.Testing;

namespace GamifyHub.Grains.Tests;

[Collection(GrainCluster.Name)]
public sealed class DepartmentEngagementGrainTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task Many_changes_make_one_push_and_later_changes_one_more()
    {
        var grain = cluster.Grains.GetGrain<IDepartmentEngagementGrain>(Guid.CreateVersion7());
        for (var i = 0; i < 100; i++)
        {
            await grain.Changed();
        }

        await Eventually.True(async () => await grain.Pushes() >= 1);
        Assert.Equal(1, await grain.Pushes());

        // Later changes push again, coalesced once more.
        await grain.Changed();
        await grain.Changed();
        await Eventually.True(async () => await grain.Pushes() >= 2);
        Assert.Equal(2, await grain.Pushes());
    }
}
