using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Wallboard;

/// <summary>
/// The hub connections each wallboard token holds, so revoking a token also ends the connections it already opened (the
/// token is checked when a connection starts; without this a revoked screen would keep receiving board pushes).
/// </summary>
public sealed class WallboardConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    public void Add(Guid tokenId, HubCallerContext context) => _connections[Key(tokenId, context.ConnectionId)] = context;

    public void Remove(Guid tokenId, string connectionId) => _connections.TryRemove(Key(tokenId, connectionId), out _);

    /// <summary>Closes every connection of the token; the screen's reconnects are then refused (401).</summary>
    public int Abort(Guid tokenId)
    {
        var prefix = tokenId.ToString("N") + ":";
        var aborted = 0;
        foreach (var (key, context) in _connections)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && _connections.TryRemove(key, out _))
            {
                context.Abort();
                aborted++;
            }
        }

        return aborted;
    }

    private static string Key(Guid tokenId, string connectionId) => tokenId.ToString("N") + ":" + connectionId;
}
