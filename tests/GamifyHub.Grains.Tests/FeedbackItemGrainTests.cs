using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

using GamifyHub.Testing;

namespace GamifyHub.Grains.Tests;

[Collection(GrainCluster.Name)]
public sealed class FeedbackItemGrainTests(GrainClusterFixture cluster)
{
    private ActionCommand Command(Guid employee, Guid department, ActionType type, Guid? eventId = null, Guid? target = null) =>
        new(eventId ?? Guid.CreateVersion7(), employee, department, type, DateTime.UtcNow, "test", target, type switch
        {
            ActionType.Reply => "Thanks!",
            ActionType.Resolve => "Fixed",
            _ => null,
        });

    [Fact]
    public async Task A_reply_is_scored_recorded_and_fed_to_the_employee_the_department_and_the_boards()
    {
        var item = cluster.Grains.GetGrain<IFeedbackItemGrain>(cluster.ResearchItems[0]);
        var employeeBefore = (await cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Ada).GetSummary()).Points;
        var departmentBefore = (await cluster.Grains.GetGrain<IDepartmentGrain>(cluster.Research).GetSummary()).Points;
        // Someone watches the week board (as a browser does), so the board is active and pushes what changes.
        var board = cluster.Grains.GetGrain<IBoardGrain>("employees/week");
        var weekBefore = (await board.GetSnapshot(10, cluster.Ada, false, 0)).Me?.Score ?? 0;

        var outcome = await item.Act(Command(cluster.Ada, cluster.Research, ActionType.Reply));

        Assert.True(outcome.Accepted);
        Assert.Equal(10, outcome.Points);
        // One line: the reply rule, doubled because it is the item's first answer.
        Assert.Equal(["reply"], outcome.Awards.Select(a => a.Rule));
        Assert.Contains("first responder", outcome.Awards[0].Reason);
        Assert.Equal(1, await cluster.CountEvents(outcome.EventId));
        await Eventually.True(async () => (await cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Ada).GetSummary()).Points == employeeBefore + 10);
        await Eventually.True(async () => (await cluster.Grains.GetGrain<IDepartmentGrain>(cluster.Research).GetSummary()).Points == departmentBefore + 10);
        await Eventually.True(() => Task.FromResult(cluster.Notifier.Notifications.Any(n => n.Notification.Id == outcome.EventId && n.Employee == cluster.Ada)));
        // The board hears of the award from the fan-out after the commit, like the employee and department grains.
        await Eventually.True(async () => (await board.GetSnapshot(10, cluster.Ada, false, 0)).Me?.Score == weekBefore + 10);
        await Eventually.True(() => Task.FromResult(cluster.Notifier.BoardChanges.Any(c => c.Change.Board == "employees" && c.Change.Window == "week"
            && c.Change.Rows.Any(r => r.MemberId == cluster.Ada && r.Score == weekBefore + 10))));
    }

    [Fact]
    public async Task The_same_event_id_is_recorded_once_and_answers_what_it_earned()
    {
        var item = cluster.Grains.GetGrain<IFeedbackItemGrain>(cluster.ResearchItems[1]);
        var eventId = Guid.CreateVersion7();

        var first = await item.Act(Command(cluster.Ben, cluster.Research, ActionType.Read, eventId));
        var retry = await item.Act(Command(cluster.Ben, cluster.Research, ActionType.Read, eventId));

        Assert.False(first.Duplicate);
        Assert.True(retry.Duplicate);
        Assert.Equal(first.Points, retry.Points);
        Assert.Equal(1, await cluster.CountEvents(eventId));
    }

    [Fact]
    public async Task Refusals_change_nothing()
    {
        var item = cluster.Grains.GetGrain<IFeedbackItemGrain>(cluster.ResearchItems[2]);
        Assert.True((await item.Act(Command(cluster.Ada, cluster.Research, ActionType.Resolve))).Accepted);

        var twice = await item.Act(Command(cluster.Ada, cluster.Research, ActionType.Resolve));
        var outsider = await item.Act(Command(cluster.Cleo, cluster.Service, ActionType.Read));
        var unknown = await cluster.Grains.GetGrain<IFeedbackItemGrain>(Guid.CreateVersion7()).Act(Command(cluster.Ada, cluster.Research, ActionType.Read));
        var forwardNowhere = await cluster.Grains.GetGrain<IFeedbackItemGrain>(cluster.ResearchItems[3])
            .Act(Command(cluster.Ada, cluster.Research, ActionType.Forward, target: Guid.CreateVersion7()));

        Assert.Equal(ActionFailure.AlreadyResolved, twice.Failure);
        Assert.Equal(ActionFailure.NotRoutedToDepartment, outsider.Failure);
        Assert.Equal(ActionFailure.ItemNotFound, unknown.Failure);
        Assert.Equal(ActionFailure.UnknownTargetDepartment, forwardNowhere.Failure);
        foreach (var refused in new[] { twice, outsider, unknown, forwardNowhere })
        {
            Assert.Equal(0, await cluster.CountEvents(refused.EventId));
        }
    }

    [Fact]
    public async Task A_forward_lets_the_other_department_act()
    {
        var item = cluster.Grains.GetGrain<IFeedbackItemGrain>(cluster.ResearchItems[4]);
        Assert.Equal(ActionFailure.NotRoutedToDepartment, (await item.Act(Command(cluster.Cleo, cluster.Service, ActionType.Reply))).Failure);

        var forward = await item.Act(Command(cluster.Ben, cluster.Research, ActionType.Forward, target: cluster.Service));
        var reply = await item.Act(Command(cluster.Cleo, cluster.Service, ActionType.Reply));

        Assert.Equal(3, forward.Points);
        Assert.True(reply.Accepted);
        Assert.Equal(FeedbackStatus.Open, reply.Status);
    }

    [Fact]
    public async Task Everything_survives_a_silo_restart()
    {
        var item = cluster.Grains.GetGrain<IFeedbackItemGrain>(cluster.ResearchItems[5]);
        await item.Act(Command(cluster.Ben, cluster.Research, ActionType.Reply));
        await item.Act(Command(cluster.Ben, cluster.Research, ActionType.Resolve));
        var expected = await WaitForSettled(cluster.Ben);
        var boardBefore = await cluster.Grains.GetGrain<IBoardGrain>("departments/all").GetSnapshot(10, null, false, 0);

        await cluster.RestartSilo();

        var after = await cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Ben).GetSummary();
        Assert.Equal(expected.Points, after.Points);
        Assert.Equal(expected.PointsByCategory, after.PointsByCategory);
        var boardAfter = await cluster.Grains.GetGrain<IBoardGrain>("departments/all").GetSnapshot(10, null, false, 0);
        Assert.Equal(boardBefore.Rows, boardAfter.Rows);
        var again = await cluster.Grains.GetGrain<IFeedbackItemGrain>(cluster.ResearchItems[5])
            .Act(Command(cluster.Ben, cluster.Research, ActionType.Resolve));
        Assert.Equal(ActionFailure.AlreadyResolved, again.Failure);
    }

    /// <summary>The employee's total once the fan-out has delivered everything committed so far.</summary>
    private async Task<EmployeeSummary> WaitForSettled(Guid employee)
    {
        EmployeeSummary? previous = null;
        while (true)
        {
            await Task.Delay(200);
            var current = await cluster.Grains.GetGrain<IEmployeeGrain>(employee).GetSummary();
            if (previous is not null && previous.Points == current.Points)
            {
                return current;
            }

            previous = current;
        }
    }
}
