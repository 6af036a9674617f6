using System.Collections.Concurrent;

namespace GamifyHub.Server.Auth;

/// <summary>
/// Valid API keys by hash for a short while, so an integration's requests are not each a database lookup. Revoking a key
/// evicts it at once (<see cref="LocalSessionRevocations"/>); an entry lives at most <see cref="Lifetime"/>, which bounds how
/// long a node could trust a key revoked on another one. Unknown keys are never kept: a new key works at once, and guessing
/// cannot fill the cache.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private long _evictions;

    public sealed record KnownKey(Guid Id, string Name, IReadOnlyList<string> Scopes);

    private sealed record Entry(KnownKey Key, DateTimeOffset Until);

    /// <summary>Read before looking a key up, handed to <see cref="Add"/>: a key read before a revoke is not kept after it.</summary>
    public long Generation => Interlocked.Read(ref _evictions);

    public bool TryGet(string hash, out KnownKey key)
    {
        if (_byHash.TryGetValue(hash, out var entry))
        {
            if (entry.Until > time.GetUtcNow())
            {
                key = entry.Key;
                return true;
            }

            _byHash.TryRemove(KeyValuePair.Create(hash, entry));
        }

        key = null!;
        return false;
    }

    public void Add(string hash, KnownKey key, long generation)
    {
        _byHash[hash] = new Entry(key, time.GetUtcNow() + Lifetime);
        if (Generation != generation)
        {
            // A revoke ran while the key was read: it may be the revoked one.
            _byHash.TryRemove(hash, out _);
        }
    }

    public void Evict(Guid keyId)
    {
        Interlocked.Increment(ref _evictions);
        foreach (var (hash, entry) in _byHash)
        {
            if (entry.Key.Id == keyId)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }
}
