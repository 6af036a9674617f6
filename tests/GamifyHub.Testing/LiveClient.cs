using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GamifyHub.Testing;

/// <summary>A real SignalR client on the test server that records what the hub pushes.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("BoardChanged", e => BoardChanges.Enqueue(e));
        connection.On<JsonElement>("Notification", e => Notifications.Enqueue(e));
        connection.On<JsonElement>("ChallengeChanged", e => ChallengeChanges.Enqueue(e));
        connection.On<JsonElement>("AnalyticsChanged", e => AnalyticsChanges.Enqueue(e));
    }

    public ConcurrentQueue<JsonElement> AnalyticsChanges { get; } = new();

    public ConcurrentQueue<JsonElement> ChallengeChanges { get; } = new();

    public HubConnection Connection { get; }

    public ConcurrentQueue<JsonElement> BoardChanges { get; } = new();

    public ConcurrentQueue<JsonElement> Notifications { get; } = new();

    public static async Task<LiveClient> Connect(GamifyHubFactory factory, string email)
    {
        var token = await ApiClient.TokenFor(factory.CreateClient(), email);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        return new LiveClient(connection);
    }

    public Task<JsonElement> WatchBoard(string board, string window) =>
        Connection.InvokeAsync<JsonElement>("WatchBoard", board, window);

    public Task<JsonElement> WatchAnalytics(string departmentId) =>
        Connection.InvokeAsync<JsonElement>("WatchAnalytics", Guid.Parse(departmentId));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
