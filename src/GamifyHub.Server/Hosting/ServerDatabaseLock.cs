using GamifyHub.Data;
using GamifyHub.Data.Maintenance;

namespace GamifyHub.Server.Hosting;

/// <summary>The running server's hold on its database file; released when the host is disposed or the process dies.</summary>
public sealed class ServerDatabaseLock : IDisposable
{
    private readonly DatabaseLock _lock;

    public ServerDatabaseLock(DatabaseLocation location)
    {
        _lock = DatabaseLock.TryAcquire(location.Path)
            ?? throw new InvalidOperationException($"Another GamifyHub server is using {location.Path}.");
    }

    public void Dispose() => _lock.Dispose();
}
