using System.Security.Claims;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Privacy;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Privacy;
using GamifyHub.Server.Auth;

namespace GamifyHub.Server.Privacy;

/// <summary>How one employee appears to one viewer: the id and name others may see.</summary>
/// <param name="Id">The employee's id when they are ranked by name (or it is the viewer); otherwise their pseudonym's id.</param>
/// <param name="Pseudonym">True when <paramref name="Name"/> is a pseudonym ("Colleague 4F2A").</param>
/// <param name="IsYou">The viewer's own row (they always see their own name).</param>
public readonly record struct PublicPerson(Guid Id, string Name, bool Pseudonym, bool IsYou);

/// <summary>
/// The one place that decides who is shown by name, who under a pseudonym, which ranks of individuals may be listed and
/// which department figures are withheld. Boards, pushes, challenge standings and activity feeds all ask it.
/// </summary>
public sealed class Visibility(PrivacyBook privacy, CompanyDirectory directory)
{
    public PrivacySettings Settings => privacy.Settings;

    public bool IndividualBoards => privacy.Settings.IndividualBoards;

    /// <summary>
    /// An employee as <paramref name="viewer"/> sees them: by name when they opted in, else under their pseudonym. The
    /// public id of a pseudonymous person is the pseudonym's id, so an id seen on a board cannot be joined with other lists.
    /// The viewer sees their own name (pushes have no viewer: they carry what everyone else sees).
    /// </summary>
    public PublicPerson Person(Guid employeeId, Guid? viewer)
    {
        var named = privacy.RankedByName(employeeId);
        var id = named ? employeeId : privacy.PseudonymOf(employeeId).Id;
        if (viewer == employeeId)
        {
            return new PublicPerson(id, directory.Employee(employeeId)?.DisplayName ?? "former employee", false, true);
        }

        return named
            ? new PublicPerson(id, directory.Employee(employeeId)?.DisplayName ?? "former employee", false, false)
            : new PublicPerson(id, privacy.PseudonymOf(employeeId).Label, true, false);
    }

    /// <summary>
    /// Who did something, for a reader of a feed or an item's history: as <see cref="Person"/> shows them, or nobody in
    /// particular (null) for a supervising reader (see <see cref="Supervises"/>). Placeholders of former colleagues and
    /// unknown ids are nobody in particular too.
    /// </summary>
    public PublicPerson? Actor(Guid employeeId, ClaimsPrincipal? reader)
    {
        var viewer = reader?.GetEmployeeId();
        if (directory.Employee(employeeId) is null || (viewer != employeeId && Supervises(reader)))
        {
            return null;
        }

        return Person(employeeId, viewer);
    }

    /// <summary>Managers and admins read as supervisors: team aggregates only, no individuals, unless the works council
    /// allowed it ("managers see individuals").</summary>
    public bool Supervises(ClaimsPrincipal? reader) => reader is not null && !privacy.Settings.ManagersSeeIndividuals
        && (reader.IsInRole(Roles.Manager) || reader.IsInRole(Roles.Admin));

    /// <summary>
    /// How many ranks of individuals may be listed on a board that ranks <paramref name="ranked"/> people: its top half
    /// (at least one). Nobody's place in the bottom half is ever listed to others; each person still sees their own row.
    /// </summary>
    public static int VisibleRanks(int ranked) => GroupRules.VisibleRanks(ranked);

    /// <summary>Whether a department is too small for its figures to be shown (they would point at a few people).</summary>
    public bool Withheld(Guid departmentId) => GroupRules.Withheld(directory.Headcount(departmentId), privacy.Settings.MinimumGroupSize);

    public bool AnyWithheld(IEnumerable<Guid> departmentIds) => departmentIds.Any(Withheld);
}
