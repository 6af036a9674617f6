namespace GamifyHub.Domain.Tests;

/// <summary>Readable, ordered ids: <c>Ids.Of(1) &lt; Ids.Of(2)</c> in <see cref="Guid.CompareTo(Guid)"/> order.</summary>
internal static class Ids
{
    public static Guid Of(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
