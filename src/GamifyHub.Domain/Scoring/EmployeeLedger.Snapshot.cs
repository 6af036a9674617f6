using System.Text;

namespace GamifyHub.Domain.Scoring;

/// <summary>
/// A ledger written to bytes and read back, so an employee's projection starts from a stored snapshot and observes only
/// the events after it instead of their whole history. The format is explicit and versioned (never a type name or a
/// reflection-based serializer): a renamed field cannot break stored snapshots, and a snapshot that does not fit this
/// code (another format, action types or point categories added, removed or reordered) is refused, never misread — the
/// caller then rebuilds from the log, which is always possible because a snapshot holds nothing the log cannot reproduce.
/// </summary>
public sealed partial class EmployeeLedger
{
    /// <summary>The snapshot format this code writes and reads.</summary>
    public const int SnapshotFormat = 1;

    // The enum names in order: a snapshot stores action types and categories by number, so both lists must match.
    private static readonly string Vocabulary = string.Join(',', Enum.GetNames<ActionType>()) + ";" + string.Join(',', Enum.GetNames<PointCategory>());

    /// <summary>Everything the ledger holds, as bytes <see cref="FromSnapshot"/> reads back into an equal ledger.</summary>
    public byte[] ToSnapshot()
    {
        using var stream = new MemoryStream(256 + (_onItems.Count * 29) + (_days.Count * 4 * (1 + ActionKinds + (2 * CategoryKinds))));
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(SnapshotFormat);
            w.Write(Vocabulary);
            w.Write(EmployeeId.ToByteArray());
            w.Write(TotalXp);
            w.Write(_categoriesWithLines);
            foreach (var points in _points)
            {
                w.Write(points);
            }

            foreach (var count in _counts)
            {
                w.Write(count);
            }

            for (var action = 0; action < ActionKinds; action++)
            {
                var recent = _recent[action];
                w.Write(recent?.Length ?? -1);
                if (recent is null)
                {
                    continue;
                }

                w.Write(_recentNext[action]);
                w.Write(_recentCount[action]);
                foreach (var ticks in recent)
                {
                    w.Write(ticks);
                }
            }

            w.Write(_activeWorkingDays.Count);
            foreach (var day in _activeWorkingDays)
            {
                w.Write(day.DayNumber);
            }

            w.Write(_departmentsEngaged.Count);
            foreach (var department in _departmentsEngaged)
            {
                w.Write(department.ToByteArray());
            }

            w.Write(_firstReplyDelays.Count);
            foreach (var delay in _firstReplyDelays)
            {
                w.Write(delay.Ticks);
            }

            w.Write(_days.Count);
            foreach (var (day, counters) in _days)
            {
                w.Write(day);
                foreach (var actions in counters.Actions)
                {
                    w.Write(actions);
                }

                foreach (var points in counters.Points)
                {
                    w.Write(points);
                }
            }

            w.Write(_onItems.Count);
            foreach (var (key, memo) in _onItems)
            {
                w.Write(key.ItemId.ToByteArray());
                w.Write((int)key.Action);
                w.Write(memo.LastTicks);
                w.Write(memo.Rewarded);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The ledger a snapshot of <paramref name="employeeId"/>'s ledger holds, or null when the bytes are not such a
    /// snapshot in this code's format (another format or vocabulary, another employee, cut short or too long).
    /// </summary>
    public static EmployeeLedger? FromSnapshot(Guid employeeId, ReadOnlySpan<byte> snapshot)
    {
        try
        {
            using var stream = new MemoryStream(snapshot.ToArray(), writable: false);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            if (r.ReadInt32() != SnapshotFormat || r.ReadString() != Vocabulary || new Guid(r.ReadBytes(16)) != employeeId)
            {
                return null;
            }

            var ledger = new EmployeeLedger(employeeId) { TotalXp = r.ReadInt64() };
            ledger._categoriesWithLines = r.ReadInt32();
            for (var i = 0; i < CategoryKinds; i++)
            {
                ledger._points[i] = r.ReadInt64();
            }

            for (var i = 0; i < ActionKinds; i++)
            {
                ledger._counts[i] = r.ReadInt32();
            }

            for (var action = 0; action < ActionKinds; action++)
            {
                var length = r.ReadInt32();
                if (length < 0)
                {
                    continue;
                }

                if (length != AntiGaming.MaxBurstCount)
                {
                    return null;
                }

                ledger._recentNext[action] = r.ReadInt32();
                ledger._recentCount[action] = r.ReadInt32();
                var recent = ledger._recent[action] = new long[length];
                for (var i = 0; i < length; i++)
                {
                    recent[i] = r.ReadInt64();
                }
            }

            for (var i = r.ReadInt32(); i > 0; i--)
            {
                ledger._activeWorkingDays.Add(DateOnly.FromDayNumber(r.ReadInt32()));
            }

            for (var i = r.ReadInt32(); i > 0; i--)
            {
                ledger._departmentsEngaged.Add(new Guid(r.ReadBytes(16)));
            }

            for (var i = r.ReadInt32(); i > 0; i--)
            {
                ledger._firstReplyDelays.Add(new TimeSpan(r.ReadInt64()));
            }

            for (var i = r.ReadInt32(); i > 0; i--)
            {
                var counters = new DayCounters();
                ledger._days.Add(r.ReadInt32(), counters);
                for (var a = 0; a < ActionKinds; a++)
                {
                    counters.Actions[a] = r.ReadInt32();
                }

                for (var c = 0; c < CategoryKinds; c++)
                {
                    counters.Points[c] = r.ReadInt64();
                }
            }

            var memos = r.ReadInt32();
            ledger._onItems.EnsureCapacity(memos);
            for (var i = 0; i < memos; i++)
            {
                var key = new ItemAction(new Guid(r.ReadBytes(16)), (ActionType)r.ReadInt32());
                ledger._onItems.Add(key, new ItemMemo { LastTicks = r.ReadInt64(), Rewarded = r.ReadBoolean() });
            }

            return stream.Position == stream.Length ? ledger : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or IOException or FormatException)
        {
            return null;
        }
    }
}
