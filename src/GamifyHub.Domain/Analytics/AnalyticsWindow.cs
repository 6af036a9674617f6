namespace GamifyHub.Domain.Analytics;

/// <summary>
/// The windows engagement figures are computed for: the board windows plus a rolling 30 days. A window selects the
/// feedback items by the time they were routed to the department (a cohort), so a read rate is "of the items that
/// reached us in this window, how many did we read". Stored and sent by name, so never rename a member.
/// </summary>
public enum AnalyticsWindow { Day, Week, Month, Quarter, Season, All, Rolling30 }

public static class AnalyticsWindows
{
    public static bool TryParse(string? value, out AnalyticsWindow window)
    {
        window = default;
        foreach (var candidate in Enum.GetValues<AnalyticsWindow>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.Ordinal))
            {
                window = candidate;
                return true;
            }
        }

        return false;
    }

    public static string Name(AnalyticsWindow window) => window.ToString().ToLowerInvariant();
}
