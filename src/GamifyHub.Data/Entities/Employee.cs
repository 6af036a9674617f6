namespace GamifyHub.Data.Entities;

public sealed class Employee
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public Guid DepartmentId { get; set; }

    /// <summary>A simulated colleague of the demo company (never a real person).</summary>
    public bool IsSimulated { get; set; }
}
