using System.Buffers.Binary;
using System.Globalization;
using GamifyHub.Domain.Boards;

namespace GamifyHub.Data.Writing;

/// <summary>How projection snapshots are named and laid out (see <see cref="ProjectionSnapshotStore"/>).</summary>
public static class ProjectionSnapshotFormat
{
    /// <summary>The layout below; a snapshot of another format is ignored (the projection is rebuilt from the log).</summary>
    public const int Current = 1;

    private const int Entry = 24; // a member id (16 bytes) and its score (8 bytes, little-endian)

    public static string BoardKey(BoardScope scope, BoardWindow window) =>
        $"board/{scope.Name}/{window.ToString().ToLowerInvariant()}";

    public static string DepartmentKey(Guid departmentId) => $"department/{departmentId:D}";

    /// <summary>A period's key with its bounds: an edited season keeps its key but not its dates.</summary>
    public static string PeriodText(Period period) => string.Create(CultureInfo.InvariantCulture,
        $"{period.Key}|{period.StartUtc.UtcTicks}|{period.EndUtc.UtcTicks}");

    public static byte[] WriteScores(IReadOnlyDictionary<Guid, long> scores)
    {
        var data = new byte[scores.Count * Entry];
        var at = 0;
        foreach (var (member, score) in scores)
        {
            member.TryWriteBytes(data.AsSpan(at, 16));
            BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(at + 16, 8), score);
            at += Entry;
        }

        return data;
    }

    public static Dictionary<Guid, long>? ReadScores(int format, byte[] data)
    {
        if (format != Current || data.Length % Entry != 0)
        {
            return null;
        }

        var scores = new Dictionary<Guid, long>(data.Length / Entry);
        for (var at = 0; at < data.Length; at += Entry)
        {
            scores[new Guid(data.AsSpan(at, 16))] = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(at + 16, 8));
        }

        return scores;
    }

    public static byte[] WriteTotals(long points, long events)
    {
        var data = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(0, 8), points);
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(8, 8), events);
        return data;
    }

    public static (long Points, long Events)? ReadTotals(int format, byte[] data) =>
        format != Current || data.Length != 16
            ? null
            : (BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(0, 8)), BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(8, 8)));
}
