namespace GamifyHub.Data.Entities;

public sealed class Department
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>Feedback that no routing rule matches lands here.</summary>
    public bool IsTriage { get; set; }
}
