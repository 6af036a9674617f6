namespace GamifyHub.Server.Analytics;

/// <summary>One version of the benchmarks document or of the return model, as the history lists it.</summary>
/// <param name="At">When it was saved; null for the shipped version 1.</param>
/// <param name="ChangedBy">Who saved it, as the audit page shows them now: their current email, "former colleague" once
/// erased, or what the audit line stored ("system", an API key's name); null for the shipped version 1.</param>
public sealed record StudyVersionRow(int Version, DateTime? At, string? ChangedBy);

public sealed record StudyVersionPage(IReadOnlyList<StudyVersionRow> Items, int Total, int Page, int PageSize);
