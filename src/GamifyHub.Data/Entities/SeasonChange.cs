namespace GamifyHub.Data.Entities;

/// <summary>Append-only audit of season calendar edits: who replaced the calendar, when, and with what.</summary>
public sealed class SeasonChange
{
    public long Id { get; set; }

    /// <summary>The admin's email, or "demo" for the demo company's seed.</summary>
    public required string Actor { get; set; }

    public DateTime At { get; set; }

    /// <summary>JSON: the calendar as it was replaced with, [{"id","name","start","end"}].</summary>
    public required string Calendar { get; set; }
}
