namespace GamifyHub.Domain.Boards;

/// <summary>Which rows of a board's visible top changed between two pushes.</summary>
public static class BoardDiff
{
    /// <summary>
    /// Rows that are new or moved or changed score, plus rows that fell out of the top (with their new rank,
    /// so a client can drop them).
    /// </summary>
    public static IReadOnlyList<RankedRow> Changed(IReadOnlyList<RankedRow> before, IReadOnlyList<RankedRow> after,
        Func<Guid, RankedRow?> currentRowOf)
    {
        var previous = before.ToDictionary(r => r.MemberId);
        var changed = new List<RankedRow>();
        foreach (var row in after)
        {
            if (!previous.Remove(row.MemberId, out var old) || old != row)
            {
                changed.Add(row);
            }
        }

        foreach (var dropped in previous.Keys)
        {
            if (currentRowOf(dropped) is { } row)
            {
                changed.Add(row);
            }
        }

        return changed;
    }
}
