using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GamifyHub.Data;

/// <summary>
/// A read transaction that sees one snapshot of the database and takes no write lock. Microsoft.Data.Sqlite begins
/// transactions with <c>BEGIN IMMEDIATE</c> unless told to defer, so a long projection load in an ordinary transaction
/// held the writer off for its whole length (and timed out on the lock while the writer committed). A deferred transaction
/// in WAL mode takes its snapshot at the first read and never blocks the writer.
/// </summary>
public static class SnapshotReads
{
    public static async Task<IAsyncDisposable> BeginSnapshotReadAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.GetDbConnection() is not SqliteConnection connection)
        {
            return await database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }

        await database.OpenConnectionAsync(cancellationToken);
        var transaction = connection.BeginTransaction(deferred: true);
        try
        {
            await database.UseTransactionAsync(transaction, cancellationToken);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }

        return new SnapshotRead(database, transaction);
    }

    private sealed class SnapshotRead(DatabaseFacade database, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Nothing was written: ending it is a rollback. EF does not own a transaction it was handed, so both are released here.
            await database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await database.CloseConnectionAsync();
        }
    }
}
