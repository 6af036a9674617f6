using System.Text;
using GamifyHub.Data.Notifications;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Data.Writing;

/// <summary>
/// The event writer's own connection, opened once with the server's pragmas, and the statements prepared on it that store an
/// event: its row (the unique index on EventId decides a repeat: <c>ON CONFLICT DO NOTHING</c>), its award lines and flags
/// (through rescoring's <see cref="Rescoring.AwardWriter"/>, so both write the same rows), its item's status and reply count
/// and a forward's routing. The values are the texts EF Core stores (upper-case "D" GUIDs, its date format, enum names),
/// so readers and rescoring parse these rows as they parse EF Core's. No change tracking, no per-value objects. The notification
/// centre's statements (<see cref="Notifications"/>) are prepared on the same connection, so they run in the same group commit.
/// </summary>
internal sealed class EventRows : IDisposable
{
    private static readonly Dictionary<ActionType, byte[]> Actions = Enum.GetValues<ActionType>().ToDictionary(a => a, a => Utf8(a.ToString()));
    private static readonly Dictionary<FeedbackStatus, byte[]> Statuses =
        Enum.GetValues<FeedbackStatus>().ToDictionary(s => s, s => Utf8(s.ToString()));

    private readonly string? _file;
    private readonly RawStatement _event;
    private readonly RawStatement _earlier;
    private readonly RawStatement _item;
    private readonly RawStatement _forward;
    private readonly Rescoring.AwardWriter _awards;
    private readonly Rescoring.Utf8Texts _texts = new();
    private readonly byte[] _eventText = new byte[36];
    private readonly byte[] _guidText = new byte[36];
    private readonly byte[] _occurredText = new byte[32];
    private readonly byte[] _recordedText = new byte[32];
    private int _recordedLength;

    private EventRows(SqliteConnection connection, string? file)
    {
        Connection = connection;
        _file = file;
        _event = new RawStatement(connection, """
            INSERT INTO "Events" ("EventId", "EmployeeId", "DepartmentId", "Type", "FeedbackId", "OccurredAt", "RecordedAt", "Source",
                                  "TargetDepartmentId", "Text", "Url", "DwellSeconds")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            ON CONFLICT ("EventId") DO NOTHING
            RETURNING "Seq"
            """);
        // What the stored event earned its actor (shared credit passed on to others is not the actor's), found through the
        // award lines' index on EventSeq: Awards has no index on EventId.
        _earlier = new RawStatement(connection, """
            SELECT "e"."Seq", COALESCE((SELECT SUM("a"."Points") FROM "Awards" AS "a"
                                         WHERE "a"."EventSeq" = "e"."Seq" AND "a"."EmployeeId" = "e"."EmployeeId"), 0)
            FROM "Events" AS "e"
            WHERE "e"."EventId" = ?1
            """);
        _item = new RawStatement(connection, """
            UPDATE "FeedbackItems" SET "Status" = COALESCE(?1, "Status"), "ReplyCount" = "ReplyCount" + ?2 WHERE "Id" = ?3
            """);
        _forward = new RawStatement(connection, """
            INSERT INTO "FeedbackRoutings" ("FeedbackId", "DepartmentId", "RoutedAt", "ForwardedByEventId") VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT DO NOTHING
            """);
        _awards = new Rescoring.AwardWriter(connection);
        Notifications = new NotificationRows(connection);
    }

    public SqliteConnection Connection { get; }

    public NotificationRows Notifications { get; }

