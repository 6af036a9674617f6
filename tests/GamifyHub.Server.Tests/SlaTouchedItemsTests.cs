using GamifyHub.Data.Writing;
using GamifyHub.Domain.Feedback;
using GamifyHub.Server.Sla;

namespace GamifyHub.Server.Tests;

/// <summary>What the writer tells the SLA breach notifier between its scans, and the bound on it.</summary>
public sealed class SlaTouchedItemsTests
{
    private static CommittedRouting NewItem(Guid id) =>
        new(id, Guid.NewGuid(), DateTime.UtcNow, false, new CommittedItem(id, "x", Priority.High, Sentiment.Negative, DateTime.UtcNow));

    [Fact]
    public void New_items_are_taken_once_and_forwards_of_known_items_are_not_touches()
    {
        var touched = new SlaTouchedItems();
        var item = Guid.NewGuid();
        touched.OnRoutingsCommitted([NewItem(item), NewItem(item), new CommittedRouting(Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow, true, null)]);

        Assert.Equal([item], touched.Take());
        Assert.Empty(touched.Take()!);
    }

    [Fact]
    public void More_touches_than_the_limit_are_forgotten_and_the_next_scan_reads_everything()
    {
        var touched = new SlaTouchedItems();
        touched.OnRoutingsCommitted([.. Enumerable.Range(0, SlaTouchedItems.Limit + 1).Select(_ => NewItem(Guid.NewGuid()))]);

        Assert.Null(touched.Take());
        touched.OnRoutingsCommitted([NewItem(Guid.NewGuid())]);
        Assert.Single(touched.Take()!);
    }
}
