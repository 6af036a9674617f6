using GamifyHub.Data.Privacy;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Analytics;

namespace GamifyHub.Grains.Analytics;

/// <summary>
/// What engagement figures depend on besides the log (<see cref="LedgerContext"/>): the departments' current people, the minimum
/// group size and the SLA targets; and which departments the company's figure is made of.
/// </summary>
public sealed class EngagementContexts(CompanyDirectory directory, PrivacyBook privacy, SlaBook sla)
{
    public async Task<LedgerContext> ForAsync(IReadOnlyCollection<Guid> departments)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var members = departments.SelectMany(directory.EmployeesOf).ToHashSet();
        return new LedgerContext(members, privacy.Settings.MinimumGroupSize, await sla.GetAsync());
    }

    /// <summary>The departments the company's figure counts: every one not withheld (never part of a total below the minimum size).</summary>
    public HashSet<Guid> Shown()
    {
        var minimum = privacy.Settings.MinimumGroupSize;
        return directory.Departments.Where(d => !Domain.Privacy.GroupRules.Withheld(directory.Headcount(d.Id), minimum)).Select(d => d.Id)
            .ToHashSet();
    }

    /// <summary>A stamp of everything in <paramref name="context"/>: figures counted under another stamp are counted again.</summary>
    public static int Stamp(LedgerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hash = new HashCode();
        hash.Add(context.MinimumGroupSize);
        foreach (var (priority, target) in context.Sla.Targets.OrderBy(t => t.Key))
        {
            hash.Add(priority);
            hash.Add(target);
        }

        // Order-independent over the set of members.
        var members = 0;
        foreach (var id in context.Members)
        {
            members ^= id.GetHashCode();
        }

        hash.Add(members);
        hash.Add(context.Members.Count);
        return hash.ToHashCode();
    }
}
