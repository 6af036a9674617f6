namespace GamifyHub.Server.Demo;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>
    /// Seed the demo company on first start and list its sign-ins (with their published password) on the sign-in page.
    /// Off unless set: appsettings.Development.json sets it, so <c>dotnet run</c> (the Development profile) has the demo;
    /// anywhere else the server warns at every start while it is on.
    /// </summary>
    public bool Enabled { get; set; }
}

public sealed class SimulatorOptions
{
    /// <summary>Keep new feedback arriving and simulated colleagues acting on it (demo mode only).</summary>
    public bool Enabled { get; set; } = true;

    public double FeedbackPerMinute { get; set; } = 6;

    public double ActionsPerMinute { get; set; } = 40;
}
