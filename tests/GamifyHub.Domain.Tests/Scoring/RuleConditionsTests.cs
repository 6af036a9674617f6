using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Tests.Fixtures;

namespace GamifyHub.Domain.Tests.Scoring;

public class RuleConditionsTests
{
    private static readonly ItemFacts AppReview = Item(channel: "appstore", sentiment: Sentiment.Negative, priority: Priority.High,
        language: "de", receivedAt: Monday9.AddMinutes(-45));

    private static bool Matches(RuleConditions when, ItemFacts? item = null, Guid? employee = null) =>
        when.Matches(Fact(employee ?? Ravi, ActionType.Reply, Monday9, item));

    [Fact]
    public void NoConditionsMatchEverythingIncludingEventsWithoutItem()
    {
        Assert.True(Matches(new RuleConditions(), AppReview));
        Assert.True(Matches(new RuleConditions()));
        Assert.True(Matches(new RuleConditions(Channels: [], Sentiments: [], Priorities: [], DepartmentIds: [], Languages: []), AppReview));
    }

    [Fact]
    public void ChannelsMatchIgnoringCase()
    {
        Assert.True(Matches(new(Channels: ["facebook", "appstore"]), AppReview));
        Assert.True(Matches(new(Channels: ["AppStore"]), AppReview));
        Assert.False(Matches(new(Channels: ["facebook"]), AppReview));
    }

    [Fact]
    public void SentimentsAndPrioritiesMatchAnyListedValue()
    {
        Assert.True(Matches(new(Sentiments: [Sentiment.Negative]), AppReview));
        Assert.False(Matches(new(Sentiments: [Sentiment.Positive, Sentiment.Neutral]), AppReview));
        Assert.True(Matches(new(Priorities: [Priority.High]), AppReview));
        Assert.False(Matches(new(Priorities: [Priority.Low]), AppReview));
    }

    [Fact]
    public void LanguagesMatchIgnoringCase()
    {
        Assert.True(Matches(new(Languages: ["DE"]), AppReview));
        Assert.False(Matches(new(Languages: ["en"]), AppReview));
    }

    [Fact]
    public void DepartmentsMatchTheActorsDepartmentEvenWithoutItem()
    {
        Assert.True(Matches(new(DepartmentIds: [RnD])));
        Assert.False(Matches(new(DepartmentIds: [RnD]), employee: Sofia));
    }

    [Theory]
    [InlineData(45, true)] // exactly at the SLA
    [InlineData(60, true)]
    [InlineData(44, false)]
    public void TheSlaCountsMinutesSinceTheItemWasReceived(int slaMinutes, bool matches)
    {
        Assert.Equal(matches, Matches(new(WithinSlaMinutes: slaMinutes), AppReview));
    }

    [Fact]
    public void AnActionTimedBeforeTheItemArrivedIsWithinTheSla()
    {
        Assert.True(Matches(new(WithinSlaMinutes: 1), Item(receivedAt: Monday9.AddMinutes(5))));
    }

    [Fact]
    public void ItemConditionsNeverMatchAnEventWithoutItem()
    {
        Assert.False(Matches(new(Channels: ["x"])));
        Assert.False(Matches(new(Sentiments: [Sentiment.Neutral])));
        Assert.False(Matches(new(Priorities: [Priority.Normal])));
        Assert.False(Matches(new(Languages: ["en"])));
        Assert.False(Matches(new(WithinSlaMinutes: 10_000)));
    }

    [Fact]
    public void AllSetConditionsMustHold()
    {
        Assert.True(Matches(new(Channels: ["appstore"], Sentiments: [Sentiment.Negative], DepartmentIds: [RnD], WithinSlaMinutes: 60), AppReview));
        Assert.False(Matches(new(Channels: ["appstore"], Sentiments: [Sentiment.Negative], DepartmentIds: [Service]), AppReview));
        Assert.False(Matches(new(Channels: ["appstore"], WithinSlaMinutes: 30), AppReview));
    }

    [Fact]
    public void AnsweredMatchesWhetherAnyoneRepliedBeforeTheEvent()
    {
        Assert.True(Matches(new(Answered: true), Item(answered: true)));
        Assert.False(Matches(new(Answered: true), Item()));
        Assert.True(Matches(new(Answered: false), Item()));
        Assert.False(Matches(new(Answered: false), Item(answered: true)));
        Assert.True(Matches(new(), Item(answered: true)));
        Assert.True(Matches(new(), Item()));
    }

    [Fact]
    public void WithoutAnItemNoReplyIsRecordedSoOnlyAnsweredFalseMatches()
    {
        Assert.False(Matches(new(Answered: true)));
        Assert.True(Matches(new(Answered: false)));
        Assert.False(Matches(new(Answered: false, Channels: ["facebook"])));
        Assert.True(Matches(new(Answered: false, Channels: ["appstore"]), AppReview));
    }
}
