namespace GamifyHub.Domain.Scoring;

/// <summary>
/// Points for one employee from one rule of one event. One event can award several employees: the actor, colleagues
/// receiving shared credit, and on a reopen everyone whose resolve points are returned.
/// <para>
/// Store every line, including 0-point ones: a 0-point line says "the rules rewarded this action, but a cap or
/// diminishing returns made it worth nothing today", and <see cref="EmployeeLedger.Observe"/> counts it as a rewarded
/// action (for badges, diminishing returns and once-per-item) when it rebuilds from stored awards.
/// </para>
/// </summary>
/// <param name="DepartmentId">The recipient's department when the points were earned, for department boards.</param>
/// <param name="RuleId">The rule's id; shared credit and clawbacks add <see cref="SharedSuffix"/> / <see cref="ClawbackSuffix"/>.</param>
public sealed record AwardLine(
    Guid EmployeeId,
    Guid DepartmentId,
    int Points,
    PointCategory Category,
    string RuleId,
    int RuleVersion,
    string Reason)
{
    public const string SharedSuffix = ":shared";
    public const string ClawbackSuffix = ":clawback";

    /// <summary>Credit received for having forwarded the item; not an action of the recipient.</summary>
    public bool IsSharedCredit => RuleId.EndsWith(SharedSuffix, StringComparison.Ordinal);

    /// <summary>Points returned because the resolve that earned them was reopened.</summary>
    public bool IsClawback => RuleId.EndsWith(ClawbackSuffix, StringComparison.Ordinal);

    /// <summary>A line the recipient earned by their own action (neither shared credit nor a clawback).</summary>
    public bool IsOwnAction => !IsSharedCredit && !IsClawback;
}

/// <summary>What one event earned, for whom, and why nothing was earned when the anti-gaming rules objected.</summary>
/// <param name="Flags"><see cref="ScoreFlags"/> values; flags never throw and never block the event itself.</param>
public sealed record ScoreResult(IReadOnlyList<AwardLine> Awards, IReadOnlyList<string> Flags)
{
    public static ScoreResult Nothing { get; } = new([], []);

    /// <summary>Sum of all lines: what the event is worth in total, whoever received it.</summary>
    public int Total
    {
        get
        {
            var total = 0;
            for (var i = 0; i < Awards.Count; i++)
            {
                total += Awards[i].Points;
            }

            return total;
        }
    }

    /// <summary>Sum of the lines addressed to one employee.</summary>
    public int PointsFor(Guid employeeId)
    {
        var total = 0;
        for (var i = 0; i < Awards.Count; i++)
        {
            if (Awards[i].EmployeeId == employeeId)
            {
                total += Awards[i].Points;
            }
        }

        return total;
    }
}

/// <summary>Why an action earned nothing although a rule matched. Stable strings: clients and audits read them.</summary>
public static class ScoreFlags
{
    /// <summary>A read with a known dwell time below <see cref="AntiGaming.MinReadSeconds"/>.</summary>
    public const string ReadTooFast = "read-too-fast";

    /// <summary>The <see cref="AntiGaming.BurstCount"/>-th or later action of one type within the burst window.</summary>
    public const string Burst = "burst";
}
