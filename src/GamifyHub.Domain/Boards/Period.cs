using System.Globalization;

namespace GamifyHub.Domain.Boards;

/// <summary>
/// One concrete period of a window (e.g. ISO week 2026-W48), with its bounds in UTC. Periods start at local
/// midnight in the company's time zone, so a week always starts Monday 00:00 local time, DST or not.
/// </summary>
public sealed record Period(BoardWindow Window, string Key, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public bool Contains(DateTimeOffset instant) => instant >= StartUtc && instant < EndUtc;

    /// <summary>
    /// The period of a calendar window (day, week, month, quarter, all) that contains <paramref name="instant"/>. Season
    /// periods depend on the season calendar: use <see cref="Find"/>.
    /// </summary>
    public static Period For(BoardWindow window, DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (window == BoardWindow.Season)
        {
            throw new ArgumentException("Season periods come from the season calendar; use Period.Find.", nameof(window));
        }

        if (window == BoardWindow.All)
        {
            return new Period(window, "all", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime.Date;
        DateTime start;
        DateTime end;
        string key;
        switch (window)
        {
            case BoardWindow.Day:
                start = local;
                end = start.AddDays(1);
                key = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case BoardWindow.Week:
                start = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
                end = start.AddDays(7);
                key = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(start)}-W{ISOWeek.GetWeekOfYear(start):00}");
                break;
            case BoardWindow.Month:
                start = new DateTime(local.Year, local.Month, 1);
                end = start.AddMonths(1);
                key = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                break;
            case BoardWindow.Quarter:
                start = new DateTime(local.Year, ((local.Month - 1) / 3 * 3) + 1, 1);
                end = start.AddMonths(3);
                key = string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(window), window, null);
        }

        return new Period(window, key, ToUtc(start, zone), ToUtc(end, zone));
    }

    /// <summary>
    /// The period of any window that contains <paramref name="instant"/>: for <see cref="BoardWindow.Season"/> the running
    /// season of <paramref name="seasons"/>, or null when none is running; for the other windows as <see cref="For"/>.
    /// </summary>
    public static Period? Find(BoardWindow window, DateTimeOffset instant, TimeZoneInfo zone, SeasonCalendar seasons)
    {
        ArgumentNullException.ThrowIfNull(seasons);
        return window == BoardWindow.Season ? seasons.PeriodAt(instant, zone) : For(window, instant, zone);
    }

    /// <summary>The first instant of a local day in <paramref name="zone"/> (its midnight, or the first valid time after a DST gap).</summary>
    internal static DateTimeOffset ToUtc(DateTime localMidnight, TimeZoneInfo zone)
    {
        // A local midnight that falls into a DST gap does not exist; the first valid instant after it starts the period.
        var candidate = DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(candidate))
        {
            candidate = candidate.AddMinutes(30);
        }

        // A midnight that happens twice (clocks go back at 01:00) starts the period at its first occurrence.
        if (zone.IsAmbiguousTime(candidate))
        {
            var offset = zone.GetAmbiguousTimeOffsets(candidate).Max();
            return new DateTimeOffset(candidate, offset).ToUniversalTime();
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(candidate, zone), TimeSpan.Zero);
    }
}
