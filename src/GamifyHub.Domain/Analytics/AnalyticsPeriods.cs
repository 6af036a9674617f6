using System.Globalization;
using GamifyHub.Domain.Boards;

namespace GamifyHub.Domain.Analytics;

/// <summary>One concrete range of routing times an engagement figure covers, with its bounds in UTC (end exclusive).</summary>
public sealed record AnalyticsPeriod(string Key, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The periods of the analytics windows. The board windows are the board periods (local midnights in the company's time
/// zone, DST-safe); rolling 30 days are the 30 local days up to and including a day, so a daily snapshot is "the 30 days
/// ending with this day, as of this day's end".
/// </summary>
public static class AnalyticsPeriods
{
    public const int RollingDays = 30;

    /// <summary>The period of <paramref name="window"/> that contains <paramref name="now"/>; null for a season when none runs.</summary>
    public static AnalyticsPeriod? For(AnalyticsWindow window, DateTimeOffset now, TimeZoneInfo zone, SeasonCalendar seasons)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(seasons);
        if (window == AnalyticsWindow.Rolling30)
        {
            return Rolling30(LocalDay(now, zone), zone);
        }

        var board = window switch
        {
            AnalyticsWindow.Day => BoardWindow.Day,
            AnalyticsWindow.Week => BoardWindow.Week,
            AnalyticsWindow.Month => BoardWindow.Month,
            AnalyticsWindow.Quarter => BoardWindow.Quarter,
            AnalyticsWindow.Season => BoardWindow.Season,
            _ => BoardWindow.All,
        };
        return Period.Find(board, now, zone, seasons) is { } p ? new AnalyticsPeriod(p.Key, p.StartUtc, p.EndUtc) : null;
    }

    /// <summary>The 30 local days ending with <paramref name="lastDay"/> (inclusive).</summary>
    public static AnalyticsPeriod Rolling30(DateOnly lastDay, TimeZoneInfo zone)
    {
        var first = lastDay.AddDays(-(RollingDays - 1));
        return new AnalyticsPeriod(
            string.Create(CultureInfo.InvariantCulture, $"{first:yyyy-MM-dd}/{lastDay:yyyy-MM-dd}"),
            DayStart(first, zone), DayStart(lastDay.AddDays(1), zone));
    }

    /// <summary>The instant a daily snapshot is taken at: the last instant of the local day.</summary>
    public static DateTimeOffset SnapshotAsOf(DateOnly day, TimeZoneInfo zone) => DayStart(day.AddDays(1), zone).AddTicks(-1);

    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The first instant of a local day (its midnight, or the first valid time after a DST gap), as board periods start.</summary>
    public static DateTimeOffset DayStart(DateOnly day, TimeZoneInfo zone) => Period.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
}