    /// <summary>Opens its own connection (not pooled, never creating the file) with the server's pragmas and prepares the statements.</summary>
    public static EventRows Open(string connectionString)
    {
        var settings = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        var connection = new SqliteConnection(settings.ToString());
        try
        {
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = SqliteDatabase.ConnectionPragmas;
                pragmas.ExecuteNonQuery();
            }

            var file = settings.DataSource is "" or ":memory:" ? null : Path.GetFullPath(settings.DataSource);
            return new EventRows(connection, file);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// True when the database file is no longer where this connection opened it: SQLite would go on writing into the deleted
    /// file (in WAL mode it reports nothing), so the writer opens a new connection rather than acknowledge writes nobody can read.
    /// </summary>
    public bool FileIsGone => _file is not null && !File.Exists(_file);

    /// <summary>The time every event of the next group commit is stamped with.</summary>
    public void RecordedAt(DateTime now) => _recordedLength = Rescoring.Utf8Texts.FormatDate(now, _recordedText);

    /// <summary>Stores the event's row; its Seq, or null when an event with this id is stored already (nothing written).</summary>
    public long? TryInsert(EngagementRecord r)
    {
        Rescoring.Utf8Texts.FormatGuid(r.EventId, _eventText);
        _event.Bind(1, _eventText);
        _event.Bind(2, _texts.Guid(r.EmployeeId));
        _event.Bind(3, _texts.Guid(r.DepartmentId));
        _event.Bind(4, Actions[r.Type]);
        if (r.FeedbackId is { } feedback)
        {
            _event.Bind(5, Scratch(feedback)); // items are many: not kept in the text cache
        }
        else
        {
            _event.BindNull(5);
        }

        _event.Bind(6, _occurredText.AsSpan(0, Rescoring.Utf8Texts.FormatDate(r.OccurredAt, _occurredText)));
        _event.Bind(7, _recordedText.AsSpan(0, _recordedLength));
        _event.Bind(8, _texts.String(r.Source));
        if (r.TargetDepartmentId is { } target)
        {
            _event.Bind(9, _texts.Guid(target));
        }
        else
        {
            _event.BindNull(9);
        }

        BindText(_event, 10, r.Text);
        BindText(_event, 11, r.Url);
        if (r.DwellSeconds is { } dwell)
        {
            _event.Bind(12, dwell);
        }
        else
        {
            _event.BindNull(12);
        }

        // RETURNING hands the row over on the first step; the statement is reset, never stepped again (that would run it anew).
        long? seq = _event.Step() ? _event.Int64(0) : null;
        _event.Reset();
        return seq;
    }

    /// <summary>The stored event's Seq and what it earned its actor, or null when no event has this id.</summary>
    public (long Seq, int Points)? Earlier(Guid eventId)
    {
        _earlier.Bind(1, Scratch(eventId));
        (long, int)? found = _earlier.Step() ? (_earlier.Int64(0), checked((int)_earlier.Int64(1))) : null;
        _earlier.Reset();
        return found;
    }

    /// <summary>
    /// What the stored event <paramref name="seq"/> brings with it: award lines and flags, its item's status and reply count,
    /// and a forward's routing. True when it routed the item to a department it was not routed to yet.
    /// </summary>
    public bool AddConsequences(long seq, EngagementRecord r)
    {
        _awards.Add(new Rescoring.EventMeta(seq, r.EventId, r.EmployeeId, r.FeedbackId, r.OccurredAt),
            new EventScore(r.EventId, r.Awards, r.Flags ?? []));
        if (r.FeedbackId is not { } feedbackId)
        {
            return false;
        }

        var reply = r.Type == ActionType.Reply;
        if (r.NewStatus is not null || reply)
        {
            if (r.NewStatus is { } status)
            {
                _item.Bind(1, Statuses[status]);
            }
            else
            {
                _item.BindNull(1);
            }

            _item.Bind(2, reply ? 1 : 0);
            _item.Bind(3, Scratch(feedbackId));
            _item.Execute();
        }

        if (r.TargetDepartmentId is not { } target || r.Type != ActionType.Forward)
        {
            return false;
        }

        // Bound values are copied by SQLite, so one scratch buffer serves both ids. Routed when the event was recorded.
        _forward.Bind(1, Scratch(feedbackId));
        _forward.Bind(2, _texts.Guid(target));
        _forward.Bind(3, _recordedText.AsSpan(0, _recordedLength));
        _forward.Bind(4, Scratch(r.EventId));
        _forward.Execute();
        return _forward.Changes() == 1;
    }

    /// <summary>Writes the award lines still buffered; call before the commit.</summary>
    public void Flush() => _awards.Finish();

    public void Dispose()
    {
        _event.Dispose();
        _earlier.Dispose();
        _item.Dispose();
        _forward.Dispose();
        _awards.Dispose();
        Notifications.Dispose();
        Connection.Dispose();
    }

    /// <summary>The id's text in a buffer reused by the next call (bind it right away).</summary>
    private byte[] Scratch(Guid value)
    {
        Rescoring.Utf8Texts.FormatGuid(value, _guidText);
        return _guidText;
    }

    private static void BindText(RawStatement statement, int index, string? value)
    {
        if (value is null)
        {
            statement.BindNull(index);
        }
        else
        {
            statement.Bind(index, value);
        }
    }

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);
}
