using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GamifyHub.Bench;

/// <summary>
/// One live client of the fan-out scenario: a real SignalR connection to <c>/hubs/live</c>, signed in as a demo employee, watching
/// one board through the hub's own <c>WatchBoard</c>. It only records: when each <c>BoardChanged</c> arrived and the rows it carried,
/// and how many personal messages came; the figures are worked out after the run.
/// </summary>
public sealed class FanoutWatcher(int index, string board, string window, string token)
{
    private readonly List<Push> _pushes = new(512);
    private HubConnection? _connection;
    private volatile bool _closing;
    private int _personal;

    /// <summary>A row as a push carries it: the member (an employee, their pseudonym, or a department) and the board score.</summary>
    public readonly record struct Row(Guid MemberId, long Score);

    /// <param name="ReceivedUtcTicks">The client's wall clock when the message handler ran (same clock as the server's commit stamps).</param>
    public sealed record Push(long ReceivedUtcTicks, IReadOnlyList<Row> Rows);

    public int Index => index;

    public string Board => board;

    public string Window => window;

    /// <summary>The rows of the snapshot WatchBoard answered: the scores before the load.</summary>
    public IReadOnlyList<Row> Snapshot { get; private set; } = [];

    /// <summary>Set when the connection closed before the scenario ended it (<see cref="ClosedReason"/> says why).</summary>
    public bool Disconnected { get; private set; }

    public string? ClosedReason { get; private set; }

    public int Personal => Volatile.Read(ref _personal);

    /// <summary>The pushes received so far; read only after the load has stopped.</summary>
    public IReadOnlyList<Push> Pushes
    {
        get
        {
            lock (_pushes)
            {
                return [.. _pushes];
            }
        }
    }

    public async Task StartAsync(Uri baseAddress, CancellationToken cancel)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        _connection.On<JsonElement>("BoardChanged", Received);
        // A real user's tab also gets their own messages; counted, so the report can say what else travelled.
        foreach (var method in new[] { "Notification", "UnreadCount", "ChallengeChanged", "AnalyticsChanged" })
        {
            _connection.On<JsonElement>(method, _ => Interlocked.Increment(ref _personal));
        }

        _connection.Closed += ex =>
        {
            if (!_closing)
            {
                Disconnected = true;
                ClosedReason = ex?.Message ?? "closed by the server";
            }

            return Task.CompletedTask;
        };
        await _connection.StartAsync(cancel);
        var snapshot = await _connection.InvokeAsync<JsonElement>("WatchBoard", board, window, cancel);
        Snapshot = Rows(snapshot);
    }

    public async Task StopAsync()
    {
        _closing = true;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void Received(JsonElement message)
    {
        var at = DateTime.UtcNow.Ticks;
        var push = new Push(at, Rows(message));
        lock (_pushes)
        {
            _pushes.Add(push);
        }
    }

    /// <summary>Rows with a figure; a withheld department's row (score 0, unranked) says nothing about points.</summary>
    private static Row[] Rows(JsonElement board)
    {
        if (!board.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<Row>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            if (row.TryGetProperty("withheld", out var withheld) && withheld.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            result.Add(new Row(row.GetProperty("memberId").GetGuid(), row.GetProperty("score").GetInt64()));
        }

        return [.. result];
    }
}
