namespace GamifyHub.Testing;

/// <summary>Waits for an eventually consistent projection (totals, boards) to catch up, or fails.</summary>
public static class Eventually
{
    public static async Task True(Func<Task<bool>> condition, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Condition not met within {timeoutMs} ms.");
            }

            await Task.Delay(50);
        }
    }
}
