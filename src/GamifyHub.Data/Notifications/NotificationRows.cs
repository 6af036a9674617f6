using GamifyHub.Data.Writing;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Data.Notifications;

/// <summary>
/// The notification centre's statements, prepared once on the event writer's connection and run inside its group commit: a
/// repeat is refused by the unique index (<c>ON CONFLICT DO NOTHING</c>), not looked up first, and the bound on a person's
/// centre is an ordinary <c>DELETE</c> in the same transaction. Values are the texts EF Core stores, as in <see cref="EventRows"/>.
/// </summary>
internal sealed class NotificationRows : IDisposable
{
    private readonly RawStatement _insert;
    private readonly RawStatement _trim;
    private readonly RawStatement _readOne;
    private readonly RawStatement _readAll;
    private readonly RawStatement _unmuteAll;
    private readonly RawStatement _mute;
    private readonly byte[] _employee = new byte[36];
    private readonly byte[] _id = new byte[36];
    private readonly byte[] _date = new byte[32];

    public NotificationRows(SqliteConnection connection)
    {
        _insert = new RawStatement(connection, """
            INSERT INTO "Notifications" ("NotificationId", "EmployeeId", "Type", "Title", "Message", "TranslationsJson", "Points", "OccurredAt")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT DO NOTHING
            """);
        // Below the newest ?2 by the (EmployeeId, Seq) index; answers, per row dropped, whether it was unread.
        _trim = new RawStatement(connection, """
            DELETE FROM "Notifications"
            WHERE "EmployeeId" = ?1
              AND "Seq" < (SELECT "Seq" FROM "Notifications" WHERE "EmployeeId" = ?1 ORDER BY "Seq" DESC LIMIT 1 OFFSET ?2)
            RETURNING "ReadAt" IS NULL
            """);
        _readOne = new RawStatement(connection, """
            UPDATE "Notifications" SET "ReadAt" = ?3 WHERE "EmployeeId" = ?1 AND "NotificationId" = ?2 AND "ReadAt" IS NULL
            """);
        _readAll = new RawStatement(connection, """
            UPDATE "Notifications" SET "ReadAt" = ?2 WHERE "EmployeeId" = ?1 AND "ReadAt" IS NULL
            """);
        _unmuteAll = new RawStatement(connection, """DELETE FROM "MutedNotificationTypes" WHERE "EmployeeId" = ?1""");
        _mute = new RawStatement(connection, """
            INSERT INTO "MutedNotificationTypes" ("EmployeeId", "Type") VALUES (?1, ?2) ON CONFLICT DO NOTHING
            """);
    }

    public NotificationChanged Apply(NotificationChange change)
    {
        Rescoring.Utf8Texts.FormatGuid(change.EmployeeId, _employee);
        return change switch
        {
            AddNotifications add => Add(add),
            MarkNotificationsRead read => MarkRead(read),
            ReplaceMutedTypes muted => ReplaceMuted(muted),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "Unknown notification change."),
        };
    }

    private NotificationChanged Add(AddNotifications add)
    {
        var stored = new bool[add.Entries.Count];
        var unread = 0;
        for (var i = 0; i < stored.Length; i++)
        {
            var n = add.Entries[i];
            Rescoring.Utf8Texts.FormatGuid(n.NotificationId, _id);
            _insert.Bind(1, _id);
            _insert.Bind(2, _employee);
            _insert.Bind(3, n.Type);
            _insert.Bind(4, n.Title);
            _insert.Bind(5, n.Message);
            if (n.TranslationsJson is { } translations)
            {
                _insert.Bind(6, translations);
            }
            else
            {
                _insert.BindNull(6);
            }

            _insert.Bind(7, n.Points);
            _insert.Bind(8, Date(n.OccurredAt));
            _insert.Execute();
            stored[i] = _insert.Changes() == 1;
            unread += stored[i] ? 1 : 0;
        }

        if (add.Keep is { } keep)
        {
            _trim.Bind(1, _employee);
            _trim.Bind(2, Math.Max(0, keep - 1));
            while (_trim.Step())
            {
                unread -= _trim.Int64(0) == 1 ? 1 : 0;
            }

            _trim.Reset();
        }

        return new NotificationChanged(stored, unread);
    }

    private NotificationChanged MarkRead(MarkNotificationsRead read)
    {
        var at = Date(read.At);
        if (read.Ids is null)
        {
            _readAll.Bind(1, _employee);
            _readAll.Bind(2, at);
            _readAll.Execute();
            return new NotificationChanged([], -_readAll.Changes());
        }

        var changed = 0;
        foreach (var id in read.Ids.Distinct())
        {
            Rescoring.Utf8Texts.FormatGuid(id, _id);
            _readOne.Bind(1, _employee);
            _readOne.Bind(2, _id);
            _readOne.Bind(3, at);
            _readOne.Execute();
            changed += _readOne.Changes();
        }

        return new NotificationChanged([], -changed);
    }

    private NotificationChanged ReplaceMuted(ReplaceMutedTypes muted)
    {
        _unmuteAll.Bind(1, _employee);
        _unmuteAll.Execute();
        foreach (var type in muted.Types)
        {
            _mute.Bind(1, _employee);
            _mute.Bind(2, type);
            _mute.Execute();
        }

        return NotificationChanged.None;
    }

    /// <summary>The date's text in a buffer reused by the next call (bind it right away).</summary>
    private ReadOnlySpan<byte> Date(DateTime value) => _date.AsSpan(0, Rescoring.Utf8Texts.FormatDate(value, _date));

    public void Dispose()
    {
        _insert.Dispose();
        _trim.Dispose();
        _readOne.Dispose();
        _readAll.Dispose();
        _unmuteAll.Dispose();
        _mute.Dispose();
    }
}
