using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests.Feedback;

public class FeedbackItemStateTests
{
    private static readonly Guid RnD = Ids.Of(1);
    private static readonly Guid Service = Ids.Of(2);
    private static readonly Guid Marketing = Ids.Of(3);
    private static readonly Guid Ravi = Ids.Of(101);
    private static readonly Guid Sofia = Ids.Of(102);

    private static readonly ItemProfile Profile = new(Ids.Of(501), "appstore", Sentiment.Negative, Priority.High, "de",
        new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), [RnD]);

    private static FeedbackItemState RoutedToRnD() => new([RnD]);

    private static FeedbackItemState Profiled() => new(Profile);

    private static FeedbackItemState Resolved()
    {
        var state = RoutedToRnD();
        state.Apply(Ravi, ActionType.Resolve, null);
        return state;
    }

    [Fact]
    public void NewItemIsOpenWithNoRepliesAndItsRoutedDepartments()
    {
        var state = new FeedbackItemState([RnD, Service, RnD]);

        Assert.Equal(FeedbackStatus.Open, state.Status);
        Assert.Equal(0, state.ReplyCount);
        Assert.Equal([RnD, Service], state.Departments.Order());
        Assert.True(state.IsRoutedTo(Service));
        Assert.False(state.IsRoutedTo(Marketing));
    }

    [Theory]
    [InlineData(ActionType.Read)]
    [InlineData(ActionType.Reply)]
    [InlineData(ActionType.Tag)]
    [InlineData(ActionType.Insight)]
    [InlineData(ActionType.Resolve)]
    public void EmployeesOfTheRoutedDepartmentMayActOnAnOpenItem(ActionType action)
    {
        Assert.Null(RoutedToRnD().Check(RnD, action, null));
    }

    [Theory]
    [InlineData(ActionType.Read)]
    [InlineData(ActionType.Reply)]
    [InlineData(ActionType.Forward)]
    [InlineData(ActionType.Resolve)]
    [InlineData(ActionType.Reopen)]
    public void EmployeesOfOtherDepartmentsAreRejectedWithNotRoutedToDepartment(ActionType action)
    {
        Assert.Equal(ActionRejection.NotRoutedToDepartment, RoutedToRnD().Check(Marketing, action, Service));
        Assert.Equal(ActionRejection.NotRoutedToDepartment, Resolved().Check(Marketing, action, Service));
    }

    [Fact]
    public void ResolvingTwiceIsRejectedWithAlreadyResolved()
    {
        Assert.Equal(ActionRejection.AlreadyResolved, Resolved().Check(RnD, ActionType.Resolve, null));
    }

    [Fact]
    public void ReopeningAnOpenItemIsRejectedWithNotResolved()
    {
        Assert.Equal(ActionRejection.NotResolved, RoutedToRnD().Check(RnD, ActionType.Reopen, null));
    }

    [Theory]
    [InlineData(ActionType.Reply)]
    [InlineData(ActionType.Forward)]
    [InlineData(ActionType.Insight)]
    [InlineData(ActionType.Tag)]
    public void WorkingOnAResolvedItemIsRejectedWithItemResolved(ActionType action)
    {
        Assert.Equal(ActionRejection.ItemResolved, Resolved().Check(RnD, action, Service));
    }

    [Fact]
    public void AResolvedItemCanStillBeReadAndReopened()
    {
        var state = Resolved();

        Assert.Null(state.Check(RnD, ActionType.Read, null));
        Assert.Null(state.Check(RnD, ActionType.Reopen, null));
    }

    [Fact]
    public void ReopeningMakesTheItemOpenAgainSoItCanBeWorkedAndResolvedAgain()
    {
        var state = Resolved();

        state.Apply(Sofia, ActionType.Reopen, null);

        Assert.Equal(FeedbackStatus.Open, state.Status);
        Assert.Null(state.Check(RnD, ActionType.Reply, null));
        Assert.Null(state.Check(RnD, ActionType.Resolve, null));
    }

    [Fact]
    public void ForwardWithoutTargetIsRejectedWithMissingTargetDepartment()
    {
        Assert.Equal(ActionRejection.MissingTargetDepartment, RoutedToRnD().Check(RnD, ActionType.Forward, null));
    }

    [Fact]
    public void ForwardToADepartmentAlreadyRoutedIsRejectedWithAlreadyRoutedThere()
    {
        var state = new FeedbackItemState([RnD, Service]);

        Assert.Equal(ActionRejection.AlreadyRoutedThere, state.Check(RnD, ActionType.Forward, Service));
        Assert.Equal(ActionRejection.AlreadyRoutedThere, state.Check(RnD, ActionType.Forward, RnD));
    }

    [Fact]
    public void ForwardToANewDepartmentIsAllowedAndAddsTheDepartment()
    {
        var state = RoutedToRnD();
        Assert.Null(state.Check(RnD, ActionType.Forward, Marketing));

        state.Apply(Ravi, ActionType.Forward, Marketing);

        Assert.True(state.IsRoutedTo(Marketing));
        Assert.Equal([RnD, Marketing], state.Departments.Order());
        Assert.Null(state.Check(Marketing, ActionType.Reply, null));
        Assert.Equal(ActionRejection.AlreadyRoutedThere, state.Check(RnD, ActionType.Forward, Marketing));
    }

    [Fact]
    public void RepliesAreCountedAndOnlyTheFirstOneIsTheFirstReply()
    {
        var state = Profiled();
        Assert.True(state.FactsFor(ActionType.Reply).IsFirstReply);

        state.Apply(Ravi, ActionType.Reply, null);
        state.Apply(Sofia, ActionType.Reply, null);

        Assert.Equal(2, state.ReplyCount);
        Assert.False(state.FactsFor(ActionType.Reply).IsFirstReply);
        Assert.False(Profiled().FactsFor(ActionType.Read).IsFirstReply);
    }

    [Fact]
    public void EveryEventAfterTheFirstReplySeesTheItemAnsweredEvenAfterAReopen()
    {
        var state = Profiled();
        Assert.False(state.FactsFor(ActionType.Resolve).Answered);
        Assert.False(state.FactsFor(ActionType.Reply).Answered);

        state.Apply(Sofia, Service, ActionType.Reply, null, EngagementSources.Automation, []);

        Assert.True(state.FactsFor(ActionType.Resolve).Answered);
        Assert.True(state.FactsFor(ActionType.Read).Answered);
        Assert.True(state.FactsFor(ActionType.Reply).Answered);
        Assert.True(state.FactsFor(ActionType.Forward, Marketing).Answered);

        state.Apply(Ravi, RnD, ActionType.Resolve, null, "web", []);
        state.Apply(Ravi, RnD, ActionType.Reopen, null, "web", []);

        Assert.True(state.FactsFor(ActionType.Resolve).Answered);
    }

    [Fact]
    public void KnowsWhatEachEmployeeAlreadyDid()
    {
        var state = RoutedToRnD();
        state.Apply(Ravi, ActionType.Read, null);

        Assert.True(state.HasDone(Ravi, ActionType.Read));
        Assert.False(state.HasDone(Sofia, ActionType.Read));
        Assert.False(state.HasDone(Ravi, ActionType.Insight));
    }

    [Fact]
    public void FactsCarryTheProfileAndTheCurrentRouting()
    {
        var facts = Profiled().FactsFor(ActionType.Tag);

        Assert.Equal(Profile.ItemId, facts.ItemId);
        Assert.Equal(("appstore", Sentiment.Negative, Priority.High, "de"), (facts.Channel, facts.Sentiment, facts.Priority, facts.Language));
        Assert.Equal(Profile.ReceivedAt, facts.ReceivedAt);
        Assert.Equal([RnD], facts.RoutedDepartments);
        Assert.Empty(facts.HandOffChain);
        Assert.Empty(facts.ClawBack);
    }

    [Fact]
    public void FactsForAForwardAlreadyIncludeItsTarget()
    {
        var state = Profiled();

        Assert.Equal([RnD, Marketing], state.FactsFor(ActionType.Forward, Marketing).RoutedDepartments);
        Assert.Equal([RnD], state.FactsFor(ActionType.Reply).RoutedDepartments);
    }

    [Fact]
    public void FactsNeedAProfile()
    {
        Assert.Throws<InvalidOperationException>(() => RoutedToRnD().FactsFor(ActionType.Read));
    }

    [Fact]
    public void ForwardsBuildTheHandOffChainWithTheForwardersDepartments()
    {
        var state = Profiled();

        state.Apply(Ravi, RnD, ActionType.Forward, Service, "web", []);
        state.Apply(Sofia, Service, ActionType.Forward, Marketing, "web", []);
        state.Apply(Ravi, RnD, ActionType.Forward, Ids.Of(9), "web", []);

        Assert.Equal([new(Ravi, RnD), new(Sofia, Service), new(Ravi, RnD)], state.HandOffChain);
        Assert.Equal(state.HandOffChain, state.FactsFor(ActionType.Resolve).HandOffChain);
        Assert.Equal([RnD, Service, Marketing, Ids.Of(9)], state.Departments);
    }

    [Fact]
    public void AutomationForwardsRouteTheItemButJoinNoChain()
    {
        var state = Profiled();

        state.Apply(Ravi, RnD, ActionType.Forward, Service, EngagementSources.Automation, []);

        Assert.True(state.IsRoutedTo(Service));
        Assert.Empty(state.HandOffChain);
    }

    [Fact]
    public void LifecycleOnlyApplyRoutesButRecordsNoChainAndNoAwards()
    {
        var state = Profiled();

        state.Apply(Ravi, ActionType.Forward, Service);
        state.Apply(Ravi, ActionType.Resolve, null);

        Assert.True(state.IsRoutedTo(Service));
        Assert.Empty(state.HandOffChain);
        Assert.Empty(state.FactsFor(ActionType.Reopen).ClawBack);
    }

    [Fact]
    public void AReopenSeesTheAwardsOfTheResolveItUndoesAndOnlyOnce()
    {
        var state = Profiled();
        AwardLine[] resolveAwards = [new(Ravi, RnD, 8, PointCategory.Responding, "resolve", 1, "Closed the loop")];

        state.Apply(Ravi, RnD, ActionType.Resolve, null, "web", resolveAwards);

        Assert.Equal(resolveAwards, state.LastResolveAwards);
        Assert.Equal(resolveAwards, state.FactsFor(ActionType.Reopen).ClawBack);
        Assert.Empty(state.FactsFor(ActionType.Read).ClawBack);

        state.Apply(Sofia, Service, ActionType.Reopen, null, "web", []);

        Assert.Empty(state.LastResolveAwards);
        Assert.Empty(state.FactsFor(ActionType.Reopen).ClawBack);
    }

    [Fact]
    public void TheStoredResolveAwardsAreACopy()
    {
        var state = Profiled();
        var awards = new List<AwardLine> { new(Ravi, RnD, 8, PointCategory.Responding, "resolve", 1, "Closed the loop") };

        state.Apply(Ravi, RnD, ActionType.Resolve, null, "web", awards);
        awards.Clear();

        Assert.Single(state.LastResolveAwards);
    }

    [Fact]
    public void ApplyNeverValidatesBecauseHistoryIsHistory()
    {
        var state = Resolved();

        state.Apply(Ravi, ActionType.Resolve, null);
        state.Apply(Ravi, ActionType.Reply, null);

        Assert.Equal(FeedbackStatus.Resolved, state.Status);
        Assert.Equal(1, state.ReplyCount);
    }

    [Fact]
    public void ReplayingTheSameEventsGivesTheSameState()
    {
        (Guid Employee, ActionType Action, Guid? ForwardTo)[] events =
        [
            (Ravi, ActionType.Read, null),
            (Ravi, ActionType.Reply, null),
            (Sofia, ActionType.Forward, Service),
            (Sofia, ActionType.Reply, null),
            (Sofia, ActionType.Insight, null),
            (Ravi, ActionType.Resolve, null),
            (Sofia, ActionType.Reopen, null),
            (Ravi, ActionType.Forward, Marketing),
            (Sofia, ActionType.Resolve, null),
        ];

        var first = Replay(events);
        var second = Replay(events);

        Assert.Equal(FeedbackStatus.Resolved, first.Status);
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(2, first.ReplyCount);
        Assert.Equal(first.ReplyCount, second.ReplyCount);
        Assert.Equal([RnD, Service, Marketing], first.Departments.Order());
        Assert.Equal(first.Departments, second.Departments);
        foreach (var employee in new[] { Ravi, Sofia })
        {
            foreach (var action in Enum.GetValues<ActionType>())
            {
                Assert.Equal(first.HasDone(employee, action), second.HasDone(employee, action));
            }
        }

        static FeedbackItemState Replay(IEnumerable<(Guid Employee, ActionType Action, Guid? ForwardTo)> events)
        {
            var state = new FeedbackItemState([RnD]);
            foreach (var (employee, action, forwardTo) in events)
            {
                state.Apply(employee, action, forwardTo);
            }

            return state;
        }
    }
}
