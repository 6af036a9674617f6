namespace GamifyHub.Grains;

/// <summary>One leaderboard ("{board}/{window}") for the current period; pushes coalesced changes to watchers.</summary>
[Alias("gh.IBoardGrain")]
public interface IBoardGrain : IGrainWithStringKey
{
    /// <summary>The top rows, or the rows around <paramref name="member"/> when <paramref name="aroundMember"/> is set;
    /// <see cref="BoardSnapshot.Me"/> is the member's own row.</summary>
    [Alias("GetSnapshot")]
    Task<BoardSnapshot> GetSnapshot(int top, Guid? member, bool aroundMember, int radius);

    [Alias("ApplyDeltas")]
    Task ApplyDeltas(IReadOnlyList<ScoreDelta> deltas);
}
