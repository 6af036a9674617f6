using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Tests.Fixtures;

namespace GamifyHub.Domain.Tests.Scoring;

public class ReplayInputTests
{
    private static Dictionary<Guid, ItemProfile> Items() => new()
    {
        [ItemA] = new(ItemA, "appstore", Sentiment.Negative, Priority.High, "en", Monday9.AddMinutes(-30), [RnD]),
        [ItemB] = new(ItemB, "x", Sentiment.Positive, Priority.Normal, "de", Monday9.AddMinutes(-30), [Service]),
    };

    private static List<ReplayEvent> Log() =>
    [
        new(Ids.Of(1), Ravi, RnD, ActionType.Read, Monday9, "web", ItemA, DwellSeconds: 30),
        new(Ids.Of(2), Ravi, RnD, ActionType.Reply, Monday9.AddMinutes(5), "web", ItemA),
        new(Ids.Of(3), Ravi, RnD, ActionType.Forward, Monday9.AddMinutes(6), "web", ItemA, Service),
        new(Ids.Of(4), Sofia, Service, ActionType.Resolve, Monday9.AddMinutes(20), "web", ItemA),
        new(Ids.Of(5), Sofia, Service, ActionType.Read, Monday9.AddMinutes(25), "web", ItemB),
    ];

    [Fact]
    public void TheSameLogBuiltAgainHasTheSameIdentity()
    {
        Assert.Equal(ReplayInput.Of(Log(), Items()), ReplayInput.Of(Log(), Items()));
    }

    [Fact]
    public void TheOrderOfTheItemProfilesDoesNotMatter()
    {
        var reversed = Items().Reverse().ToDictionary();
        Assert.Equal(ReplayInput.Of(Log(), Items()), ReplayInput.Of(Log(), reversed));
    }

    public static TheoryData<string> EventChanges =>
    [
        "event id", "employee", "department", "action", "time", "source", "item", "no item", "forward target", "dwell", "no dwell",
        "order", "one event fewer", "one event more",
    ];

    [Theory]
    [MemberData(nameof(EventChanges))]
    public void AnyChangeToTheLogChangesTheIdentity(string change)
    {
        var log = Log();
        var e = log[2];
        switch (change)
        {
            case "event id": log[2] = e with { EventId = Ids.Of(99) }; break;
            case "employee": log[2] = e with { EmployeeId = Sofia }; break;
            case "department": log[2] = e with { DepartmentId = Service }; break;
            case "action": log[2] = e with { Action = ActionType.Reply, TargetDepartmentId = null }; break;
            case "time": log[2] = e with { OccurredAt = e.OccurredAt.AddTicks(1) }; break;
            case "source": log[2] = e with { Source = "automation" }; break;
            case "item": log[2] = e with { FeedbackId = ItemB }; break;
            case "no item": log[2] = e with { FeedbackId = null }; break;
            case "forward target": log[2] = e with { TargetDepartmentId = RnD }; break;
            case "dwell": log[0] = log[0] with { DwellSeconds = 31 }; break;
            case "no dwell": log[0] = log[0] with { DwellSeconds = null }; break;
            case "order": (log[3], log[4]) = (log[4], log[3]); break;
            case "one event fewer": log.RemoveAt(4); break;
            case "one event more": log.Add(log[4] with { EventId = Ids.Of(6) }); break;
        }

        Assert.NotEqual(ReplayInput.Of(Log(), Items()), ReplayInput.Of(log, Items()));
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("sentiment")]
    [InlineData("priority")]
    [InlineData("language")]
    [InlineData("received")]
    [InlineData("routing")]
    [InlineData("another item")]
    public void AnyChangeToAnItemChangesTheIdentity(string change)
    {
        var items = Items();
        var a = items[ItemA];
        switch (change)
        {
            case "channel": items[ItemA] = a with { Channel = "x" }; break;
            case "sentiment": items[ItemA] = a with { Sentiment = Sentiment.Neutral }; break;
            case "priority": items[ItemA] = a with { Priority = Priority.Low }; break;
            case "language": items[ItemA] = a with { Language = "de" }; break;
            case "received": items[ItemA] = a with { ReceivedAt = a.ReceivedAt.AddSeconds(1) }; break;
            case "routing": items[ItemA] = a with { RoutedDepartments = [RnD, Service] }; break;
            case "another item": items[Ids.Of(77)] = a with { ItemId = Ids.Of(77) }; break;
        }

        Assert.NotEqual(ReplayInput.Of(Log(), Items()), ReplayInput.Of(Log(), items));
    }
}
