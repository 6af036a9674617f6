using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using GamifyHub.Server.Feedback;

namespace GamifyHub.Server.Imports;

/// <summary>One record of an import file: the item it holds, or why it could not be read.</summary>
public readonly record struct FeedbackRow(long Row, FeedbackIn? Item, ImportError? Error);

/// <summary>
/// Reads feedback rows from CSV or JSON lines one at a time, holding at most one record in memory, so a file of any length
/// streams through. A malformed row becomes a row error and reading goes on; only a file that cannot be read on throws.
/// </summary>
public static class FeedbackRows
{
    /// <summary>The longest record read: a full-length text with markup and escaping, with room to spare.</summary>
    public const int MaxRecordBytes = 256 * 1024;

    public static readonly IReadOnlyList<string> Columns = ["channel", "externalId", "author", "text", "url", "language", "createdAt"];
    private static readonly string[] RequiredColumns = ["channel", "externalId", "text"];

    public static IAsyncEnumerable<FeedbackRow> ReadAsync(Stream input, ImportFormat format, JsonSerializerOptions json,
        CancellationToken cancellationToken = default) =>
        format == ImportFormat.Csv ? ReadCsvAsync(input, cancellationToken) : ReadJsonLinesAsync(input, json, cancellationToken);

    // ------------------------------------------------------------------ CSV

