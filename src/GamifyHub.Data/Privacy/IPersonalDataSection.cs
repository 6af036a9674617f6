namespace GamifyHub.Data.Privacy;

/// <summary>
/// A feature's own personal data about one employee, beyond what export and erasure already cover (events, awards,
/// kudos, notifications, preferences, the sign-in). Register one as a singleton to have its data in "export my data"
/// (under <see cref="Name"/>) and removed by "erase me" — e.g. the consent history.
/// </summary>
public interface IPersonalDataSection
{
    /// <summary>The export's property name, e.g. "consentHistory".</summary>
    string Name { get; }

    /// <summary>The employee's data in this section, serialized as JSON as it is (keep it small, or bound it).</summary>
    Task<object?> ExportAsync(GamifyDbContext db, Guid employeeId, CancellationToken cancellationToken);

    /// <summary>Removes the employee's data, inside the erasure's transaction (do not commit; the eraser does).</summary>
    Task EraseAsync(GamifyDbContext db, Guid employeeId, CancellationToken cancellationToken);
}
