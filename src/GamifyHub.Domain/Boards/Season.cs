using System.Globalization;

namespace GamifyHub.Domain.Boards;

/// <summary>
/// A named date range that has its own board window: its scores start at zero on <see cref="Start"/> and the board
/// moves on when it ends. Days are local dates in the company's time zone, both inclusive.
/// </summary>
/// <param name="Id">Stable slug (lower-case letters and digits joined by single hyphens); the board's period key.</param>
/// <param name="Name">What people see, e.g. "Winter Listening Sprint".</param>
/// <param name="Start">First day of the season (it starts at local midnight).</param>
/// <param name="End">Last day of the season (it ends at the local midnight after it).</param>
public sealed record Season(string Id, string Name, DateOnly Start, DateOnly End)
{
    /// <summary>The season's period: from local midnight of its first day to local midnight after its last day, in UTC.</summary>
    public Period PeriodIn(TimeZoneInfo zone) => new(BoardWindow.Season, Id,
        Period.ToUtc(Start.ToDateTime(TimeOnly.MinValue), zone), Period.ToUtc(End.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));

    public bool Includes(DateOnly day) => day >= Start && day <= End;

    public static string Format(DateOnly day) => day.ToString(SeasonCalendar.DateFormat, CultureInfo.InvariantCulture);

    public override string ToString() => $"'{Id}' ({Format(Start)} to {Format(End)})";
}

/// <summary>A season as an admin submits it, before validation: dates are ISO 8601 calendar dates (yyyy-MM-dd).</summary>
public sealed record SeasonDraft(string? Id, string? Name, string? Start, string? End);

/// <summary>One problem in a season calendar. Path points at the field, e.g. "seasons[2].end".</summary>
public sealed record SeasonError(string Path, string Message);
