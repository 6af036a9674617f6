using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Resilience.Tests;

/// <summary>
/// Integrator-style load: single and batch engagement events with caller-chosen ids, each retried with the same
/// id until the server acknowledges it. Remembers exactly what was acknowledged and what it earned.
/// </summary>
public sealed class EventLoad(Func<Uri> baseAddress, IReadOnlyList<string> employees, IReadOnlyList<(string Employee, Guid Item)> items, int seed)
{
    private static readonly string[] Types = ["read", "reply", "tag", "insight"];

    public ConcurrentDictionary<Guid, (string Employee, int Points)> Acknowledged { get; } = new();

    public int Attempts;
    public int Failures;
    public int Duplicates;

    public Task Run(int workers, CancellationToken stopCreating) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Worker(new Random(seed + w), stopCreating)));

    private async Task Worker(Random random, CancellationToken stopCreating)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiClient.ApiKey);
        List<object>? pending = null;
        // The deadline is for one batch: the load itself may run longer than five minutes on a busy machine.
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (pending is null)
            {
                if (stopCreating.IsCancellationRequested)
                {
                    return;
                }

                pending = [.. Enumerable.Range(0, random.Next(3) == 0 ? 1 : random.Next(2, 25)).Select(_ => NewEvent(random))];
            }

            Interlocked.Increment(ref Attempts);
            if (await TrySend(client, pending))
            {
                pending = null;
                deadline = DateTime.UtcNow.AddMinutes(5);
            }
            else
            {
                Interlocked.Increment(ref Failures);
                await Task.Delay(random.Next(20, 120));
            }
        }

        throw new TimeoutException("A batch of events was still unacknowledged after 5 minutes of retries.");
    }

    private object NewEvent(Random random)
    {
        if (items.Count > 0 && random.Next(4) == 0)
        {
            var (employee, item) = items[random.Next(items.Count)];
            return new { eventId = Guid.CreateVersion7(), employee, type = "tag", feedbackId = item };
        }

        return new { eventId = Guid.CreateVersion7(), employee = employees[random.Next(employees.Count)], type = Types[random.Next(Types.Length)] };
    }

    private async Task<bool> TrySend(HttpClient client, List<object> events)
    {
        try
        {
            var single = events.Count == 1;
            var response = single
                ? await client.PostAsJsonAsync(new Uri(baseAddress(), "api/events"), events[0])
                : await client.PostAsJsonAsync(new Uri(baseAddress(), "api/events/batch"), new { events });
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var results = single ? [body] : body.GetProperty("results").EnumerateArray().ToList();
            for (var i = 0; i < events.Count; i++)
            {
                var result = results[i];
                if (result.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
                {
                    throw new InvalidOperationException($"An event was refused: {error}");
                }

                var employee = JsonSerializer.SerializeToElement(events[i]).GetProperty("employee").GetString()!;
                var eventId = result.GetProperty("eventId").GetGuid();
                if (result.GetProperty("duplicate").GetBoolean())
                {
                    Interlocked.Increment(ref Duplicates);
                }

                var points = result.GetProperty("points").GetInt32();
                if (!Acknowledged.TryAdd(eventId, (employee, points)))
                {
                    Assert.Equal(Acknowledged[eventId].Points, points);
                }
            }

            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
