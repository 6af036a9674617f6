namespace GamifyHub.Data;

/// <summary>Where the SQLite file lives (absolute path).</summary>
public sealed record DatabaseLocation(string Path);
