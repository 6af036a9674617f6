using System.Globalization;

namespace GamifyHub.Domain.Boards;

/// <summary>
/// The company's seasons, ordered by first day, never sharing a day. Only valid calendars exist: build one with
/// <see cref="TryCreate"/> (admin input, with messages naming each problem) or <see cref="Create"/> (trusted input).
/// </summary>
public sealed class SeasonCalendar
{
    public const int MaxSeasons = 200;
    public const int MaxIdLength = 40;
    public const int MaxNameLength = 80;
    public const string DateFormat = "yyyy-MM-dd";

    public static readonly DateOnly FirstAllowedDay = new(2000, 1, 1);
    public static readonly DateOnly LastAllowedDay = new(2999, 12, 31);

    public static readonly SeasonCalendar Empty = new([]);

    private SeasonCalendar(IReadOnlyList<Season> seasons)
    {
        Seasons = seasons;
    }

    /// <summary>The seasons in the order they run.</summary>
    public IReadOnlyList<Season> Seasons { get; }

    /// <summary>The season that includes the local day, if any.</summary>
    public Season? On(DateOnly day)
    {
        foreach (var season in Seasons)
        {
            if (season.Start > day)
            {
                break;
            }

            if (season.End >= day)
            {
                return season;
            }
        }

        return null;
    }

    /// <summary>The season running at <paramref name="instant"/> in the company's time zone, if any.</summary>
    public Season? At(DateTimeOffset instant, TimeZoneInfo zone) => On(LocalDay(instant, zone));

    /// <summary>The first season that starts after the local day of <paramref name="instant"/>, if any.</summary>
    public Season? After(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var day = LocalDay(instant, zone);
        return Seasons.FirstOrDefault(s => s.Start > day);
    }

    /// <summary>The period of the season running at <paramref name="instant"/> (key = the season's id), or null.</summary>
    public Period? PeriodAt(DateTimeOffset instant, TimeZoneInfo zone) => At(instant, zone)?.PeriodIn(zone);

    /// <summary>A calendar of trusted seasons (e.g. stored ones); throws when they are not a valid calendar.</summary>
    public static SeasonCalendar Create(IEnumerable<Season> seasons)
    {
        ArgumentNullException.ThrowIfNull(seasons);
        var drafts = seasons.Select(s => new SeasonDraft(s.Id, s.Name, Season.Format(s.Start), Season.Format(s.End))).ToList();
        var errors = TryCreate(drafts, out var calendar);
        return errors.Count == 0
            ? calendar!
            : throw new ArgumentException("Not a valid season calendar: " + string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")),
                nameof(seasons));
    }

    /// <summary>
    /// Checks an admin's calendar and builds it. Returns every problem found (then <paramref name="calendar"/> is null);
    /// paths look like "seasons[2].end".
    /// </summary>
    public static IReadOnlyList<SeasonError> TryCreate(IReadOnlyList<SeasonDraft?>? drafts, out SeasonCalendar? calendar)
    {
        calendar = null;
        var errors = new List<SeasonError>();
        void Error(string path, string message) => errors.Add(new SeasonError(path, message));

        if (drafts is null)
        {
            Error("seasons", "Seasons are required (an empty list means no seasons).");
            return errors;
        }

        if (drafts.Count > MaxSeasons)
        {
            Error("seasons", $"At most {MaxSeasons} seasons, not {drafts.Count}.");
            return errors;
        }

        var valid = new List<(int Index, Season Season)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            var path = $"seasons[{i}]";
            var draft = drafts[i];
            if (draft is null)
            {
                Error(path, "Season is missing.");
                continue;
            }

            var before = errors.Count;
            if (IdProblem(draft.Id) is { } idProblem)
            {
                Error($"{path}.id", idProblem);
            }
            else if (!ids.Add(draft.Id!))
            {
                Error($"{path}.id", $"Duplicate season id '{draft.Id}': ids must be unique.");
            }

            var name = draft.Name?.Trim();
            if (NameProblem(name) is { } nameProblem)
            {
                Error($"{path}.name", nameProblem);
            }

            var start = Day(draft.Start, $"{path}.start", "first", Error);
            var end = Day(draft.End, $"{path}.end", "last", Error);
            if (start is { } s && end is { } e && e < s)
            {
                Error($"{path}.end", $"The last day ({Season.Format(e)}) is before the first day ({Season.Format(s)}).");
            }

            if (errors.Count == before)
            {
                valid.Add((i, new Season(draft.Id!, name!, start!.Value, end!.Value)));
            }
        }

        // Sorted by first day, a season overlaps an earlier one exactly when it starts on or before the latest last day so far.
        (int Index, Season Season)? latest = null;
        foreach (var (index, season) in valid.OrderBy(v => v.Season.Start).ThenBy(v => v.Index))
        {
            if (latest is { } earlier && season.Start <= earlier.Season.End)
            {
                Error($"seasons[{index}].start",
                    $"Season {season} overlaps season {earlier.Season} (seasons[{earlier.Index}]); seasons must not share a day.");
            }

            if (latest is null || season.End > latest.Value.Season.End)
            {
                latest = (index, season);
            }
        }

        if (errors.Count == 0)
        {
            calendar = new SeasonCalendar([.. valid.Select(v => v.Season).OrderBy(s => s.Start)]);
        }

        return errors;
    }

    private static string? IdProblem(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "Id is required: a short slug such as 'winter-2026'.";
        }

        if (id.Length > MaxIdLength)
        {
            return $"Id is at most {MaxIdLength} characters, not {id.Length}.";
        }

        var slug = id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && id[0] != '-' && id[^1] != '-' && !id.Contains("--", StringComparison.Ordinal);
        return slug
            ? null
            : $"Id '{id}' is not a slug: use lower-case letters a-z and digits, joined by single hyphens (e.g. 'winter-2026').";
    }

    private static string? NameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name) || !name.Any(char.IsLetterOrDigit))
        {
            return "Name is required: what people see on the board, e.g. 'Winter Listening Sprint'.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"Name is at most {MaxNameLength} characters, not {name.Length}.";
        }

        return name.Any(char.IsControl) ? "Name must not contain control characters such as line breaks." : null;
    }

    private static DateOnly? Day(string? value, string path, string which, Action<string, string> error)
    {
        if (string.IsNullOrEmpty(value))
        {
            error(path, $"The {which} day is required, as a date yyyy-MM-dd.");
            return null;
        }

        if (!DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            error(path, $"The {which} day '{Shorten(value)}' is not a date yyyy-MM-dd.");
            return null;
        }

        if (day < FirstAllowedDay || day > LastAllowedDay)
        {
            error(path, $"The {which} day must be between {Season.Format(FirstAllowedDay)} and {Season.Format(LastAllowedDay)}.");
            return null;
        }

        return day;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
