using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using GamifyHub.Domain.Feedback;

namespace GamifyHub.Server.Feedback;

/// <summary>What the inbox list is narrowed to. Null or empty lists mean "any".</summary>
public sealed record InboxFilter(
    FeedbackStatus? Status,
    IReadOnlyList<string> Channels,
    IReadOnlyList<Sentiment> Sentiments,
    IReadOnlyList<Priority> Priorities,
    IReadOnlyList<string> Languages,
    string? Search,
    IReadOnlyList<string>? SlaStates = null);

/// <summary>A position in the inbox order (receivedAt desc, id desc): the last item of the previous page.</summary>
public readonly record struct InboxCursor(DateTime ReceivedAt, Guid Id)
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 16;

    /// <summary>Opaque to clients (base64url); the version byte lets the format change without breaking old links silently.</summary>
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], ReceivedAt.Ticks);
        Id.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string text, out InboxCursor cursor)
    {
        cursor = default;
        if (text.Length is 0 or > 64)
        {
            return false;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        Span<byte> bytes = stackalloc byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new InboxCursor(new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes[9..Length], bigEndian: true));
        return true;
    }
}

/// <summary>Reads the inbox query string into a filter, naming every parameter that is off.</summary>
public static class InboxParameters
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>OFFSET paging (the older <c>page</c> parameter) walks every skipped row; past this it is refused.</summary>
    public const int MaxOffset = 10_000;

    public const int SearchMaxLength = 200;
    public const int SearchMaxTerms = 8;

    public sealed record Parsed(InboxFilter Filter, int PageSize, int? Page, InboxCursor? Cursor);

    /// <summary>The item SLA states the <c>sla</c> parameter takes (the wire names of the clocks' states).</summary>
    public static IReadOnlyList<string> SlaStates { get; } = ["on-track", "at-risk", "breached", "met"];

    public static (Parsed? Value, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        string? One(string name)
        {
            var values = query[name];
            if (values.Count > 1)
            {
                errors[name] = [$"'{name}' may be given once."];
                return null;
            }

            return values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
        }

        FeedbackStatus? status = One("status") switch
        {
            null or "open" => FeedbackStatus.Open,
            "resolved" => FeedbackStatus.Resolved,
            "all" => null,
            _ => Error(errors, "status", "'status' must be open, resolved or all."),
        };

        var channels = List(One("channel"), "channel", c => Channels.IsKnown(c) ? c : null,
            $"'channel' must be one or more of {string.Join(", ", Channels.Known)}, separated by commas.", errors);
        var sentiments = List(One("sentiment"), "sentiment", EnumValue<Sentiment>,
            "'sentiment' must be one or more of positive, neutral, negative, separated by commas.", errors);
        var priorities = List(One("priority"), "priority", EnumValue<Priority>,
            "'priority' must be one or more of high, normal, low, separated by commas.", errors);
        var languages = List(One("language"), "language", l => IsLanguageCode(l) ? l : null,
            "'language' must be one or more language codes such as en or de, separated by commas.", errors);

        var slaStates = List(One("sla"), "sla", s => SlaStates.Contains(s) ? s : null,
            $"'sla' must be one or more of {string.Join(", ", SlaStates)}, separated by commas.", errors);

        var search = One("q");
        if (search is not null)
        {
            if (search.Length > SearchMaxLength)
            {
                errors["q"] = [$"'q' must be at most {SearchMaxLength} characters."];
            }
            else if (FeedbackSearch.Terms(search).Count == 0)
            {
                errors["q"] = ["'q' must contain at least one word (letters or digits)."];
            }
            else if (FeedbackSearch.Terms(search).Count > SearchMaxTerms)
            {
                errors["q"] = [$"'q' may have at most {SearchMaxTerms} words."];
            }
        }

        var pageSize = DefaultPageSize;
        if (One("pageSize") is { } sizeText
            && !(int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxPageSize))
        {
            errors["pageSize"] = [$"'pageSize' must be a whole number from 1 to {MaxPageSize}."];
        }

        int? page = null;
        if (One("page") is { } pageText)
        {
            if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p < 1)
            {
                errors["page"] = ["'page' must be a whole number from 1."];
            }
            else if ((long)(p - 1) * pageSize > MaxOffset)
            {
                errors["page"] = [$"'page' reaches past the first {MaxOffset} items; page on with 'cursor' (each answer's nextCursor)."];
            }
            else
            {
                page = p;
            }
        }

        InboxCursor? cursor = null;
        if (One("cursor") is { } cursorText)
        {
            if (InboxCursor.TryDecode(cursorText, out var c))
            {
                cursor = c;
            }
            else
            {
                errors["cursor"] = ["'cursor' is not one this server handed out; pass the nextCursor of an earlier answer unchanged."];
            }
        }

        if (page is not null && cursor is not null)
        {
            errors["cursor"] = ["Give either 'cursor' or 'page', not both."];
        }

        if (page is not null && slaStates.Count > 0)
        {
            // SLA states are computed per item while walking, so there is no OFFSET to jump to.
            errors["page"] = ["'sla' pages by cursor only: leave out 'page' and follow each answer's nextCursor."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new Parsed(new InboxFilter(status, channels, sentiments, priorities, languages, search, slaStates), pageSize, page, cursor),
                errors);
    }

    private static FeedbackStatus? Error(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }

    private static List<T> List<T>(string? text, string field, Func<string, T?> parse, string message, Dictionary<string, string[]> errors)
        where T : struct => ListCore(text, field, s => parse(s) is { } v ? (true, v) : (false, default), message, errors);

    private static List<string> List(string? text, string field, Func<string, string?> parse, string message,
        Dictionary<string, string[]> errors) =>
        ListCore(text, field, s => parse(s) is { } v ? (true, v) : (false, ""), message, errors);

    private static List<T> ListCore<T>(string? text, string field, Func<string, (bool Ok, T Value)> parse, string message,
        Dictionary<string, string[]> errors)
    {
        var result = new List<T>();
        if (text is null)
        {
            return result;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 20)
        {
            errors[field] = [message];
            return result;
        }

        foreach (var part in parts)
        {
            var (ok, value) = parse(part.ToLowerInvariant());
            if (!ok)
            {
                errors[field] = [message];
                return [];
            }

            if (!result.Contains(value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static T? EnumValue<T>(string text) where T : struct, Enum =>
        text.All(char.IsAsciiLetterLower) && Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value : null;

    private static bool IsLanguageCode(string text) =>
        text.Length is >= 2 and <= 10 && text.All(c => char.IsAsciiLetterLower(c) || c == '-');
}

/// <summary>Turns what a person types into an FTS5 query that cannot be read as FTS5 syntax.</summary>
public static class FeedbackSearch
{
    /// <summary>Runs of letters and digits, the same characters the unicode61 tokenizer keeps.</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                terms.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            terms.Add(current.ToString());
        }

        return terms;
    }

    /// <summary>Every term must occur; each as a quoted prefix so "lad" finds "laden" while typing.</summary>
    public static string MatchExpression(string text) =>
        string.Join(" ", Terms(text).Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
}
