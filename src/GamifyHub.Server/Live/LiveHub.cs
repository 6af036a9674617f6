using GamifyHub.Domain.Boards;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Boards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>
/// Live boards and personal notifications. One SignalR group per board, and one per person (<see cref="PersonalGroup"/>):
/// personal messages go to the signed-in employee's own connections only, found by the group rather than by scanning every
/// connection as a send to a user id does. A wallboard token may connect too, but only to watch the departments board (it has
/// no user id, so nothing personal ever reaches it).
/// </summary>
[Authorize(Policy = Policies.Watcher)]
public sealed class LiveHub(BoardReader boards, LiveConnections connections, Privacy.Visibility privacy,
    Challenges.ChallengeLookup challenges, Data.Reading.CompanyDirectory directory, Analytics.AnalyticsQueries analytics) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>Registered by sign-in, so logout, disabling, erasure or a revoked token/key closes the connection.</summary>
    /// <summary>The group of one employee's connections (every tab and device they are signed in on).</summary>
    public static string PersonalGroup(Guid employeeId) => $"person:{employeeId}";

    public override async Task OnConnectedAsync()
    {
        connections.Add(Context);
        if (Context.User?.GetEmployeeId() is { } employeeId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, PersonalGroup(employeeId));
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Starts pushes for a board and returns its current rows.</summary>
    public async Task<BoardDto> WatchBoard(string board, string window)
    {
        if (BoardReader.Validate(board, window, out var scope, out var parsedWindow) is { } error)
        {
            throw new HubException(error);
        }

        if (Policies.IsWallboard(Context.User!) && scope.Kind != BoardKind.Departments)
        {
            throw new HubException("A wallboard may watch the departments board only.");
        }

        if (boards.UnknownDepartment(scope))
        {
            throw new HubException(BoardReader.UnknownDepartmentMessage);
        }

        if (BoardReader.IsIndividual(scope) && !privacy.IndividualBoards)
        {
            throw new HubException(BoardEndpoints.IndividualBoardsOffMessage);
        }

        // Joining a challenge's group means receiving its pushes: only for whoever may see the challenge.
        if (scope.ChallengeId is { } challenge && await challenges.Visible(challenge, Context.User!) is null)
        {
            throw new HubException(Challenges.ChallengeEndpoints.NotFoundMessage(challenge));
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, BoardReader.Group(scope, parsedWindow));
        return await boards.Read(scope, parsedWindow, 20, aroundMe: false, Context.User!);
    }

    public async Task UnwatchBoard(string board, string window)
    {
        if (BoardReader.Validate(board, window, out var scope, out var parsedWindow) is { } error)
        {
            throw new HubException(error);
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, BoardReader.Group(scope, parsedWindow));
    }

    /// <summary>Starts <c>AnalyticsChanged</c> pushes for a department's engagement figures (the API's access rules) and returns
    /// its current figures for window rolling30.</summary>
    public async Task<Analytics.DepartmentAnalyticsDto> WatchAnalytics(Guid departmentId)
    {
        if (Policies.IsWallboard(Context.User!))
        {
            throw new HubException("A wallboard may watch the departments board only.");
        }

        if (directory.Department(departmentId) is null)
        {
            throw new HubException(Analytics.AnalyticsAccess.NotFoundMessage(departmentId));
        }

        if (!Analytics.AnalyticsAccess.MaySee(Context.User!, departmentId, directory))
        {
            throw new HubException(Analytics.AnalyticsAccess.ForbiddenMessage);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, SignalRAnalyticsNotifier.Group(departmentId));
        return await analytics.Department(departmentId, Domain.Analytics.AnalyticsWindow.Rolling30);
    }

    public Task UnwatchAnalytics(Guid departmentId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, SignalRAnalyticsNotifier.Group(departmentId));
}
