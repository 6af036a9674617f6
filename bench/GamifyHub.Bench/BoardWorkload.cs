namespace GamifyHub.Bench;

/// <summary>
/// One board size's workload, generated from a seed so that both sides get exactly the same operations: every member
/// starts with a score of 0–999, then score increments of 1–20 go to members chosen with a skew (a few very active
/// people), then rank lookups and around-me reads of uniformly chosen members.
/// </summary>
public sealed class BoardWorkload
{
    public required Guid[] Members { get; init; }

    public required long[] Initial { get; init; }

    /// <summary>Index into <see cref="Members"/> of each increment.</summary>
    public required int[] UpdateMember { get; init; }

    public required int[] UpdateDelta { get; init; }

    public required int[] RankMember { get; init; }

    public required int[] AroundMember { get; init; }

    /// <summary>Every member's final score, summed here from the workload alone, so each side is checked against a third answer.</summary>
    public required long[] Expected { get; init; }

    public static BoardWorkload Create(int members, int updates, int reads, int seed)
    {
        var random = new Random(seed);
        var ids = new Guid[members];
        var initial = new long[members];
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < members; i++)
        {
            random.NextBytes(bytes);
            ids[i] = new Guid(bytes);
            initial[i] = random.Next(0, 1_000);
        }

        var expected = (long[])initial.Clone();
        var updateMember = new int[updates];
        var updateDelta = new int[updates];
        for (var i = 0; i < updates; i++)
        {
            // index = n·u² with u uniform: P(index < k) = √(k/n), so the top 1% of members get 10% of the increments.
            var u = random.NextDouble();
            updateMember[i] = Math.Min(members - 1, (int)(members * u * u));
            updateDelta[i] = random.Next(1, 21);
            expected[updateMember[i]] += updateDelta[i];
        }

        int[] Uniform(int count)
        {
            var picks = new int[count];
            for (var i = 0; i < count; i++)
            {
                picks[i] = random.Next(members);
            }

            return picks;
        }

        return new BoardWorkload
        {
            Members = ids,
            Initial = initial,
            UpdateMember = updateMember,
            UpdateDelta = updateDelta,
            RankMember = Uniform(reads),
            AroundMember = Uniform(reads),
            Expected = expected,
        };
    }
}
