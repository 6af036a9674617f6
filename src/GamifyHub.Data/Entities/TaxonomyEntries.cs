namespace GamifyHub.Data.Entities;

/// <summary>A topic or product of the admin-editable taxonomy. Keywords are stored as comma-separated text (they have no commas).</summary>
public sealed class TaxonomyEntryRow
{
    public Guid Id { get; set; }

    /// <summary>"topic" or "product".</summary>
    public required string Kind { get; set; }

    public int Order { get; set; }
    public required string Name { get; set; }
    public required string Keywords { get; set; }
}

/// <summary>Append-only audit of taxonomy edits: who replaced the topics and products, when, and with what.</summary>
public sealed class TaxonomyChange
{
    public long Id { get; set; }
    public required string Actor { get; set; }
    public DateTime At { get; set; }

    /// <summary>JSON: the topics and products as they were set.</summary>
    public required string Taxonomy { get; set; }
}
