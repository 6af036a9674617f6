namespace GamifyHub.Data.Entities;

/// <summary>One version of the scoring rules, as explicit versioned JSON (see RuleSetFormat).</summary>
public sealed class RuleSetEntry
{
    public int Version { get; set; }
    public required string Json { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}
