using GamifyHub.Domain.Boards;

namespace GamifyHub.Domain.Privacy;

/// <summary>A department on the departments board as others see it: withheld ones carry no figures and no rank (0).</summary>
public sealed record DepartmentStanding(int Rank, Guid DepartmentId, long Score, bool Withheld);

/// <summary>
/// The minimum group size and "no bottom ranks" as plain rules. Boards, pushes and insights ask these (through the host's
/// visibility service), and a property test checks that no withheld department's figure can be worked out from all the
/// answers one caller can get. The rule, in short: a department below the minimum group size is never a figure of its
/// own, never part of a total, and never a label on a pseudonymous row; see docs/privacy.md.
/// </summary>
public static class GroupRules
{
    /// <summary>Whether a department is too small for its figures to be shown (they would point at a few people).</summary>
    public static bool Withheld(int headcount, int minimumGroupSize) => headcount < minimumGroupSize;

    /// <summary>
    /// How many ranks of individuals may be listed on a board that ranks <paramref name="ranked"/> people: its top half
    /// (at least one). Nobody's place in the bottom half is ever listed to others; each person still sees their own row.
    /// </summary>
    public static int VisibleRanks(int ranked) => Math.Max(1, (ranked + 1) / 2);

    /// <summary>
    /// Whether a row of an individual board may be listed to <paramref name="viewer"/> (null: a push to every watcher). On
    /// the board of a withheld department only the reader's own row is: its top half would be most of the department.
    /// </summary>
    public static bool Lists(int rank, Guid member, int ranked, Guid? viewer, bool departmentWithheld) =>
        member == viewer || (!departmentWithheld && rank <= VisibleRanks(ranked));

    /// <summary>The rank shown on an individual board: none (0) on a withheld department's board, where the reader's own
    /// place would say how the few others did.</summary>
    public static int ShownRank(int rank, bool departmentWithheld) => departmentWithheld ? 0 : rank;

    /// <summary>
    /// Whether an employee's row names their department. A pseudonym's never does: among the few colleagues of a department
    /// who are not ranked by name it would point at one, and on a small department it would make its total a sum of rows.
    /// A person ranked by name has agreed to be seen with their score; their department is no secret to colleagues.
    /// </summary>
    public static bool NamesDepartment(bool pseudonym) => !pseudonym;

    /// <summary>
    /// Department rows as others see them. A withheld department is shown without figures and unranked; when some rows are
    /// withheld the others are ranked again among themselves (expects then every row of the board), so no rank gap points
    /// at a withheld one.
    /// </summary>
    public static IReadOnlyList<DepartmentStanding> Departments(IReadOnlyList<RankedRow> rows, Func<Guid, bool> withheld)
    {
        var shown = rows.Where(r => !withheld(r.MemberId)).ToList();
        return [.. rows.Select(r => Standing(r, shown, shown.Count == rows.Count, withheld))];
    }

    /// <summary>One department's standing among the <paramref name="shown"/> rows (e.g. the reader's own outside the top).</summary>
    public static DepartmentStanding Standing(RankedRow row, IReadOnlyCollection<RankedRow> shown, bool noneWithheld,
        Func<Guid, bool> withheld) =>
        withheld(row.MemberId)
            ? new DepartmentStanding(0, row.MemberId, 0, true)
            : new DepartmentStanding(noneWithheld ? row.Rank : 1 + shown.Count(o => o.Rank < row.Rank), row.MemberId, row.Score, false);

    /// <summary>
    /// The items whose department's work may be counted in a figure others see (insights' "linked by" and every total
    /// next to it). Withheld departments are left out of every count, not pooled: a pool of two would give either one's
    /// figure to a reader who knows the other (their own one-person department), and a total over everyone minus the
    /// shown departments would be the withheld ones' sum.
    /// </summary>
    public static IEnumerable<T> Countable<T>(IEnumerable<T> items, Func<T, Guid> department, Func<Guid, bool> withheld) =>
        items.Where(i => !withheld(department(i)));
}
