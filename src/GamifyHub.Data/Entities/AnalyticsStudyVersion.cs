namespace GamifyHub.Data.Entities;

/// <summary>
/// One version of an admin-edited analytics document (the benchmarks document or the return model), as JSON. Every edit
/// adds a row, so the history stays; the highest version of a kind is in force, the shipped default while there is none.
/// Who made an edit is in the audit log (by id), not here, so an erasure has nothing to rewrite in this table.
/// </summary>
public sealed class AnalyticsStudyVersion
{
    public const string BenchmarksKind = "benchmarks";
    public const string ReturnModelKind = "return-model";

    /// <summary><see cref="BenchmarksKind"/> or <see cref="ReturnModelKind"/>.</summary>
    public required string Kind { get; set; }

    public int Version { get; set; }
    public DateTime At { get; set; }
    public required string Document { get; set; }
}
