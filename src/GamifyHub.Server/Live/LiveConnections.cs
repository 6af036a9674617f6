using System.Collections.Concurrent;
using GamifyHub.Server.Auth;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>
/// The hub connections open on this process, by the sign-in they belong to (<see cref="SessionSubject"/>: a person, an
/// employee, a wallboard token or an API key), so ending a sign-in also ends the connections it already opened — the
/// sign-in is checked when a connection starts; without this a revoked one would keep receiving pushes.
/// </summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<(SessionSubject Subject, string ConnectionId), HubCallerContext> _connections = new();

    public void Add(HubCallerContext context)
    {
        foreach (var subject in SessionSubject.Of(context.User))
        {
            _connections[(subject, context.ConnectionId)] = context;
        }
    }

    public void Remove(HubCallerContext context)
    {
        foreach (var subject in SessionSubject.Of(context.User))
        {
            _connections.TryRemove((subject, context.ConnectionId), out _);
        }
    }

    /// <summary>Closes every connection of the subject; its reconnects are then refused (401).</summary>
    public int Abort(SessionSubject subject)
    {
        var aborted = 0;
        foreach (var (key, context) in _connections)
        {
            if (key.Subject == subject && _connections.TryRemove(key, out _))
            {
                context.Abort();
                aborted++;
            }
        }

        return aborted;
    }
}
