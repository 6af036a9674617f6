namespace GamifyHub.Data.Entities;

/// <summary>A routing rule as data. Lists are stored as comma-separated text.</summary>
public sealed class RoutingRuleEntry
{
    public Guid Id { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public required string Keywords { get; set; }
    public required string Channels { get; set; }
    public required string DepartmentIds { get; set; }

    /// <summary>Taxonomy topic names; the rule matches items classified with any of them.</summary>
    public string Topics { get; set; } = "";

    /// <summary>Taxonomy product names.</summary>
    public string Products { get; set; } = "";
}
