using Microsoft.Data.Sqlite;

namespace GamifyHub.Data.Maintenance;

/// <summary>
/// Online, consistent backups of the SQLite file (VACUUM INTO reads one snapshot while the writer goes on) and
/// restores of such a backup while the server is stopped.
/// </summary>
public static class DatabaseBackup
{
    public static async Task<FileInfo> BackupAsync(string databasePath, string targetPath, CancellationToken cancellationToken = default)
    {
        var target = new FileInfo(Path.GetFullPath(targetPath));
        if (target.Exists)
        {
            throw new IOException($"The backup file {target.FullName} already exists.");
        }

        target.Directory!.Create();
        await using (var connection = new SqliteConnection(SqliteDatabase.ConnectionString(databasePath)))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target;";
            command.Parameters.AddWithValue("$target", target.FullName);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await VerifyAsync(target.FullName, cancellationToken);
        target.Refresh();
        return target;
    }

    /// <summary>Deletes the backups (<c>gamifyhub-*.db</c>) in <paramref name="folder"/> last written before
    /// <paramref name="cutoff"/> (UTC); answers how many.</summary>
    public static int DeleteOlderThan(string folder, DateTime cutoff)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var old = new DirectoryInfo(folder).EnumerateFiles("gamifyhub-*.db").Where(f => f.LastWriteTimeUtc < cutoff).ToList();
        foreach (var file in old)
        {
            file.Delete();
        }

        return old.Count;
    }

    /// <summary>Replaces the database with a verified backup. The server must be stopped (its lock file is checked).</summary>
    public static async Task RestoreAsync(string backupPath, string databasePath, CancellationToken cancellationToken = default)
    {
        await VerifyAsync(backupPath, cancellationToken);
        using var serverLock = DatabaseLock.TryAcquire(databasePath)
            ?? throw new IOException($"The database {databasePath} is in use by a running server. Stop it before restoring.");

        var staging = databasePath + ".restoring";
        File.Copy(backupPath, staging, overwrite: true);
        SqliteConnection.ClearAllPools();
        foreach (var sidecar in new[] { databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(sidecar);
        }

        File.Move(staging, databasePath, overwrite: true);
    }

    /// <summary>The file is an intact SQLite database that holds a GamifyHub schema.</summary>
    public static async Task VerifyAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("No backup file there.", path);
        }

        try
        {
            await CheckAsync(path, cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new InvalidDataException($"{path} is not a readable SQLite database: {ex.Message}", ex);
        }
    }

    private static async Task CheckAsync(string path, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await check.ExecuteScalarAsync(cancellationToken);
        if (result != "ok")
        {
            throw new InvalidDataException($"{path} failed the SQLite integrity check: {result}");
        }

        check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Events', 'Awards', '__EFMigrationsHistory');";
        if ((long)(await check.ExecuteScalarAsync(cancellationToken) ?? 0L) != 3)
        {
            throw new InvalidDataException($"{path} is not a GamifyHub database.");
        }
    }
}
