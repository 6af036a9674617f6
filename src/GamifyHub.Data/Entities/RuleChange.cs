namespace GamifyHub.Data.Entities;

/// <summary>Append-only audit of rule changes: every preview and every apply, with who and when.</summary>
public sealed class RuleChange
{
    public const string Preview = "preview";
    public const string Apply = "apply";

    public long Id { get; set; }

    /// <summary><see cref="Preview"/> or <see cref="Apply"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>For an apply the new version; for a preview the version in force it was compared with.</summary>
    public int Version { get; set; }

    public required string Actor { get; set; }
    public DateTime At { get; set; }

    /// <summary>JSON: totals before and after, employees affected, badges gained and lost.</summary>
    public required string Summary { get; set; }
}
