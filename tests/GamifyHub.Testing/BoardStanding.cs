using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace GamifyHub.Testing;

/// <summary>
/// Others see a person's row on an individual board only in the board's top half (no bottom ranks). Tests that watch a
/// demo sign-in's row (the sign-ins have no demo history) first lift that person there with external events.
/// </summary>
public static class BoardStanding
{
    private static readonly string[] Types = ["insight", "resolve", "reply"];

    /// <summary>Records events for <paramref name="email"/> (spread over the last hours, so no daily cap or cooldown stops
    /// them) until their own row on the board is within the ranks others may see.</summary>
    public static async Task LiftIntoTopHalf(GamifyHubFactory factory, HttpClient person, string email, string board, string window)
    {
        var integration = factory.WithApiKey();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 400; i++)
        {
            if (i % 3 == 0)
            {
                var snapshot = await person.GetJson($"/api/boards/{board}?window={window}&top=1");
                if (snapshot.GetProperty("me") is { ValueKind: JsonValueKind.Object } me
                    && me.GetProperty("rank").GetInt32() <= snapshot.GetProperty("visibleRanks").GetInt32())
                {
                    return;
                }
            }

            // The events land today and before, newest first, a few minutes apart (inside the current day where possible).
            var at = now.AddMinutes(-3 * (i + 1));
            var response = await integration.PostAsJsonAsync("/api/events", new
            {
                eventId = Guid.CreateVersion7(), employee = email, type = Types[i % Types.Length],
                occurredAt = at.ToString("O", CultureInfo.InvariantCulture),
            });
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Event refused: {await response.Content.ReadAsStringAsync()}");
            }
        }

        throw new InvalidOperationException($"Could not lift {email} into the visible ranks of {board}/{window}.");
    }
}
