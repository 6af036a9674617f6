namespace GamifyHub.Server.Demo;

public sealed class DemoOptions
{
    /// <summary>Seed the demo company on first start and list its sign-ins on the sign-in page.</summary>
    public bool Enabled { get; set; } = true;
}

public sealed class SimulatorOptions
{
    /// <summary>Keep new feedback arriving and simulated colleagues acting on it (demo mode only).</summary>
    public bool Enabled { get; set; } = true;

    public double FeedbackPerMinute { get; set; } = 6;

    public double ActionsPerMinute { get; set; } = 40;
}
