using System.Globalization;
using FsCheck.Xunit;
using GamifyHub.Domain.Boards;

namespace GamifyHub.Domain.Tests.Boards;

public class SeasonCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso + "Z", CultureInfo.InvariantCulture);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Season S(string id, string start, string end) => new(id, $"Season {id}", Day(start), Day(end));

    private static SeasonCalendar Calendar(params Season[] seasons) => SeasonCalendar.Create(seasons);

    private static IReadOnlyList<SeasonError> Errors(params SeasonDraft?[] drafts) => SeasonCalendar.TryCreate(drafts, out _);

    private static SeasonDraft Draft(string? id = "spring", string? name = "Spring Sprint", string? start = "2026-03-01",
        string? end = "2026-03-31") => new(id, name, start, end);

    // ---- periods ---------------------------------------------------------------------------------------

    [Fact]
    public void TheSeasonPeriodIsKeyedByTheSlugAndRunsFromLocalMidnightOfTheFirstDayToLocalMidnightAfterTheLastDay()
    {
        var calendar = Calendar(S("winter-sprint", "2026-01-05", "2026-01-25"));

        var period = calendar.PeriodAt(Utc("2026-01-15T12:00:00"), Berlin)!;

        Assert.Equal(BoardWindow.Season, period.Window);
        Assert.Equal("winter-sprint", period.Key);
        Assert.Equal(Utc("2026-01-04T23:00:00"), period.StartUtc); // Mon 5 Jan 00:00 CET
        Assert.Equal(Utc("2026-01-25T23:00:00"), period.EndUtc);   // Mon 26 Jan 00:00 CET
    }

    [Fact]
    public void ASeasonAcrossTheSpringDstChangeStartsInWinterTimeAndEndsInSummerTime()
    {
        var calendar = Calendar(S("march", "2026-03-01", "2026-03-31"));

        var period = calendar.PeriodAt(Utc("2026-03-29T12:00:00"), Berlin)!; // the day clocks go 02:00 CET -> 03:00 CEST

        Assert.Equal(Utc("2026-02-28T23:00:00"), period.StartUtc);
        Assert.Equal(Utc("2026-03-31T22:00:00"), period.EndUtc);
        Assert.Equal(TimeSpan.FromDays(31) - TimeSpan.FromHours(1), period.EndUtc - period.StartUtc);
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.StartUtc, Berlin).TimeOfDay);
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.EndUtc, Berlin).TimeOfDay);
    }

    [Fact]
    public void ASeasonAcrossTheAutumnDstChangeStartsInSummerTimeAndEndsInWinterTime()
    {
        var calendar = Calendar(S("october", "2026-10-01", "2026-10-31"));

        var period = calendar.PeriodAt(Utc("2026-10-25T01:30:00"), Berlin)!; // 02:30 CET, the hour that happens twice

        Assert.Equal(Utc("2026-09-30T22:00:00"), period.StartUtc);
        Assert.Equal(Utc("2026-10-31T23:00:00"), period.EndUtc);
        Assert.Equal(TimeSpan.FromDays(31) + TimeSpan.FromHours(1), period.EndUtc - period.StartUtc);
    }

    [Fact]
    public void OneDaySeasonsOnTheDstDaysAre23And25HoursLong()
    {
        var calendar = Calendar(S("spring-day", "2026-03-29", "2026-03-29"), S("autumn-day", "2026-10-25", "2026-10-25"));

        var spring = calendar.PeriodAt(Utc("2026-03-29T12:00:00"), Berlin)!;
        var autumn = calendar.PeriodAt(Utc("2026-10-25T12:00:00"), Berlin)!;

        Assert.Equal(("spring-day", TimeSpan.FromHours(23)), (spring.Key, spring.EndUtc - spring.StartUtc));
        Assert.Equal(("autumn-day", TimeSpan.FromHours(25)), (autumn.Key, autumn.EndUtc - autumn.StartUtc));
        // The same bounds as the day window of those days.
        Assert.Equal((spring.StartUtc, spring.EndUtc), Bounds(Period.For(BoardWindow.Day, Utc("2026-03-29T12:00:00"), Berlin)));
        Assert.Equal((autumn.StartUtc, autumn.EndUtc), Bounds(Period.For(BoardWindow.Day, Utc("2026-10-25T12:00:00"), Berlin)));
    }

    private static (DateTimeOffset, DateTimeOffset) Bounds(Period p) => (p.StartUtc, p.EndUtc);

    [Fact]
    public void AdjacentSeasonsHandOverAtLocalMidnight()
    {
        var calendar = Calendar(S("first", "2026-03-01", "2026-03-28"), S("second", "2026-03-29", "2026-04-30"));

        var first = calendar.PeriodAt(Utc("2026-03-10T12:00:00"), Berlin)!;
        var second = calendar.PeriodAt(first.EndUtc, Berlin)!;

        Assert.Equal("second", second.Key);
        Assert.Equal(first.EndUtc, second.StartUtc);
        Assert.Equal(Utc("2026-03-28T23:00:00"), first.EndUtc); // Sun 29 Mar 00:00 CET
        Assert.Equal("first", calendar.PeriodAt(first.EndUtc.AddTicks(-1), Berlin)!.Key);
        Assert.False(first.Contains(first.EndUtc));
        Assert.True(second.Contains(second.StartUtc));
    }

    [Fact]
    public void TheSeasonFollowsTheLocalDateNotTheUtcDate()
    {
        var calendar = Calendar(S("new-year", "2027-01-01", "2027-01-31"));

        Assert.Null(calendar.At(Utc("2026-12-31T22:59:59"), Berlin));               // 23:59:59 local, 31 Dec
        Assert.Equal("new-year", calendar.At(Utc("2026-12-31T23:00:00"), Berlin)!.Id); // 00:00 local, 1 Jan
        Assert.Equal("new-year", calendar.At(Utc("2027-01-31T22:59:59"), Berlin)!.Id);
        Assert.Null(calendar.At(Utc("2027-01-31T23:00:00"), Berlin));
    }

    [Fact]
    public void NoSeasonRunningMeansNoPeriod()
    {
        var calendar = Calendar(S("a", "2026-01-01", "2026-01-31"), S("b", "2026-03-01", "2026-03-31"));

        Assert.Null(SeasonCalendar.Empty.PeriodAt(Utc("2026-01-15T12:00:00"), Berlin));
        Assert.Null(calendar.PeriodAt(Utc("2025-12-31T12:00:00"), Berlin)); // before the first
        Assert.Null(calendar.PeriodAt(Utc("2026-02-14T12:00:00"), Berlin)); // in the gap
        Assert.Null(calendar.PeriodAt(Utc("2026-04-01T12:00:00"), Berlin)); // after the last
        Assert.Null(Period.Find(BoardWindow.Season, Utc("2026-02-14T12:00:00"), Berlin, calendar));
        Assert.Equal("b", calendar.After(Utc("2026-02-14T12:00:00"), Berlin)!.Id);
        Assert.Null(calendar.After(Utc("2026-03-14T12:00:00"), Berlin));
    }

    [Fact]
    public void FindGivesTheCalendarWindowsTheirUsualPeriodAndOnlyTheSeasonWindowNeedsTheCalendar()
    {
        var instant = Utc("2026-10-25T12:00:00");
        foreach (var window in new[] { BoardWindow.Day, BoardWindow.Week, BoardWindow.Month, BoardWindow.Quarter, BoardWindow.All })
        {
            Assert.Equal(Period.For(window, instant, Berlin), Period.Find(window, instant, Berlin, SeasonCalendar.Empty));
        }

        Assert.Throws<ArgumentException>(() => Period.For(BoardWindow.Season, instant, Berlin));
    }

    [Fact]
    public void TheCalendarListsSeasonsInTheOrderTheyRun()
    {
        var calendar = Calendar(S("later", "2026-06-01", "2026-06-30"), S("earlier", "2026-01-01", "2026-01-31"));

        Assert.Equal(["earlier", "later"], calendar.Seasons.Select(s => s.Id));
    }

    // ---- validation ------------------------------------------------------------------------------------

    [Fact]
    public void AValidCalendarHasNoErrorsAndTrimsNames()
    {
        var errors = SeasonCalendar.TryCreate([Draft(name: "  Spring Sprint "), Draft("summer", "Summer", "2026-04-01", "2026-04-01")],
            out var calendar);

        Assert.Empty(errors);
        Assert.Equal("Spring Sprint", calendar!.Seasons[0].Name);
        Assert.Equal(Day("2026-04-01"), calendar.Seasons[1].End);
    }

    [Fact]
    public void AnEmptyListIsTheCalendarWithoutSeasons()
    {
        Assert.Empty(SeasonCalendar.TryCreate([], out var calendar));
        Assert.Empty(calendar!.Seasons);
    }

    [Theory]
    [InlineData("Spring", "not a slug")]
    [InlineData("spring 2026", "not a slug")]
    [InlineData("-spring", "not a slug")]
    [InlineData("spring-", "not a slug")]
    [InlineData("spring--2026", "not a slug")]
    [InlineData("frühling", "not a slug")]
    [InlineData("", "Id is required")]
    [InlineData(null, "Id is required")]
    [InlineData("a-very-long-season-id-that-goes-on-and-on-and-on", "at most 40")]
    public void TheIdMustBeASlug(string? id, string message)
    {
        var error = Assert.Single(Errors(Draft(), Draft("summer", start: "2026-04-01", end: "2026-04-30"), Draft(id: id, start: "2026-05-01", end: "2026-05-31")));

        Assert.Equal("seasons[2].id", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("winter-2026")]
    [InlineData("q1")]
    [InlineData("2026")]
    [InlineData("a")]
    public void SlugsOfLettersAndDigitsJoinedBySingleHyphensAreIds(string id)
    {
        Assert.Empty(Errors(Draft(id: id)));
    }

    [Fact]
    public void IdsMustBeUnique()
    {
        var error = Assert.Single(Errors(Draft(), Draft(start: "2026-05-01", end: "2026-05-31")));

        Assert.Equal("seasons[1].id", error.Path);
        Assert.Contains("Duplicate season id 'spring'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Name is required")]
    [InlineData("   ", "Name is required")]
    [InlineData("--", "Name is required")]
    [InlineData("Line\nbreak", "control characters")]
    public void TheNameIsRequiredAndPlain(string? name, string message)
    {
        var error = Assert.Single(Errors(Draft(name: name)));

        Assert.Equal("seasons[0].name", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNameHasAMaximumLength()
    {
        var error = Assert.Single(Errors(Draft(name: new string('x', SeasonCalendar.MaxNameLength + 1))));

        Assert.Equal("seasons[0].name", error.Path);
        Assert.Contains("at most 80", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-3-1", "seasons[0].start", "is not a date yyyy-MM-dd")]
    [InlineData("01.03.2026", "seasons[0].start", "is not a date yyyy-MM-dd")]
    [InlineData("2026-02-30", "seasons[0].start", "is not a date yyyy-MM-dd")]
    [InlineData("2026-03-01T00:00:00", "seasons[0].start", "is not a date yyyy-MM-dd")]
    [InlineData("", "seasons[0].start", "first day is required")]
    [InlineData("1999-12-31", "seasons[0].start", "between 2000-01-01 and 2999-12-31")]
    public void DaysAreIsoDatesInRange(string start, string path, string message)
    {
        var error = Assert.Single(Errors(Draft(start: start)));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLastDayMustNotBeBeforeTheFirstDay()
    {
        var error = Assert.Single(Errors(Draft(start: "2026-03-10", end: "2026-03-09")));

        Assert.Equal("seasons[0].end", error.Path);
        Assert.Equal("The last day (2026-03-09) is before the first day (2026-03-10).", error.Message);
    }

    [Fact]
    public void OverlappingSeasonsAreRefusedAtTheLaterSeasonsStart()
    {
        var errors = Errors(
            Draft("a", "A", "2026-01-01", "2026-01-31"),
            Draft("b", "B", "2026-03-01", "2026-03-31"),
            Draft("c", "C", "2026-01-31", "2026-02-10"));   // shares 31 Jan with a

        var error = Assert.Single(errors);
        Assert.Equal("seasons[2].start", error.Path);
        Assert.Equal("Season 'c' (2026-01-31 to 2026-02-10) overlaps season 'a' (2026-01-01 to 2026-01-31) (seasons[0]); "
            + "seasons must not share a day.", error.Message);
    }

    [Fact]
    public void ASeasonInsideALongOneOverlapsItEvenWhenAnotherStartsBetween()
    {
        var errors = Errors(
            Draft("year", "Year", "2026-01-01", "2026-12-31"),
            Draft("spring", "Spring", "2026-03-01", "2026-03-31"),
            Draft("summer", "Summer", "2026-07-01", "2026-07-31"));

        Assert.Equal(["seasons[1].start", "seasons[2].start"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Contains("overlaps season 'year'", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var errors = Errors(null, Draft(id: "Bad Id", name: "", start: "soon", end: "later"));

        Assert.Equal(["seasons[0]", "seasons[1].id", "seasons[1].name", "seasons[1].start", "seasons[1].end"], errors.Select(e => e.Path));
    }

    [Fact]
    public void TheListIsRequiredAndBounded()
    {
        Assert.Equal("seasons", Assert.Single(SeasonCalendar.TryCreate(null, out _)).Path);

        var many = Enumerable.Range(0, SeasonCalendar.MaxSeasons + 1)
            .Select(i => (SeasonDraft?)Draft($"s{i}", start: Season.Format(Day("2026-01-01").AddDays(i)), end: Season.Format(Day("2026-01-01").AddDays(i))))
            .ToArray();
        var error = Assert.Single(Errors(many));
        Assert.Equal("seasons", error.Path);
        Assert.Contains("At most 200 seasons", error.Message, StringComparison.Ordinal);
        Assert.Empty(Errors(many[..SeasonCalendar.MaxSeasons]));
    }

    [Fact]
    public void CreateRefusesAnInvalidCalendar()
    {
        var ex = Assert.Throws<ArgumentException>(() => Calendar(S("a", "2026-01-01", "2026-01-31"), S("b", "2026-01-15", "2026-02-15")));

        Assert.Contains("seasons[1].start", ex.Message, StringComparison.Ordinal);
    }

    // ---- properties ------------------------------------------------------------------------------------

    /// <summary>
    /// Seasons laid out from 1 Jan 2026 by <paramref name="shape"/> (pairs of gap and length in days, gaps of 0 making them
    /// adjacent) across both 2026 DST changes in Berlin; any instant in that span lies in the season of its local date,
    /// whose period starts and ends at local midnight, or in no period when that date is in no season.
    /// </summary>
    [Property(MaxTest = 200)]
    public void EveryInstantLiesInTheSeasonOfItsLocalDateOrInNone(byte[] shape, uint minutes)
    {
        var seasons = new List<Season>();
        var day = Day("2026-01-01");
        for (var i = 0; i + 1 < shape.Length && seasons.Count < 20; i += 2)
        {
            var start = day.AddDays(shape[i] % 4);
            var end = start.AddDays(shape[i + 1] % 60);
            seasons.Add(new Season($"s{i / 2}", $"Season {i / 2}", start, end));
            day = end.AddDays(1);
        }

        var calendar = SeasonCalendar.Create(seasons);
        var first = Utc("2025-12-31T23:00:00"); // 1 Jan 2026 00:00 CET
        var instant = first.AddMinutes(minutes % ((day.DayNumber - Day("2026-01-01").DayNumber + 3) * 24 * 60));
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Berlin).DateTime);
        var expected = seasons.SingleOrDefault(s => s.Includes(localDay));

        var period = calendar.PeriodAt(instant, Berlin);

        Assert.Equal(expected?.Id, period?.Key);
        if (period is not null)
        {
            Assert.True(period.Contains(instant), $"{period.Key} [{period.StartUtc:O}, {period.EndUtc:O}) misses {instant:O}");
            Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.StartUtc, Berlin).TimeOfDay);
            Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(period.EndUtc, Berlin).TimeOfDay);
            Assert.Equal(period, calendar.PeriodAt(period.StartUtc, Berlin));
            Assert.NotEqual(period.Key, calendar.PeriodAt(period.EndUtc, Berlin)?.Key);
            Assert.Equal(expected!.Start, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(period.StartUtc, Berlin).DateTime));
            Assert.Equal(expected.End.AddDays(1), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(period.EndUtc, Berlin).DateTime));
        }
    }
}
