using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Sla;

/// <summary>How long the first response and the resolution of an item of one priority may take.</summary>
public sealed record SlaTarget(TimeSpan FirstResponse, TimeSpan Resolution);

/// <summary>An error in proposed SLA targets: the JSON path of the field and what is wrong with it.</summary>
public sealed record SlaError(string Path, string Message);

/// <summary>The SLA targets per priority, as an admin set them (or the defaults).</summary>
public sealed class SlaPolicy
{
    /// <summary>The longest target an admin may set: a year is past any promise made to a customer.</summary>
    public static readonly TimeSpan MaxTarget = TimeSpan.FromDays(365);

    public static readonly SlaPolicy Default = new(new Dictionary<Priority, SlaTarget>
    {
        [Priority.High] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
        [Priority.Normal] = new(TimeSpan.FromHours(8), TimeSpan.FromDays(3)),
        [Priority.Low] = new(TimeSpan.FromHours(24), TimeSpan.FromDays(7)),
    });

    /// <summary>The priorities from most to least urgent, the order they are shown and checked in.</summary>
    public static readonly IReadOnlyList<Priority> Ordered = [Priority.High, Priority.Normal, Priority.Low];

    private readonly IReadOnlyDictionary<Priority, SlaTarget> _targets;

    private SlaPolicy(IReadOnlyDictionary<Priority, SlaTarget> targets) => _targets = targets;

    public SlaTarget For(Priority priority) => _targets[priority];

    public IReadOnlyDictionary<Priority, SlaTarget> Targets => _targets;

    /// <summary>The shortest target of any clock: nothing can breach before an item is this old.</summary>
    public TimeSpan Shortest => _targets.Values.Min(t => t.FirstResponse < t.Resolution ? t.FirstResponse : t.Resolution);

    /// <summary>
    /// A policy from proposed targets, or the errors that stop it: every priority needs both targets, each from one
    /// minute to <see cref="MaxTarget"/>, and resolving cannot be due before the first response.
    /// </summary>
    public static IReadOnlyList<SlaError> TryCreate(IReadOnlyDictionary<Priority, SlaTarget?> proposed, out SlaPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var errors = new List<SlaError>();
        var targets = new Dictionary<Priority, SlaTarget>();
        foreach (var priority in Ordered)
        {
            var path = Name(priority);
            if (proposed.GetValueOrDefault(priority) is not { } target)
            {
                errors.Add(new SlaError(path, $"Targets for '{path}' priority are required."));
                continue;
            }

            var valid = true;
            foreach (var (field, value) in new[] { ("firstResponseMinutes", target.FirstResponse), ("resolutionMinutes", target.Resolution) })
            {
                if (value < TimeSpan.FromMinutes(1) || value > MaxTarget)
                {
                    errors.Add(new SlaError($"{path}.{field}", $"Must be from 1 to {(int)MaxTarget.TotalMinutes} minutes (a year)."));
                    valid = false;
                }
            }

            if (valid && target.Resolution < target.FirstResponse)
            {
                errors.Add(new SlaError($"{path}.resolutionMinutes", "The resolution target cannot be shorter than the first-response target."));
                valid = false;
            }

            if (valid)
            {
                targets[priority] = target;
            }
        }

        policy = errors.Count == 0 ? new SlaPolicy(targets) : null;
        return errors;
    }

    /// <summary>The wire and storage name of a priority.</summary>
    public static string Name(Priority priority) => priority.ToString().ToLowerInvariant();
}
