namespace GamifyHub.Testing;

public static class TempDatabase
{
    /// <summary>A fresh path under the temp folder; each test host gets its own SQLite file.</summary>
    public static string NewPath() =>
        Path.Combine(Path.GetTempPath(), "gamifyhub-tests", Guid.NewGuid().ToString("N"), "gamifyhub.db");
}
