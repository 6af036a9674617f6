namespace GamifyHub.Data.Entities;

/// <summary>
/// One version of the company's privacy settings (append-only: the newest row is in force, the rows before it are the
/// history). Each row is also recorded in the audit log with the settings before and after.
/// </summary>
public sealed class PrivacySettingsChange
{
    public long Id { get; set; }

    public bool IndividualBoards { get; set; }

    public int MinimumGroupSize { get; set; }

    public bool ManagersSeeIndividuals { get; set; }

    public DateTime At { get; set; }

    /// <summary>The admin's email.</summary>
    public required string Actor { get; set; }
}

/// <summary>An employee's consent to be ranked by name, given or revoked (append-only: the newest row per employee holds).</summary>
public sealed class ConsentChange
{
    public long Id { get; set; }

    public Guid EmployeeId { get; set; }

    /// <summary>True: consent given; false: revoked.</summary>
    public bool RankedByName { get; set; }

    public DateTime At { get; set; }
}

/// <summary>The random key pseudonyms are derived from (one row, made on first use). Without it a pseudonym cannot be
/// linked back to a person's id.</summary>
public sealed class PseudonymKey
{
    public int Id { get; set; }

    public required byte[] Key { get; set; }
}
