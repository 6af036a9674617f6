using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GamifyHub.Server.Demo;
using GamifyHub.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace GamifyHub.Soak;

/// <summary>Paced event writes, reads and a live watcher against one server; keeps per-interval figures.</summary>
public sealed class SteadyLoad(ServerProcess server, SoakOptions options)
{
    private const int TicksPerSecond = 10;
    private const int MaxInFlight = 8;
    private readonly ConcurrentQueue<double> _writeLatencies = new();
    private readonly ConcurrentQueue<double> _readLatencies = new();
    private readonly ConcurrentDictionary<Guid, byte> _acknowledged = new();
    private readonly string[] _employees = [.. DemoCompany.Colleagues.Select(c => DemoCompany.EmailFor(c.Name)), ApiClient.Ravi, ApiClient.Sofia];
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private HttpClient _integration = null!;
    private HttpClient _reader = null!;
    private HubConnection _live = null!;
    private int _pushes;
    private int _errors;
    private int _skippedTicks;
    private long _acknowledgedInInterval;

    public long Acknowledged => _acknowledged.Count;

    public int Errors => _errors;

    public int SkippedTicks => _skippedTicks;

    private string _departmentId = "";

    public async Task Prepare()
    {
        _integration = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _integration.DefaultRequestHeaders.Add("X-Api-Key", ApiClient.ApiKey);
        _reader = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = await ApiClient.TokenFor(_reader, ApiClient.Sofia);
        _reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _departmentId = (await _reader.GetJson("api/me")).GetProperty("departmentId").GetString()!;
        _live = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .WithAutomaticReconnect()
            .Build();
        _live.On<object>("BoardChanged", _ => Interlocked.Increment(ref _pushes));
        await _live.StartAsync();
        await _live.InvokeAsync<object>("WatchBoard", "employees", "week");
        await _live.InvokeAsync<object>("WatchBoard", "departments", "all");
    }

    public Task Run(CancellationToken stop, Action<Exception> onError) =>
        Task.WhenAll([Writer(stop), Housekeeping(stop), .. Enumerable.Range(0, options.Readers).Select(i => Reader(i, stop))]);

    /// <summary>A person clearing their notification bell every two seconds: a write beside the event writer's.</summary>
    private async Task Housekeeping(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await Tick(timer, stop))
        {
            try
            {
                var response = await _reader.PostAsync("api/notifications/read-all", null, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _errors);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }

    private async Task Writer(CancellationToken stop)
    {
        var perTick = Math.Max(1, options.Rate / TicksPerSecond);
        var random = new Random(42);
        var sends = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1000 / TicksPerSecond));
        while (await Tick(timer, stop))
        {
            if (!await _inFlight.WaitAsync(0, CancellationToken.None))
            {
                Interlocked.Increment(ref _skippedTicks); // the server is behind: do not pile up requests
                continue;
            }

            var events = Enumerable.Range(0, perTick).Select(_ => new SoakEvent(Guid.CreateVersion7(),
                _employees[random.Next(_employees.Length)], random.Next(4) switch { 0 => "read", 1 => "reply", 2 => "tag", _ => "insight" }))
                .ToList();
            sends.Add(Send(events));
            sends.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(sends);
    }

    private async Task Send(List<SoakEvent> events)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var response = await _integration.PostAsJsonAsync("api/events/batch", new { events });
            if (response.IsSuccessStatusCode)
            {
                _writeLatencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                foreach (var e in events)
                {
                    _acknowledged.TryAdd(e.EventId, 0);
                }

                Interlocked.Add(ref _acknowledgedInInterval, events.Count);
            }
            else
            {
                Interlocked.Increment(ref _errors);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _errors);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task Reader(int index, CancellationToken stop)
    {
        string[] urls = ["api/feedback?status=all&pageSize=20", "api/boards/employees?window=week&top=20", "api/me",
            "api/boards/departments?window=all&top=10", "api/notifications", "api/challenges", $"api/departments/{_departmentId}/activity"];
        var n = index;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (await Tick(timer, stop))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var response = await _reader.GetAsync(urls[n++ % urls.Length], CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    _readLatencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref _errors);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public SoakSample TakeSample(TimeSpan at, double residentMegabytes)
    {
        var writes = Drain(_writeLatencies);
        var reads = Drain(_readLatencies);
        return new SoakSample(at, residentMegabytes, Interlocked.Exchange(ref _acknowledgedInInterval, 0) / options.IntervalSeconds,
            Percentile(writes, 0.50), Percentile(writes, 0.95), Percentile(writes, 0.99), Percentile(reads, 0.95),
            Interlocked.Exchange(ref _pushes, 0) / (double)options.IntervalSeconds);
    }

    public async Task VerifyNothingLost()
    {
        await _live.DisposeAsync();
        var stored = await new DatabaseProbe(server.DatabasePath).Scalar<long>("SELECT count(*) FROM Events WHERE Source = 'api'");
        if (stored != _acknowledged.Count)
        {
            throw new InvalidOperationException($"{_acknowledged.Count} events were acknowledged but {stored} are stored.");
        }
    }

    private static List<double> Drain(ConcurrentQueue<double> queue)
    {
        var values = new List<double>();
        while (queue.TryDequeue(out var value))
        {
            values.Add(value);
        }

        values.Sort();
        return values;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>One engagement event as the API takes it (serialized camelCase).</summary>
public sealed record SoakEvent(Guid EventId, string Employee, string Type);
