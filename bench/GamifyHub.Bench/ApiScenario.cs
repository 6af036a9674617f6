using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Bench;

/// <summary>
/// Engagement events through POST /api/events/batch: C clients, each with one request of B events in flight,
/// until every request was acknowledged with 200 (the server answers only after the events are committed).
/// </summary>
public sealed class ApiScenario(HttpClient http, int batchSize, int concurrency, Func<bool> serverExited)
{
    public const string ApiKey = "demo-ingest-key";
    private const int MaxAttempts = 8;

    public sealed record Outcome(TimeSpan Elapsed, Percentiles Latency, long Points, int Requests, int Retries, int Duplicates,
        IReadOnlyDictionary<string, int> RetryReasons);

    public static HttpClient CreateClient(Uri baseAddress, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return http;
    }

    public async Task<Outcome> RunAsync(IReadOnlyList<BenchEvent> events)
    {
        // Request bodies are built before the clock starts: the client's own JSON work is not part of the figure.
        var bodies = events.Chunk(batchSize).Select(Body).ToArray();
        var latencies = new double[bodies.Length];
        var points = 0L;
        var retries = 0;
        var duplicates = 0;
        var reasons = new Dictionary<string, int>();
        var next = -1;

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(concurrency, bodies.Length)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await SendAsync(bodies[i].Json, bodies[i].Count, reasons);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Add(ref points, answer.Points);
                Interlocked.Add(ref retries, answer.Retries);
                Interlocked.Add(ref duplicates, answer.Duplicates);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();

        return new Outcome(clock.Elapsed, Percentiles.Of(latencies), points, bodies.Length, retries, duplicates, reasons);
    }

    /// <summary>
    /// A steady stream: one batch every batch-size / <paramref name="eventsPerSecond"/> seconds, sent on schedule whether or not
    /// earlier ones were answered (an open loop, as users are), until the events run out or <paramref name="stop"/> is cancelled;
    /// then waits for the answers of those sent. Returns how many events were sent; <paramref name="refusals"/>, when given, counts
    /// the refused or dropped attempts (retried) by reason.
    /// </summary>
    public async Task<int> RunPacedAsync(IReadOnlyList<BenchEvent> events, double eventsPerSecond, CancellationToken stop,
        Dictionary<string, int>? refusals = null)
    {
        var bodies = events.Chunk(batchSize).Select(Body).ToArray();
        var interval = TimeSpan.FromSeconds(batchSize / eventsPerSecond);
        var reasons = refusals ?? new Dictionary<string, int>();
        var sent = new List<Task<Answer>>();
        var count = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < bodies.Length && !stop.IsCancellationRequested; i++)
        {
            var due = interval * i - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(due, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            sent.Add(SendAsync(bodies[i].Json, bodies[i].Count, reasons));
            count += bodies[i].Count;
        }

        await Task.WhenAll(sent);
        return count;
    }

    private sealed record Answer(long Points, int Retries, int Duplicates);

    /// <summary>Sends one batch; retries (same event ids, so retries are safe) on 503/429 and transport errors, a bounded number of times.</summary>
    private async Task<Answer> SendAsync(byte[] json, int count, Dictionary<string, int> reasons)
    {
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                using var content = new ByteArrayContent(json);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("/api/events/batch", content);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var (points, duplicates) = Check(text, count);
                    return new Answer(points, attempt - 1, duplicates);
                }

                if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests))
                {
                    throw new BenchFailure($"POST /api/events/batch answered {(int)response.StatusCode}: {Shorten(text)}");
                }

                reason = $"{(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                if (serverExited())
                {
                    throw new BenchFailure("The server process exited during the run.");
                }

                reason = $"transport: {ex.HttpRequestError}";
            }
            catch (TaskCanceledException)
            {
                reason = "timeout (120 s)";
            }

            lock (reasons)
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }

            if (attempt == MaxAttempts)
            {
                throw new BenchFailure($"A batch was still refused after {MaxAttempts} attempts (last: {reason}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
        }
    }

    private static (long Points, int Duplicates) Check(string text, int count)
    {
        using var document = JsonDocument.Parse(text);
        var results = document.RootElement.GetProperty("results");
        if (results.GetArrayLength() != count)
        {
            throw new BenchFailure($"The batch answer has {results.GetArrayLength()} results for {count} events.");
        }

        long points = 0;
        var duplicates = 0;
        foreach (var result in results.EnumerateArray())
        {
            if (result.TryGetProperty("status", out var status) && status.GetInt32() != 200)
            {
                throw new BenchFailure($"An event of the batch was refused: {Shorten(result.GetRawText())}");
            }

            points += result.GetProperty("points").GetInt32();
            if (result.GetProperty("duplicate").GetBoolean())
            {
                duplicates++;
            }
        }

        return (points, duplicates);
    }

    private static (byte[] Json, int Count) Body(BenchEvent[] batch)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var e in batch)
            {
                writer.WriteStartObject();
                writer.WriteString("eventId", e.EventId);
                writer.WriteString("employee", e.Employee.Email);
                writer.WriteString("type", ActionTypes.Name(e.Type));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return (buffer.ToArray(), batch.Length);
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
