using GamifyHub.Server.Auth;
using Microsoft.Extensions.Time.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>The cache of valid API keys: a revoke wins over a lookup that raced it, and no entry outlives its lifetime.</summary>
public sealed class ApiKeyCacheTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private static readonly ApiKeyCache.KnownKey Key = new(Guid.CreateVersion7(), "CRM", ["events:write"]);

    [Fact]
    public void A_key_read_before_a_revoke_is_not_kept_after_it()
    {
        var cache = new ApiKeyCache(_clock);
        var generation = cache.Generation; // the lookup starts and reads the key as valid
        cache.Evict(Key.Id);              // meanwhile it is revoked
        cache.Add("hash", Key, generation);

        Assert.False(cache.TryGet("hash", out _));
    }

    [Fact]
    public void A_revoke_evicts_the_key_and_only_that_key()
    {
        var cache = new ApiKeyCache(_clock);
        var other = Key with { Id = Guid.CreateVersion7() };
        cache.Add("hash", Key, cache.Generation);
        cache.Add("other", other, cache.Generation);

        cache.Evict(Key.Id);

        Assert.False(cache.TryGet("hash", out _));
        Assert.True(cache.TryGet("other", out var kept));
        Assert.Equal(other, kept);
    }

    [Fact]
    public void An_entry_is_looked_up_again_once_its_lifetime_is_over()
    {
        var cache = new ApiKeyCache(_clock);
        cache.Add("hash", Key, cache.Generation);
        _clock.Advance(ApiKeyCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(cache.TryGet("hash", out _));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("hash", out _));
    }
}
