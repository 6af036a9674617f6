using GamifyHub.Server.Insights;

namespace GamifyHub.Server.Tests;

/// <summary>Which insight links point at the same backlog item (plain C#, no server).</summary>
public sealed class BacklogGroupingTests
{
    private static readonly Guid Department = Guid.NewGuid();

    private static Link L(string title, string? url, int item = 1) =>
        new(new Guid(item, 0, 0, new byte[8]), title, url, Department, DateTime.UnixEpoch.AddMinutes(item));

    [Fact]
    public void The_same_address_is_one_item_whatever_the_host_case_the_trailing_slash_or_the_title()
    {
        var groups = BacklogGrouping.Group([L("Offline mode", "https://Backlog.example/NIM-1"), L("offline", "https://backlog.example/NIM-1/", 2),
            L("Other", "https://backlog.example/NIM-2", 3)]);

        Assert.Equal([2, 1], groups.Select(g => g.Links.Count).OrderDescending());
    }

    [Fact]
    public void Titles_without_an_address_group_by_title_ignoring_case_and_spacing()
    {
        var groups = BacklogGrouping.Group([L("Dark  mode", null), L(" dark MODE ", null, 2), L("Light mode", null, 3)]);

        Assert.Equal(2, groups.Count);
        Assert.Contains(groups, g => g.Key == "title:dark mode" && g.Links.Count == 2);
    }

    [Fact]
    public void A_title_only_link_joins_the_one_address_group_of_that_title_but_not_when_two_compete()
    {
        var one = BacklogGrouping.Group([L("Offline mode", "https://b.example/1"), L("OFFLINE MODE", null, 2)]);
        Assert.Single(one);

        var two = BacklogGrouping.Group([L("Offline mode", "https://b.example/1"), L("Offline mode", "https://b.example/2", 2),
            L("offline mode", null, 3)]);
        Assert.Equal(3, two.Count);
    }
}
