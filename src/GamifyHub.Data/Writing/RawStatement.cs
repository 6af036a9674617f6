using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GamifyHub.Data.Writing;

/// <summary>
/// A prepared statement on the connection's own SQLite handle, for the million-row paths of rescoring: binds UTF-8 spans
/// and reads column bytes without the per-value objects and conversions of SqliteCommand/SqliteDataReader. It runs in
/// whatever transaction the connection has open.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Advances to the next row; false when the statement is done.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw Failed(rc),
        };
    }

    /// <summary>Makes the statement ready to run again (its bindings stay), without running it to the end.</summary>
    public void Reset() => Check(raw.sqlite3_reset(_statement));

    /// <summary>Runs a statement that returns no rows and makes it ready for the next bindings.</summary>
    public void Execute()
    {
        while (Step())
        {
        }

        Check(raw.sqlite3_reset(_statement));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Binds UTF-8 text; SQLite copies it, so the span may be reused right away.</summary>
    public void Bind(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index, utf8));

    /// <summary>Binds a string as UTF-8 text; "" stays an empty text (an empty span would bind NULL).</summary>
    public void Bind(int index, string value) => Check(raw.sqlite3_bind_text(_statement, index, value));

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_statement, index));

    /// <summary>Rows the last INSERT, UPDATE or DELETE on the connection changed.</summary>
    public int Changes() => raw.sqlite3_changes(_db);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The column's bytes (UTF-8 for TEXT), valid until the next step.</summary>
    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(_statement, column);

    public string Text(int column) => Encoding.UTF8.GetString(Bytes(column));

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Error(rc);
        }
    }

    private SqliteException Error(int rc) =>
        new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));

    /// <summary>A failed step's error, with the statement reset so that it can run again.</summary>
    private SqliteException Failed(int rc)
    {
        var error = Error(rc);
        raw.sqlite3_reset(_statement);
        return error;
    }
}
