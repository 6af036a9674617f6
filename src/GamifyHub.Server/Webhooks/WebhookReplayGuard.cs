using System.Collections.Concurrent;

namespace GamifyHub.Server.Webhooks;

/// <summary>
/// Remembers the signatures of deliveries accepted within the timestamp tolerance, so the same signed delivery sent again
/// is refused. Older ones need no memory: their timestamp is stale. The memory is per process; after a restart a replay
/// that gets through is still harmless, because intake is idempotent on (channel, externalId).
/// </summary>
public sealed class WebhookReplayGuard(TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a delivery is seen; false for a replay.</summary>
    public bool TryClaim(string source, string signature)
    {
        var now = time.GetUtcNow();
        if (_seen.Count > PruneAbove)
        {
            var horizon = now - WebhookSignature.Tolerance - WebhookSignature.Tolerance;
            foreach (var (key, seen) in _seen)
            {
                if (seen < horizon)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        return _seen.TryAdd(Key(source, signature), now);
    }

    /// <summary>Forgets a claimed delivery that was not stored, so the sender may retry it unchanged.</summary>
    public void Release(string source, string signature) => _seen.TryRemove(Key(source, signature), out _);

    // Upper- and mixed-case hex verify too: one key for all casings, or each would be a fresh replay.
    private static string Key(string source, string signature) => source + " " + WebhookSignature.Normalize(signature);
}
