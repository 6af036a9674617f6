using FsCheck.Xunit;
using GamifyHub.Domain.Boards;

namespace GamifyHub.Domain.Tests.Boards;

public class PeriodTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static Period InBerlin(BoardWindow window, string utc) => Period.For(window, Utc(utc), Berlin);

    [Theory]
    [InlineData("2026-03-23T00:00:00", "2026-W13")] // Monday
    [InlineData("2026-03-29T12:00:00", "2026-W13")] // Sunday
    [InlineData("2026-10-25T12:00:00", "2026-W43")]
    [InlineData("2026-12-31T12:00:00", "2026-W53")]
    [InlineData("2027-01-01T12:00:00", "2026-W53")] // Friday 1 Jan belongs to the last ISO week of 2026
    [InlineData("2024-12-30T12:00:00", "2025-W01")] // Monday 30 Dec is already week 1 of 2025
    [InlineData("2026-01-05T12:00:00", "2026-W02")]
    public void WeekKeyIsTheIsoWeek(string utc, string key)
    {
        var period = InBerlin(BoardWindow.Week, utc);

        Assert.Equal(BoardWindow.Week, period.Window);
        Assert.Equal(key, period.Key);
    }

    [Fact]
    public void WeekStartsMondayAtLocalMidnight()
    {
        var period = InBerlin(BoardWindow.Week, "2026-01-15T10:00:00"); // Thursday, CET (UTC+1)

        Assert.Equal(Utc("2026-01-11T23:00:00"), period.StartUtc); // Monday 12 Jan 00:00 CET
        Assert.Equal(Utc("2026-01-18T23:00:00"), period.EndUtc);
        Assert.Equal(TimeSpan.FromDays(7), period.EndUtc - period.StartUtc);
    }

    [Fact]
    public void SundayLateEveningLocalIsStillTheSameWeekThoughItIsMondayNowhere()
    {
        // Sunday 23:30 CET = 22:30 UTC; Monday 00:30 CET = Sunday 23:30 UTC.
        Assert.Equal("2026-W03", InBerlin(BoardWindow.Week, "2026-01-18T22:30:00").Key);
        Assert.Equal("2026-W04", InBerlin(BoardWindow.Week, "2026-01-18T23:30:00").Key);
    }

    [Fact]
    public void WeekWithTheSpringDstChangeStartsAndEndsAtLocalMidnightAndIs167HoursLong()
    {
        var period = InBerlin(BoardWindow.Week, "2026-03-29T12:00:00"); // clocks go 02:00 CET -> 03:00 CEST

        Assert.Equal("2026-W13", period.Key);
        Assert.Equal(Utc("2026-03-22T23:00:00"), period.StartUtc); // Mon 23 Mar 00:00 CET
        Assert.Equal(Utc("2026-03-29T22:00:00"), period.EndUtc);   // Mon 30 Mar 00:00 CEST
        Assert.Equal(TimeSpan.FromHours(167), period.EndUtc - period.StartUtc);
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.StartUtc, Berlin).TimeOfDay);
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.EndUtc, Berlin).TimeOfDay);
    }

    [Fact]
    public void WeekWithTheAutumnDstChangeStartsAndEndsAtLocalMidnightAndIs169HoursLong()
    {
        var period = InBerlin(BoardWindow.Week, "2026-10-25T12:00:00"); // clocks go 03:00 CEST -> 02:00 CET

        Assert.Equal("2026-W43", period.Key);
        Assert.Equal(Utc("2026-10-18T22:00:00"), period.StartUtc); // Mon 19 Oct 00:00 CEST
        Assert.Equal(Utc("2026-10-25T23:00:00"), period.EndUtc);   // Mon 26 Oct 00:00 CET
        Assert.Equal(TimeSpan.FromHours(169), period.EndUtc - period.StartUtc);
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.StartUtc, Berlin).TimeOfDay);
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.EndUtc, Berlin).TimeOfDay);
    }

    [Fact]
    public void DaysOfTheDstChangesAre23And25HoursLong()
    {
        var spring = InBerlin(BoardWindow.Day, "2026-03-29T12:00:00");
        var autumn = InBerlin(BoardWindow.Day, "2026-10-25T12:00:00");

        Assert.Equal(("2026-03-29", Utc("2026-03-28T23:00:00"), Utc("2026-03-29T22:00:00")), (spring.Key, spring.StartUtc, spring.EndUtc));
        Assert.Equal(("2026-10-25", Utc("2026-10-24T22:00:00"), Utc("2026-10-25T23:00:00")), (autumn.Key, autumn.StartUtc, autumn.EndUtc));
    }

    [Fact]
    public void DayKeyIsTheLocalDate()
    {
        var period = InBerlin(BoardWindow.Day, "2026-06-30T22:30:00"); // 1 Jul 00:30 CEST

        Assert.Equal("2026-07-01", period.Key);
        Assert.Equal(Utc("2026-06-30T22:00:00"), period.StartUtc);
        Assert.Equal(Utc("2026-07-01T22:00:00"), period.EndUtc);
    }

    [Fact]
    public void MonthKeyIsTheLocalMonthWithBoundsAtLocalMidnight()
    {
        var period = InBerlin(BoardWindow.Month, "2026-03-31T22:30:00"); // 1 Apr 00:30 CEST

        Assert.Equal("2026-04", period.Key);
        Assert.Equal(Utc("2026-03-31T22:00:00"), period.StartUtc);
        Assert.Equal(Utc("2026-04-30T22:00:00"), period.EndUtc);
    }

    [Fact]
    public void MonthSpanningTheSpringChangeStartsInWinterTimeAndEndsInSummerTime()
    {
        var period = InBerlin(BoardWindow.Month, "2026-03-15T12:00:00");

        Assert.Equal("2026-03", period.Key);
        Assert.Equal(Utc("2026-02-28T23:00:00"), period.StartUtc);
        Assert.Equal(Utc("2026-03-31T22:00:00"), period.EndUtc);
    }

    [Theory]
    [InlineData("2026-01-01T12:00:00", "2026-Q1", "2025-12-31T23:00:00", "2026-03-31T22:00:00")]
    [InlineData("2026-03-31T22:30:00", "2026-Q2", "2026-03-31T22:00:00", "2026-06-30T22:00:00")]
    [InlineData("2026-08-15T12:00:00", "2026-Q3", "2026-06-30T22:00:00", "2026-09-30T22:00:00")]
    [InlineData("2026-12-31T22:59:59", "2026-Q4", "2026-09-30T22:00:00", "2026-12-31T23:00:00")]
    [InlineData("2026-12-31T23:00:00", "2027-Q1", "2026-12-31T23:00:00", "2027-03-31T22:00:00")]
    public void QuarterKeyAndBounds(string utc, string key, string startUtc, string endUtc)
    {
        var period = InBerlin(BoardWindow.Quarter, utc);

        Assert.Equal(key, period.Key);
        Assert.Equal(Utc(startUtc), period.StartUtc);
        Assert.Equal(Utc(endUtc), period.EndUtc);
    }

    [Fact]
    public void AllTimeIsOnePeriodContainingEverything()
    {
        var period = InBerlin(BoardWindow.All, "2026-05-05T05:05:05");

        Assert.Equal("all", period.Key);
        Assert.Equal(period, Period.For(BoardWindow.All, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc));
        Assert.True(period.Contains(DateTimeOffset.UnixEpoch));
        Assert.True(period.Contains(Utc("2999-12-31T23:59:59")));
    }

    [Theory]
    [InlineData(BoardWindow.Day, "2026-03-29T12:00:00")]
    [InlineData(BoardWindow.Week, "2026-03-29T12:00:00")]
    [InlineData(BoardWindow.Week, "2026-10-25T12:00:00")]
    [InlineData(BoardWindow.Month, "2026-10-25T12:00:00")]
    [InlineData(BoardWindow.Quarter, "2026-10-25T12:00:00")]
    public void AnInstantExactlyAtTheEndBelongsToTheNextPeriod(BoardWindow window, string utc)
    {
        var period = InBerlin(window, utc);
        var next = Period.For(window, period.EndUtc, Berlin);

        Assert.False(period.Contains(period.EndUtc));
        Assert.True(period.Contains(period.EndUtc.AddTicks(-1)));
        Assert.Equal(period.Key, Period.For(window, period.EndUtc.AddTicks(-1), Berlin).Key);
        Assert.True(next.Contains(period.EndUtc));
        Assert.NotEqual(period.Key, next.Key);
        Assert.Equal(period.EndUtc, next.StartUtc);
    }

    [Fact]
    public void AnInstantExactlyAtTheStartBelongsToThePeriod()
    {
        var period = InBerlin(BoardWindow.Week, "2026-10-22T12:00:00");

        Assert.True(period.Contains(period.StartUtc));
        Assert.Equal(period, Period.For(BoardWindow.Week, period.StartUtc, Berlin));
    }

    [Fact]
    public void BoundsAreTheSameWhateverOffsetTheInstantIsGivenIn()
    {
        var utc = Utc("2026-10-25T12:00:00");

        Assert.Equal(Period.For(BoardWindow.Week, utc, Berlin), Period.For(BoardWindow.Week, utc.ToOffset(TimeSpan.FromHours(-7)), Berlin));
    }

    [Fact]
    public void MidnightInADstGapStartsThePeriodAtTheFirstValidInstant()
    {
        // São Paulo skipped 2018-11-04 00:00-00:59 (clocks went from 00:00 -03 to 01:00 -02).
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

        var period = Period.For(BoardWindow.Day, Utc("2018-11-04T12:00:00"), saoPaulo);

        Assert.Equal("2018-11-04", period.Key);
        Assert.Equal(Utc("2018-11-04T03:00:00"), period.StartUtc); // 01:00 -02
        Assert.Equal(Utc("2018-11-05T02:00:00"), period.EndUtc);
        Assert.True(Period.For(BoardWindow.Day, period.StartUtc.AddTicks(-1), saoPaulo).EndUtc == period.StartUtc);
    }

    [Fact]
    public void PeriodForAnInstantAlwaysContainsThatInstantEvenAtAnAmbiguousMidnight()
    {
        var azores = TimeZoneInfo.FindSystemTimeZoneById("Atlantic/Azores");
        var instant = Utc("2026-10-25T00:30:00"); // 00:30 local summer time (+00), first pass through midnight

        var period = Period.For(BoardWindow.Day, instant, azores);

        Assert.True(period.Contains(instant), $"{period.Key} [{period.StartUtc:O}, {period.EndUtc:O}) misses {instant:O}");
    }

    // ---- properties ------------------------------------------------------------------------------------

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void InBerlinEveryInstantLiesInItsPeriodWhichStartsAndEndsAtLocalMidnight(DateTimeOffset instant)
    {
        foreach (var window in new[] { BoardWindow.Day, BoardWindow.Week, BoardWindow.Month, BoardWindow.Quarter })
        {
            var period = Period.For(window, instant, Berlin);

            Assert.True(period.Contains(instant), $"{window} {period.Key} misses {instant:O}");
            Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.StartUtc, Berlin).TimeOfDay);
            Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.EndUtc, Berlin).TimeOfDay);
            Assert.Equal(period, Period.For(window, period.StartUtc, Berlin));
            Assert.Equal(period.EndUtc, Period.For(window, period.EndUtc, Berlin).StartUtc);
        }

        Assert.Equal(DayOfWeek.Monday, TimeZoneInfo.ConvertTime(Period.For(BoardWindow.Week, instant, Berlin).StartUtc, Berlin).DayOfWeek);
    }
}
