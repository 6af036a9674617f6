namespace GamifyHub.Server.Imports;

public enum ImportFormat { Csv, Jsonl }

/// <param name="Row">The line of the file where the record starts (1-based; in a CSV file the header is line 1).</param>
/// <param name="Field">The field at fault (as the REST API names it), or "row" when the record as a whole is.</param>
public sealed record ImportError(long Row, string Field, string Message);

/// <param name="RowsRead">Records read (blank lines aside); every one is stored, a duplicate or rejected.</param>
/// <param name="Stored">New feedback items, near-duplicates included.</param>
/// <param name="Duplicates">Rows whose (channel, externalId) was known already (also earlier in the same file); nothing stored.</param>
/// <param name="NearDuplicates">Stored rows flagged as reposts of an earlier item's text.</param>
/// <param name="Rejected">Rows with errors; each has at least one entry in the error report.</param>
/// <param name="Errors">The first errors (up to <see cref="ImportErrorReport.KeepFirst"/>); all of them are in the error report.</param>
/// <param name="Fatal">Why reading stopped early (e.g. a quote never closed), with the rows before it imported; null when the
/// whole file was read.</param>
/// <param name="ErrorReport">Where the whole error report (JSON lines) can be had, when there were errors.</param>
public sealed record ImportSummary(Guid Id, string Format, long RowsRead, long Stored, long Duplicates, long NearDuplicates, long Rejected,
    long ErrorCount, IReadOnlyList<ImportError> Errors, string? Fatal, string? ErrorReport, double Seconds);
