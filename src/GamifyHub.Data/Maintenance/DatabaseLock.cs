namespace GamifyHub.Data.Maintenance;

/// <summary>
/// An exclusive lock file beside the database, held while a server runs, so maintenance that needs the
/// server stopped (restore) can tell. The OS drops it when the process dies, even by SIGKILL.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseLock(FileStream stream) => _stream = stream;

    public static DatabaseLock? TryAcquire(string databasePath)
    {
        var path = databasePath + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            // FileShare.None takes an advisory flock on Unix, which other processes opening the file respect.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new DatabaseLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
