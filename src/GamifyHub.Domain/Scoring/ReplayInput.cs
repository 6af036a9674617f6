using System.Runtime.InteropServices;
using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Scoring;

/// <summary>
/// Identifies the input of a replay (the event log and the profiles of its items) by its size and a 64-bit hash of every
/// field a replay reads. A replay is deterministic, so two replays of inputs with the same identity under the same rules
/// and time zone stand everyone in the same place: what lets a rescore reuse the standings a preview just computed.
/// </summary>
/// <remarks>The hash uses <see cref="string.GetHashCode()"/>, which differs between processes: compare identities
/// within one process only.</remarks>
public readonly record struct ReplayInput(int Events, int Items, ulong Hash)
{
    private const ulong Prime = 0x100000001B3UL;

    public static ReplayInput Of(IReadOnlyList<ReplayEvent> events, IReadOnlyDictionary<Guid, ItemProfile> items)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(items);
        var hash = 0xCBF29CE484222325UL;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            hash = Mix(hash, e.EventId);
            hash = Mix(hash, e.EmployeeId);
            hash = Mix(hash, e.DepartmentId);
            hash = Mix(hash, (ulong)e.Action);
            hash = Mix(hash, (ulong)e.OccurredAt.UtcTicks);
            hash = Mix(hash, (ulong)(uint)e.Source.GetHashCode(StringComparison.Ordinal));
            hash = Mix(hash, e.FeedbackId ?? Guid.Empty);
            hash = Mix(hash, e.TargetDepartmentId ?? Guid.Empty);
            hash = Mix(hash, e.DwellSeconds is { } dwell ? (ulong)dwell : ulong.MaxValue);
        }

        // Items are summed, so the dictionary's order does not matter.
        var itemSum = 0UL;
        foreach (var item in items.Values)
        {
            var h = Mix(0xCBF29CE484222325UL, item.ItemId);
            h = Mix(h, (ulong)(uint)item.Channel.GetHashCode(StringComparison.Ordinal));
            h = Mix(h, (ulong)item.Sentiment);
            h = Mix(h, (ulong)item.Priority);
            h = Mix(h, (ulong)(uint)item.Language.GetHashCode(StringComparison.Ordinal));
            h = Mix(h, (ulong)item.ReceivedAt.UtcTicks);
            foreach (var department in item.RoutedDepartments)
            {
                h = Mix(h, department);
            }

            itemSum += Finish(h);
        }

        return new ReplayInput(events.Count, items.Count, Finish(Mix(hash, itemSum)));
    }

    private static ulong Mix(ulong hash, Guid value)
    {
        var words = MemoryMarshal.Cast<Guid, ulong>(MemoryMarshal.CreateReadOnlySpan(ref value, 1));
        return Mix(Mix(hash, words[0]), words[1]);
    }

    private static ulong Mix(ulong hash, ulong value) => (hash ^ value) * Prime;

    // A final avalanche (splitmix64), so inputs that differ in one field differ in about half the bits.
    private static ulong Finish(ulong h)
    {
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
