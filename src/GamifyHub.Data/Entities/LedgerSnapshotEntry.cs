namespace GamifyHub.Data.Entities;

/// <summary>
/// One employee's scoring ledger as of the log up to <see cref="Seq"/> under the rules of <see cref="RulesVersion"/>
/// (see <see cref="Domain.Scoring.EmployeeLedger.ToSnapshot"/>): a cache an employee's projection starts from, never a
/// source of truth. Anything that changes what the log says about an employee deletes it, and the log rebuilds it.
/// </summary>
public sealed class LedgerSnapshotEntry
{
    public Guid EmployeeId { get; set; }
    public int RulesVersion { get; set; }
    public long Seq { get; set; }
    public int Format { get; set; }
    public required byte[] Data { get; set; }
    public DateTime TakenAt { get; set; }
}
