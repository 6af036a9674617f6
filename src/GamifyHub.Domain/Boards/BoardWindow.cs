namespace GamifyHub.Domain.Boards;

/// <summary>
/// Time window of a board. Stored by name, so never rename a member. <see cref="Season"/> follows the company's
/// season calendar (named date ranges) and has no period while no season is running.
/// </summary>
public enum BoardWindow { Day, Week, Month, Quarter, All, Season }

public static class BoardWindows
{
    public static bool TryParse(string? value, out BoardWindow window)
    {
        window = default;
        foreach (var candidate in Enum.GetValues<BoardWindow>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.Ordinal))
            {
                window = candidate;
                return true;
            }
        }

        return false;
    }

    public static string Name(BoardWindow window) => window.ToString().ToLowerInvariant();
}