    private static async IAsyncEnumerable<FeedbackRow> ReadCsvAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var malformed = new Queue<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            // Bad quoting skips that one record (reported below); a quote never closed stops at this size instead of
            // swallowing the rest of the file into memory.
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = r => malformed.Enqueue(r),
            MaxRecordSize = MaxRecordBytes,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            PoolStrings = false,
        };

        await using var csv = CsvReader.Create(input, options, leaveOpen: true);
        int[] index;
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            index = ColumnIndex(csv.Headers);
        }
        catch (Exception e) when (e is CsvFormatException or DecoderFallbackException)
        {
            throw new ImportFileException(1, $"The header line cannot be read: {e.Message}");
        }

        // For each known column, the position of its field in a record, or -1 when the file has no such column.
        var position = Enumerable.Repeat(-1, Columns.Count).ToArray();
        for (var i = 0; i < index.Length; i++)
        {
            position[index[i]] = i;
        }

        while (true)
        {
            bool more;
            try
            {
                more = await csv.ReadAsync(cancellationToken);
            }
            catch (Exception e) when (e is CsvFormatException or DecoderFallbackException)
            {
                var at = e is CsvFormatException f && f.LineNumber > 0 ? f.LineNumber : Math.Max(2, csv.LineNumber);
                throw new ImportFileException(at, $"The file cannot be read on from line {at}: {Explain(e)}");
            }

            while (malformed.TryDequeue(out var bad))
            {
                yield return new FeedbackRow(bad.LineNumber, null, new ImportError(bad.LineNumber, "row", Malformed(bad.Reason)));
            }

            if (!more)
            {
                yield break;
            }

            var line = csv.LineNumber;
            if (csv.FieldCount != index.Length)
            {
                yield return new FeedbackRow(line, null, new ImportError(line, "row",
                    $"The row has {csv.FieldCount} fields; the header has {index.Length}. Quote fields that contain commas."));
                continue;
            }

            string? Field(int column) => position[column] is var at and >= 0 && !csv.IsEmpty(at) ? csv.GetString(at) : null;

            // Columns order: channel, externalId, author, text, url, language, createdAt.
            yield return new FeedbackRow(line, new FeedbackIn(Field(0), Field(1), Field(2), Field(3), Field(4), Field(5), Field(6)), null);
        }
    }

    /// <summary>For each column of the file, the index of the field it holds in <see cref="Columns"/>.</summary>
    private static int[] ColumnIndex(IReadOnlyList<string> headers)
    {
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException(1, $"The file is empty. Its first line must be the header: {string.Join(",", Columns)}.");
        }

        var index = new int[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim();
            var at = Columns.ToList().FindIndex(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                throw new ImportFileException(1, $"The header names an unknown column '{Printable(name)}'. The columns are: {string.Join(", ", Columns)}.");
            }

            if (index[..i].Contains(at))
            {
                throw new ImportFileException(1, $"The header names the column '{Columns[at]}' twice.");
            }

            index[i] = at;
        }

        var missing = RequiredColumns.Where(r => !index.Contains(Columns.ToList().IndexOf(r))).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(1, $"The header lacks the column(s) {string.Join(", ", missing)}; "
                + $"the columns are: {string.Join(", ", Columns)} (channel, externalId and text are required).");
        }

        return index;
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "A quote inside an unquoted field: quote the whole field and double the quotes inside it.",
        CsvMalformedReason.TextAfterClosingQuote => "Text after a field's closing quote: double the quotes inside a quoted field.",
        CsvMalformedReason.UnterminatedQuote => "A quoted field is never closed.",
        CsvMalformedReason.FieldCountMismatch => "The row has a different number of fields than the header.",
        _ => "The row is not valid CSV.",
    };

    private static string Explain(Exception e) => e switch
    {
        DecoderFallbackException => "the bytes there are not UTF-8. Save the file as UTF-8.",
        CsvFormatException => $"a record is longer than {MaxRecordBytes / 1024:N0} KiB, most likely a quote that is never closed.",
        _ => e.Message,
    };

    // ------------------------------------------------------------------ JSON lines

    private static async IAsyncEnumerable<FeedbackRow> ReadJsonLinesAsync(Stream input, JsonSerializerOptions json,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        long line = 0;
        var skipping = false;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                while (TryTakeLine(ref buffer, read.IsCompleted, out var bytes))
                {
                    line++;
                    if (skipping)
                    {
                        // The tail of a line that was too long, already reported.
                        skipping = false;
                        continue;
                    }

                    if (Parse(bytes, line, json) is { } row)
                    {
                        yield return row;
                    }
                }

                if (buffer.Length > MaxRecordBytes && !skipping)
                {
                    // A line past the limit: report it and drop bytes until its end, holding none of it.
                    yield return new FeedbackRow(line + 1, null, new ImportError(line + 1, "row",
                        $"The line is longer than {MaxRecordBytes / 1024:N0} KiB."));
                    skipping = true;
                }

                if (skipping)
                {
                    reader.AdvanceTo(buffer.End);
                }
                else
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }

                if (read.IsCompleted)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, bool final, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is { } end)
        {
            line = buffer.Slice(0, end);
            buffer = buffer.Slice(buffer.GetPosition(1, end));
            return true;
        }

        if (final && buffer.Length > 0)
        {
            line = buffer;
            buffer = buffer.Slice(buffer.End);
            return true;
        }

        line = default;
        return false;
    }

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static FeedbackRow? Parse(ReadOnlySequence<byte> bytes, long line, JsonSerializerOptions json)
    {
        var span = bytes.IsSingleSegment ? bytes.FirstSpan : bytes.ToArray();
        if (line == 1 && span.StartsWith(Bom))
        {
            span = span[Bom.Length..];
        }

        if (span.Length > 0 && span[^1] == '\r')
        {
            span = span[..^1];
        }

        if (span.Trim(" \t"u8).IsEmpty)
        {
            return null;
        }

        if (span.Length > MaxRecordBytes)
        {
            return new FeedbackRow(line, null, new ImportError(line, "row", $"The line is longer than {MaxRecordBytes / 1024:N0} KiB."));
        }

        try
        {
            var item = JsonSerializer.Deserialize<FeedbackIn>(span, json);
            return item is null
                ? new FeedbackRow(line, null, new ImportError(line, "row", "The line must be one JSON object (a feedback item), not null."))
                : new FeedbackRow(line, item, null);
        }
        catch (JsonException e)
        {
            return new FeedbackRow(line, null, new ImportError(line, Field(e.Path), $"The line is not a valid feedback item: {WireMessage(e)}"));
        }
    }

    private static string Field(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) && !path.Contains('[', StringComparison.Ordinal)
            ? path[2..] : "row";

    private static string WireMessage(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Replace("System.String", "a string", StringComparison.Ordinal)
            .Replace("GamifyHub.Server.Feedback.FeedbackIn", "a feedback item", StringComparison.Ordinal);
    }

    private static string Printable(string text) =>
        new([.. (text.Length > 40 ? text[..40] : text).Select(c => char.IsControl(c) ? '?' : c)]);

    /// <summary>The format a file name or media type stands for, if any.</summary>
    public static ImportFormat? FormatOf(string? nameOrType)
    {
        var value = nameOrType?.Trim().ToLowerInvariant() ?? "";
        if (value.EndsWith(".csv", StringComparison.Ordinal) || value is "csv" or "text/csv")
        {
            return ImportFormat.Csv;
        }

        return value.EndsWith(".jsonl", StringComparison.Ordinal) || value.EndsWith(".ndjson", StringComparison.Ordinal)
            || value is "jsonl" or "ndjson" or "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines"
            ? ImportFormat.Jsonl
            : null;
    }
}
