namespace GamifyHub.Data.Entities;

/// <summary>One season of the calendar in force (the whole calendar is replaced on edit; see <see cref="SeasonChange"/>).</summary>
public sealed class SeasonEntry
{
    /// <summary>The season's slug, its board period key.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>First day, a local date in the company's time zone.</summary>
    public DateOnly Start { get; set; }

    /// <summary>Last day (inclusive), a local date in the company's time zone.</summary>
    public DateOnly End { get; set; }
}
